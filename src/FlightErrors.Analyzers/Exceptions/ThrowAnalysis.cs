using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>An exception an endpoint can let escape: its type, where it is thrown, and the call or throw in the endpoint that leads there.</summary>
internal readonly struct EscapingThrow
{
    private readonly IMethodSymbol? _thrownBy;
    private readonly string? _library;

    public EscapingThrow(INamedTypeSymbol type, IMethodSymbol? thrownBy, string? library, SyntaxTree tree, TextSpan span, TextSpan entry, IMethodSymbol? constructor, ImmutableArray<int> arguments)
    {
        _thrownBy = thrownBy;
        _library = library;
        Constructor = constructor;
        Arguments = arguments;
        Type = type;
        Tree = tree;
        Span = span;
        Entry = entry;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>
    /// "Type.Method" of the method that throws it, or the library method a call in the endpoint names; null when the
    /// endpoint throws it itself. Built when asked: most escaping exceptions are never reported.
    /// </summary>
    public string? ThrownIn => _library ?? (_thrownBy is { } method ? DisplayName(method) : null);

    public SyntaxTree Tree { get; }

    /// <summary>The <c>throw</c>.</summary>
    public TextSpan Span { get; }

    /// <summary>The call or throw in the endpoint's own body that the exception escapes from.</summary>
    public TextSpan Entry { get; }

    /// <summary>The constructor of <c>throw new …(…)</c>, or null for another thrown value.</summary>
    public IMethodSymbol? Constructor { get; }

    /// <summary>The constructor call's constant integer arguments by parameter ordinal; -1 where not constant.</summary>
    public ImmutableArray<int> Arguments { get; }

    private static string DisplayName(IMethodSymbol method) =>
        method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;
}

/// <summary>
/// What methods can throw, followed through calls in source: a summary per method (its throws and calls that no
/// <c>catch</c> of its own stops, with the catches around each call), cached for the compilation; an endpoint's
/// exceptions are those summaries walked from its body, to a depth limit, each method once per call of the endpoint.
/// Calls are followed into methods with a body in source, an interface's or abstract member's only implementation
/// in the compilation, and MediatR-style <c>Send(request)</c> to the one <c>IRequestHandler&lt;TRequest, …&gt;</c> of
/// the request's type and the pipeline behaviours that run for it (<see cref="PipelineBehaviours"/>), and
/// <c>Publish(notification)</c> to every <c>INotificationHandler&lt;TNotification&gt;</c> of its type. A library call
/// throws what its library documents (<see cref="LibraryThrows"/>). An endpoint's own body is walked in place, not
/// summarized: its calls are followed as they are met, and nothing is kept of it, so an endpoint that lets nothing
/// escape costs no allocation beyond the summaries of what it calls.
/// </summary>
internal sealed class ThrowAnalysis
{
    private const int MaxDepth = 6;

    /// <summary>MediatR's <c>IRequestHandler&lt;TRequest&gt;</c> and <c>IRequestHandler&lt;TRequest, TResponse&gt;</c>.</summary>
    private static readonly int[] HandlerArities = { 1, 2 };

    private readonly Compilation _compilation;
    private readonly Lazy<SourceTypeIndex> _sourceTypes;
    private readonly Lazy<PipelineBehaviours> _behaviours;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodThrows> _summaries = new(SymbolEqualityComparer.Default);

    // The walk's working sets are the thread's own, reused from one endpoint and one summary to the next. The
    // endpoint's walk and a summary's have a stack each: following a call summarizes the callee mid-walk.
    [ThreadStatic]
    private static HashSet<IMethodSymbol>? t_visited;

    [ThreadStatic]
    private static List<ImmutableArray<INamedTypeSymbol>>? t_catchers;

    [ThreadStatic]
    private static Stack<IOperation>? t_endpointStack;

    [ThreadStatic]
    private static Stack<IOperation>? t_summaryStack;

    [ThreadStatic]
    private static List<ThrowSite>? t_throws;

    [ThreadStatic]
    private static List<CallSite>? t_calls;

    /// <param name="sourceTypes">The compilation's classes indexed once, shared with the rest of the session.</param>
    public ThrowAnalysis(Compilation compilation, Lazy<SourceTypeIndex> sourceTypes)
    {
        _compilation = compilation;
        _sourceTypes = sourceTypes;
        _behaviours = new Lazy<PipelineBehaviours>(() => PipelineBehaviours.Find(compilation, _sourceTypes.Value, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The exceptions that can escape the endpoint whose body is <paramref name="body"/>, in source order of their entry.</summary>
    public IReadOnlyList<EscapingThrow> Escaping(IMethodSymbol endpoint, IOperation body, SemanticModelSource models, CancellationToken cancellationToken)
    {
        // Each method is walked once per call of the endpoint, by the first path that reaches it (in source order):
        // the cost stays linear in what the call reaches, and a cycle ends where it closes.
        var visitor = new EndpointVisitor(this, endpoint, body, models, cancellationToken);
        Walk(body, t_endpointStack ??= new Stack<IOperation>(), ref visitor, cancellationToken);
        return visitor.Results ?? (IReadOnlyList<EscapingThrow>)Array.Empty<EscapingThrow>();
    }

    /// <summary>
    /// Walks one body in source order and hands <paramref name="visitor"/> each throw that no <c>catch</c> of the body
    /// stops, what a documented library call throws, and each call into source. The visitor is a struct, passed by
    /// reference, so the walk itself allocates nothing.
    /// </summary>
    private void Walk<TVisitor>(IOperation body, Stack<IOperation> stack, ref TVisitor visitor, CancellationToken cancellationToken)
        where TVisitor : struct, IBodyVisitor
    {
        stack.Clear();
        stack.Push(body);
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = stack.Pop();
            switch (operation)
            {
                case IThrowOperation { Exception: { } exception } when exception.WalkDownConversions().Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } type:
                    if (!IsCaughtHere(type, CatchersAround(operation, body)))
                    {
                        var creation = exception.WalkDownConversions() as IObjectCreationOperation;
                        visitor.Throw(new ThrowSite(type, operation.Syntax.Span, creation?.Constructor?.OriginalDefinition, ConstantArguments(creation)), null);
                    }

                    break;
                case IInvocationOperation invocation:
                    var targets = Targets(invocation);
                    if (targets.IsEmpty)
                    {
                        foreach (var type in LibraryThrowsAt(invocation, body, out var library))
                        {
                            visitor.Throw(new ThrowSite(type, invocation.Syntax.Span, null, ImmutableArray<int>.Empty), library);
                        }
                    }
                    else
                    {
                        visitor.Call(targets, operation);
                    }

                    break;
                case IObjectCreationOperation { Constructor: { } constructor } when Source(constructor) is { } source:
                    visitor.Call(new CallTargets(source), operation);
                    break;
            }

            PushChildren(stack, operation);
        }
    }

    /// <summary>
    /// Pushes what a walk visits next: the children, last first, so that they are visited in source order. What a
    /// lambda or local function throws leaves only when it is called; a local function's call is followed.
    /// </summary>
    private static void PushChildren(Stack<IOperation> stack, IOperation operation)
    {
        foreach (var child in operation.ChildOperations.Reverse())
        {
            if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
            {
                stack.Push(child);
            }
        }
    }

    private void FollowCall(IMethodSymbol endpoint, CallTargets targets, IOperation call, IOperation body, HashSet<IMethodSymbol> visited, List<ImmutableArray<INamedTypeSymbol>> catchers, SemanticModelSource models, ref List<EscapingThrow>? results, CancellationToken cancellationToken)
    {
        visited.Clear();
        visited.Add(endpoint.OriginalDefinition);
        catchers.Add(CatchersAround(call, body));
        for (var i = 0; i < targets.Count; i++)
        {
            Follow(targets[i], 1, call.Syntax.Span, visited, catchers, models, ref results, cancellationToken);
        }

        catchers.RemoveAt(catchers.Count - 1);
    }

    private void Follow(IMethodSymbol method, int depth, TextSpan entry, HashSet<IMethodSymbol> visited, List<ImmutableArray<INamedTypeSymbol>> catchers, SemanticModelSource models, ref List<EscapingThrow>? results, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || !visited.Add(method))
        {
            return;
        }

        var summary = SummaryOf(method, models, cancellationToken);
        foreach (var thrown in summary.Throws)
        {
            if (!IsCaught(thrown.Type, catchers))
            {
                // A summary with throws has its method and tree.
                (results ??= new List<EscapingThrow>(2)).Add(new EscapingThrow(thrown.Type, summary.Method, null, summary.Tree!, thrown.Span, entry, thrown.Constructor, thrown.Arguments));
            }
        }

        foreach (var call in summary.Calls)
        {
            catchers.Add(call.Catchers);
            for (var i = 0; i < call.Targets.Count; i++)
            {
                Follow(call.Targets[i], depth + 1, entry, visited, catchers, models, ref results, cancellationToken);
            }

            catchers.RemoveAt(catchers.Count - 1);
        }
    }

    private static bool IsCaught(INamedTypeSymbol thrown, List<ImmutableArray<INamedTypeSymbol>> catchers)
    {
        foreach (var level in catchers)
        {
            foreach (var catcher in level)
            {
                if (thrown.InheritsFromOrEquals(catcher))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCaughtHere(INamedTypeSymbol thrown, ImmutableArray<INamedTypeSymbol> catchers)
    {
        foreach (var catcher in catchers)
        {
            if (thrown.InheritsFromOrEquals(catcher))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method's summary, made once; <see cref="MethodThrows.Nothing"/> for a method whose body cannot be read.</summary>
    private MethodThrows SummaryOf(IMethodSymbol method, SemanticModelSource models, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        var references = method.DeclaringSyntaxReferences;
        var summary = references.Length == 1
            && models.For(references[0].SyntaxTree) is { } model
            && model.GetOperation(references[0].GetSyntax(cancellationToken), cancellationToken) is { } body
                ? Summarize(method, body, cancellationToken)
                : MethodThrows.Nothing;
        _summaries.TryAdd(method, summary);
        return summary;
    }

    private MethodThrows Summarize(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        var throws = t_throws ??= new List<ThrowSite>();
        var calls = t_calls ??= new List<CallSite>();
        throws.Clear();
        calls.Clear();
        var visitor = new SummaryVisitor(body, throws, calls);
        Walk(body, t_summaryStack ??= new Stack<IOperation>(), ref visitor, cancellationToken);

        if (throws.Count == 0 && calls.Count == 0)
        {
            return MethodThrows.Nothing;
        }

        var summary = new MethodThrows(method, body.Syntax.SyntaxTree, ImmutableArray.CreateRange(throws), ImmutableArray.CreateRange(calls));
        throws.Clear();
        calls.Clear();
        return summary;
    }

    /// <summary>
    /// What a library call throws by its documentation (<see cref="LibraryThrows"/>) and no <c>catch</c> around it in
    /// <paramref name="body"/> stops, with the name to show for it.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> LibraryThrowsAt(IInvocationOperation invocation, IOperation body, out string? library)
    {
        var documented = LibraryThrows.Of(invocation, _compilation, out library);
        if (documented.IsEmpty)
        {
            return documented;
        }

        var catchers = CatchersAround(invocation, body);
        if (catchers.IsEmpty)
        {
            return documented;
        }

        var escaping = ImmutableArray.CreateBuilder<INamedTypeSymbol>(documented.Length);
        foreach (var type in documented)
        {
            if (!IsCaughtHere(type, catchers))
            {
                escaping.Add(type);
            }
        }

        return escaping.ToImmutable();
    }

    private static ImmutableArray<int> ConstantArguments(IObjectCreationOperation? creation)
    {
        if (creation?.Constructor is not { Parameters.Length: > 0 } constructor)
        {
            return ImmutableArray<int>.Empty;
        }

        var values = new int[constructor.Parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -1;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal < values.Length && argument.Value.ConstantInt() is int value)
            {
                values[parameter.Ordinal] = value;
            }
        }

        return ImmutableArray.Create(values);
    }

    /// <summary>
    /// The types the <c>catch</c> clauses around <paramref name="operation"/> stop, up to <paramref name="body"/>: a
    /// filtered clause may let the exception through, and one that rethrows (<c>throw;</c>) does, so neither counts.
    /// </summary>
    private static ImmutableArray<INamedTypeSymbol> CatchersAround(IOperation operation, IOperation body)
    {
        var catchers = ImmutableArray<INamedTypeSymbol>.Empty;
        for (IOperation? child = operation, parent = operation.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
        {
            if (parent is ITryOperation tryOperation && tryOperation.Body == child)
            {
                foreach (var clause in tryOperation.Catches)
                {
                    if (clause.Filter is null && clause.ExceptionType is INamedTypeSymbol caught && !Rethrows(clause.Handler))
                    {
                        catchers = catchers.Add(caught);
                    }
                }
            }
        }

        return catchers;
    }

    private static bool Rethrows(IOperation handler)
    {
        foreach (var operation in handler.Descendants())
        {
            if (operation is IThrowOperation { Exception: null })
            {
                return true;
            }
        }

        return false;
    }

    private CallTargets Targets(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is { TypeKind: TypeKind.Interface } contract
            && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.WalkDownConversions().Type is INamedTypeSymbol message)
        {
            if (method.Name == "Send" && contract.Name is "ISender" or "IMediator")
            {
                var behaviours = _behaviours.Value.For(message);
                return RequestHandler(message) is { } handler
                    ? (behaviours.IsEmpty ? new CallTargets(handler) : new CallTargets(behaviours.Insert(0, handler)))
                    : new CallTargets(behaviours);
            }

            if (method.Name == "Publish" && contract.Name is "IPublisher" or "IMediator")
            {
                return NotificationHandlers(message);
            }
        }

        if (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return OnlyImplementation(method) is { } implementation ? new CallTargets(implementation) : default;
        }

        return Source(method) is { } source ? new CallTargets(source) : default;
    }

    /// <summary>
    /// The method's definition when its body is in this compilation: declared in source, not implicitly, with a body
    /// (a partial method's implementing part). Asked of every call, so it reads no declaration: the public
    /// <c>DeclaringSyntaxReferences</c> and <c>Locations</c> build arrays.
    /// </summary>
    private IMethodSymbol? Source(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        definition = definition.PartialImplementationPart ?? definition;
        return !definition.IsAbstract && !definition.IsExtern && !definition.IsImplicitlyDeclared
            && SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly)
            ? definition
            : null;
    }

    /// <summary>The member that implements <paramref name="method"/> in the only class of the compilation that does; none when two do.</summary>
    private IMethodSymbol? OnlyImplementation(IMethodSymbol method)
    {
        var owner = method.ContainingType;
        IMethodSymbol? found = null;
        if (owner.TypeKind == TypeKind.Interface)
        {
            foreach (var (type, contract) in _sourceTypes.Value.Implementers(owner.OriginalDefinition))
            {
                if (SymbolEqualityComparer.Default.Equals(contract, owner)
                    && type.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation
                    && !Another(ref found, implementation))
                {
                    return null;
                }
            }
        }
        else
        {
            foreach (var type in _sourceTypes.Value.Subclasses(owner.OriginalDefinition))
            {
                if (Override(type, method) is { } implementation && !Another(ref found, implementation))
                {
                    return null;
                }
            }
        }

        return found is null ? null : Source(found);
    }

    /// <summary>Records <paramref name="implementation"/> as the one found; false when a different one was found before.</summary>
    private static bool Another(ref IMethodSymbol? found, IMethodSymbol implementation)
    {
        if (found is not null && !SymbolEqualityComparer.Default.Equals(found, implementation))
        {
            return false;
        }

        found = implementation;
        return true;
    }

    private static IMethodSymbol? Override(INamedTypeSymbol type, IMethodSymbol method)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(method.Name))
            {
                for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                    {
                        return (IMethodSymbol)member;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The <c>Handle</c> of the only class implementing <c>IRequestHandler&lt;TRequest, …&gt;</c> for <paramref name="request"/>.</summary>
    private IMethodSymbol? RequestHandler(INamedTypeSymbol request)
    {
        IMethodSymbol? found = null;
        var index = _sourceTypes.Value;
        foreach (var arity in HandlerArities)
        {
            foreach (var definition in index.InterfacesNamed("IRequestHandler", arity))
            {
                foreach (var (type, contract) in index.Implementers(definition))
                {
                    if (!SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0], request))
                    {
                        continue;
                    }

                    foreach (var member in contract.GetMembers("Handle"))
                    {
                        if (member is IMethodSymbol handle && type.FindImplementationForInterfaceMember(handle) is IMethodSymbol implementation
                            && !Another(ref found, implementation))
                        {
                            return null;
                        }
                    }
                }
            }
        }

        return found is null ? null : Source(found);
    }

    /// <summary>
    /// The <c>Handle</c> of every class implementing <c>INotificationHandler&lt;TNotification&gt;</c> for exactly
    /// <paramref name="notification"/>'s type: MediatR's <c>Publish</c> runs each in turn, and an exception one throws
    /// reaches the caller. A handler of a base type or interface of the notification is not counted.
    /// </summary>
    private CallTargets NotificationHandlers(INamedTypeSymbol notification)
    {
        ImmutableArray<IMethodSymbol>.Builder? handles = null;
        var index = _sourceTypes.Value;
        foreach (var definition in index.InterfacesNamed("INotificationHandler", 1))
        {
            foreach (var (type, contract) in index.Implementers(definition))
            {
                if (!SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0], notification))
                {
                    continue;
                }

                foreach (var member in contract.GetMembers("Handle"))
                {
                    if (member is IMethodSymbol handle && type.FindImplementationForInterfaceMember(handle) is IMethodSymbol implementation
                        && Source(implementation) is { } source)
                    {
                        (handles ??= ImmutableArray.CreateBuilder<IMethodSymbol>()).Add(source);
                    }
                }
            }
        }

        return handles is null ? default : handles.Count == 1 ? new CallTargets(handles[0]) : new CallTargets(handles.ToImmutable());
    }

    /// <summary>What a walk of one body reports to.</summary>
    private interface IBodyVisitor
    {
        /// <summary>A throw no catch of the body stops; <paramref name="library"/> names the library call that throws it.</summary>
        void Throw(in ThrowSite thrown, string? library);

        /// <summary>A call into source.</summary>
        void Call(CallTargets targets, IOperation call);
    }

    /// <summary>An endpoint's walk: its own throws are results, and each call is followed as it is met.</summary>
    private struct EndpointVisitor : IBodyVisitor
    {
        /// <summary>What escapes, made when the first exception does.</summary>
        public List<EscapingThrow>? Results;

        private readonly ThrowAnalysis _analysis;
        private readonly IMethodSymbol _endpoint;
        private readonly IOperation _body;
        private readonly SemanticModelSource _models;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<IMethodSymbol> _visited;
        private readonly List<ImmutableArray<INamedTypeSymbol>> _catchers;

        public EndpointVisitor(ThrowAnalysis analysis, IMethodSymbol endpoint, IOperation body, SemanticModelSource models, CancellationToken cancellationToken)
        {
            _analysis = analysis;
            _endpoint = endpoint;
            _body = body;
            _models = models;
            _cancellationToken = cancellationToken;
            _visited = t_visited ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            _catchers = t_catchers ??= new List<ImmutableArray<INamedTypeSymbol>>();
            _catchers.Clear();
            Results = null;
        }

        public void Throw(in ThrowSite thrown, string? library) =>
            (Results ??= new List<EscapingThrow>(2)).Add(new EscapingThrow(thrown.Type, null, library, _body.Syntax.SyntaxTree, thrown.Span, thrown.Span, thrown.Constructor, thrown.Arguments));

        public void Call(CallTargets targets, IOperation call) =>
            _analysis.FollowCall(_endpoint, targets, call, _body, _visited, _catchers, _models, ref Results, _cancellationToken);
    }

    /// <summary>A callee's walk: its throws and calls, kept in its summary.</summary>
    private readonly struct SummaryVisitor : IBodyVisitor
    {
        private readonly IOperation _body;
        private readonly List<ThrowSite> _throws;
        private readonly List<CallSite> _calls;

        public SummaryVisitor(IOperation body, List<ThrowSite> throws, List<CallSite> calls)
        {
            _body = body;
            _throws = throws;
            _calls = calls;
        }

        public void Throw(in ThrowSite thrown, string? library) => _throws.Add(thrown);

        public void Call(CallTargets targets, IOperation call) => _calls.Add(new CallSite(targets, call.Syntax.Span, CatchersAround(call, _body)));
    }

    /// <summary>The methods a call runs: one, the common case, held without an array, or several (a request's handler and behaviours).</summary>
    private readonly struct CallTargets
    {
        private readonly IMethodSymbol? _one;
        private readonly ImmutableArray<IMethodSymbol> _several;

        public CallTargets(IMethodSymbol one)
        {
            _one = one;
            _several = default;
        }

        public CallTargets(ImmutableArray<IMethodSymbol> several)
        {
            _one = null;
            _several = several;
        }

        public int Count => _one is not null ? 1 : _several.IsDefault ? 0 : _several.Length;

        public bool IsEmpty => Count == 0;

        public IMethodSymbol this[int index] => _one ?? _several[index];
    }

    private readonly struct ThrowSite
    {
        public ThrowSite(INamedTypeSymbol type, TextSpan span, IMethodSymbol? constructor, ImmutableArray<int> arguments)
        {
            Constructor = constructor;
            Arguments = arguments;
            Type = type;
            Span = span;
        }

        public INamedTypeSymbol Type { get; }

        public TextSpan Span { get; }

        public IMethodSymbol? Constructor { get; }

        public ImmutableArray<int> Arguments { get; }
    }

    private readonly struct CallSite
    {
        public CallSite(CallTargets targets, TextSpan span, ImmutableArray<INamedTypeSymbol> catchers)
        {
            Targets = targets;
            Span = span;
            Catchers = catchers;
        }

        public CallTargets Targets { get; }

        public TextSpan Span { get; }

        public ImmutableArray<INamedTypeSymbol> Catchers { get; }
    }

    /// <summary>What one method throws and calls, with no catch of its own in the way: values only.</summary>
    private sealed class MethodThrows
    {
        /// <summary>A method that throws and calls nothing followed: one instance for all of them.</summary>
        public static readonly MethodThrows Nothing = new(null, null, ImmutableArray<ThrowSite>.Empty, ImmutableArray<CallSite>.Empty);

        public MethodThrows(IMethodSymbol? method, SyntaxTree? tree, ImmutableArray<ThrowSite> throws, ImmutableArray<CallSite> calls)
        {
            Method = method;
            Tree = tree;
            Throws = throws;
            Calls = calls;
        }

        /// <summary>The method; null only for <see cref="Nothing"/>.</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The tree its body is in; null only for <see cref="Nothing"/>.</summary>
        public SyntaxTree? Tree { get; }

        public ImmutableArray<ThrowSite> Throws { get; }

        public ImmutableArray<CallSite> Calls { get; }
    }
}
