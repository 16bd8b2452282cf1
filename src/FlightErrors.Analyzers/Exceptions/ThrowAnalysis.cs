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
    public EscapingThrow(INamedTypeSymbol type, string? thrownIn, SyntaxTree tree, TextSpan span, TextSpan entry, IMethodSymbol? constructor, ImmutableArray<int> arguments)
    {
        Constructor = constructor;
        Arguments = arguments;
        Type = type;
        ThrownIn = thrownIn;
        Tree = tree;
        Span = span;
        Entry = entry;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>"Type.Method" of the method that throws it; null when the endpoint throws it itself.</summary>
    public string? ThrownIn { get; }

    public SyntaxTree Tree { get; }

    /// <summary>The <c>throw</c>.</summary>
    public TextSpan Span { get; }

    /// <summary>The call or throw in the endpoint's own body that the exception escapes from.</summary>
    public TextSpan Entry { get; }

    /// <summary>The constructor of <c>throw new …(…)</c>, or null for another thrown value.</summary>
    public IMethodSymbol? Constructor { get; }

    /// <summary>The constructor call's constant integer arguments by parameter ordinal; -1 where not constant.</summary>
    public ImmutableArray<int> Arguments { get; }
}

/// <summary>
/// What methods can throw, followed through calls in source: a summary per method (its throws and calls that no
/// <c>catch</c> of its own stops, with the catches around each call), cached for the compilation; an endpoint's
/// exceptions are those summaries walked from its body, to a depth limit, each method once per call of the endpoint.
/// Calls are followed into methods with a body in source, an interface's or abstract member's only implementation
/// in the compilation, and MediatR-style <c>Send(request)</c> to the one <c>IRequestHandler&lt;TRequest, …&gt;</c> of
/// the request's type and the pipeline behaviours that run for it (<see cref="PipelineBehaviours"/>). A library call
/// throws what its library documents (<see cref="LibraryThrows"/>).
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

    [ThreadStatic]
    private static HashSet<IMethodSymbol>? t_visited;

    [ThreadStatic]
    private static List<ImmutableArray<INamedTypeSymbol>>? t_catchers;

    [ThreadStatic]
    private static Stack<IOperation>? t_stack;

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
        // An endpoint's own summary is not kept: endpoints are rarely called from other code.
        var summary = _summaries.TryGetValue(endpoint, out var known) ? known : Summarize(endpoint, body, cancellationToken);
        if (summary.Throws.IsEmpty && summary.Calls.IsEmpty)
        {
            return Array.Empty<EscapingThrow>();
        }

        var results = new List<EscapingThrow>();
        foreach (var thrown in summary.Throws)
        {
            results.Add(new EscapingThrow(thrown.Type, thrown.Library, summary.Tree, thrown.Span, thrown.Span, thrown.Constructor, thrown.Arguments));
        }

        // Each method is walked once per call of the endpoint, by the first path that reaches it (in source order):
        // the cost stays linear in what the call reaches, and a cycle ends where it closes. The walk's sets are the
        // thread's own, reused from one endpoint to the next.
        var visited = t_visited ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var catchers = t_catchers ??= new List<ImmutableArray<INamedTypeSymbol>>();
        catchers.Clear();
        foreach (var call in summary.Calls)
        {
            visited.Clear();
            visited.Add(endpoint.OriginalDefinition);
            catchers.Add(call.Catchers);
            foreach (var target in call.Targets)
            {
                Follow(target, 1, call.Span, visited, catchers, models, results, cancellationToken);
            }

            catchers.RemoveAt(catchers.Count - 1);
        }

        visited.Clear();
        catchers.Clear();
        return results;
    }

    private void Follow(IMethodSymbol method, int depth, TextSpan entry, HashSet<IMethodSymbol> visited, List<ImmutableArray<INamedTypeSymbol>> catchers, SemanticModelSource models, List<EscapingThrow> results, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || !visited.Add(method))
        {
            return;
        }

        if (SummaryOf(method, models, cancellationToken) is { } summary)
        {
            foreach (var thrown in summary.Throws)
            {
                if (!IsCaught(thrown.Type, catchers))
                {
                    results.Add(new EscapingThrow(thrown.Type, summary.Name, summary.Tree, thrown.Span, entry, thrown.Constructor, thrown.Arguments));
                }
            }

            foreach (var call in summary.Calls)
            {
                catchers.Add(call.Catchers);
                foreach (var target in call.Targets)
                {
                    Follow(target, depth + 1, entry, visited, catchers, models, results, cancellationToken);
                }

                catchers.RemoveAt(catchers.Count - 1);
            }
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

    private MethodThrows? SummaryOf(IMethodSymbol method, SemanticModelSource models, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        var references = method.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            return null;
        }

        var reference = references[0];
        if (models.For(reference.SyntaxTree) is not { } model
            || model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is not { } body)
        {
            return null;
        }

        var summary = Summarize(method, body, cancellationToken);
        _summaries.TryAdd(method, summary);
        return summary;
    }

    private MethodThrows Summarize(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        ImmutableArray<ThrowSite>.Builder? throws = null;
        ImmutableArray<CallSite>.Builder? calls = null;
        var stack = t_stack ??= new Stack<IOperation>();
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
                        (throws ??= ImmutableArray.CreateBuilder<ThrowSite>()).Add(new ThrowSite(type, operation.Syntax.Span, creation?.Constructor?.OriginalDefinition, ConstantArguments(creation)));
                    }

                    break;
                case IInvocationOperation invocation:
                    var targets = Targets(invocation);
                    if (targets.IsEmpty)
                    {
                        AddLibraryThrows(ref throws, invocation, body);
                    }

                    AddCall(ref calls, targets, operation, body);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor }:
                    AddCall(ref calls, Source(constructor), operation, body);
                    break;
            }

            // What a lambda or local function throws leaves only when it is called; a local function's call is followed.
            // Children are pushed last first, so that they are visited in source order.
            foreach (var child in operation.ChildOperations.Reverse())
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }

        if (throws is null && calls is null)
        {
            return new MethodThrows(method.Name, body.Syntax.SyntaxTree, ImmutableArray<ThrowSite>.Empty, ImmutableArray<CallSite>.Empty);
        }

        var name = method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;
        return new MethodThrows(name, body.Syntax.SyntaxTree, throws?.ToImmutable() ?? ImmutableArray<ThrowSite>.Empty, calls?.ToImmutable() ?? ImmutableArray<CallSite>.Empty);
    }

    /// <summary>What a library call throws by its documentation (<see cref="LibraryThrows"/>), thrown at the call.</summary>
    private void AddLibraryThrows(ref ImmutableArray<ThrowSite>.Builder? throws, IInvocationOperation invocation, IOperation body)
    {
        var documented = LibraryThrows.Of(invocation, _compilation, out var library);
        if (documented.IsEmpty)
        {
            return;
        }

        var catchers = CatchersAround(invocation, body);
        foreach (var type in documented)
        {
            if (!IsCaughtHere(type, catchers))
            {
                (throws ??= ImmutableArray.CreateBuilder<ThrowSite>()).Add(new ThrowSite(type, invocation.Syntax.Span, null, ImmutableArray<int>.Empty, library));
            }
        }
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

    private static void AddCall(ref ImmutableArray<CallSite>.Builder? calls, ImmutableArray<IMethodSymbol> targets, IOperation operation, IOperation body)
    {
        if (!targets.IsEmpty)
        {
            (calls ??= ImmutableArray.CreateBuilder<CallSite>()).Add(new CallSite(targets, operation.Syntax.Span, CatchersAround(operation, body)));
        }
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

    private ImmutableArray<IMethodSymbol> Targets(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType is { TypeKind: TypeKind.Interface } contract
            && method.Name == "Send"
            && contract.Name is "ISender" or "IMediator"
            && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.WalkDownConversions().Type is INamedTypeSymbol request)
        {
            return RequestHandler(request).AddRange(_behaviours.Value.For(request));
        }

        if (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            return OnlyImplementation(method);
        }

        return Source(method);
    }

    private static ImmutableArray<IMethodSymbol> Source(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return definition.DeclaringSyntaxReferences.Length == 1 && !definition.IsAbstract && !definition.IsExtern
            ? ImmutableArray.Create(definition)
            : ImmutableArray<IMethodSymbol>.Empty;
    }

    /// <summary>The member that implements <paramref name="method"/> in the only class of the compilation that does; none when two do.</summary>
    private ImmutableArray<IMethodSymbol> OnlyImplementation(IMethodSymbol method)
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
                    return ImmutableArray<IMethodSymbol>.Empty;
                }
            }
        }
        else
        {
            foreach (var type in _sourceTypes.Value.Subclasses(owner.OriginalDefinition))
            {
                if (Override(type, method) is { } implementation && !Another(ref found, implementation))
                {
                    return ImmutableArray<IMethodSymbol>.Empty;
                }
            }
        }

        return found is null ? ImmutableArray<IMethodSymbol>.Empty : Source(found);
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
    private ImmutableArray<IMethodSymbol> RequestHandler(INamedTypeSymbol request)
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
                            return ImmutableArray<IMethodSymbol>.Empty;
                        }
                    }
                }
            }
        }

        return found is null ? ImmutableArray<IMethodSymbol>.Empty : Source(found);
    }

    private readonly struct ThrowSite
    {
        public ThrowSite(INamedTypeSymbol type, TextSpan span, IMethodSymbol? constructor, ImmutableArray<int> arguments, string? library = null)
        {
            Library = library;
            Constructor = constructor;
            Arguments = arguments;
            Type = type;
            Span = span;
        }

        public INamedTypeSymbol Type { get; }

        public TextSpan Span { get; }

        public IMethodSymbol? Constructor { get; }

        public ImmutableArray<int> Arguments { get; }

        /// <summary>The library method a documented library call names (<c>Guard.Against.NotFound</c>); null for a <c>throw</c>.</summary>
        public string? Library { get; }
    }

    private readonly struct CallSite
    {
        public CallSite(ImmutableArray<IMethodSymbol> targets, TextSpan span, ImmutableArray<INamedTypeSymbol> catchers)
        {
            Targets = targets;
            Span = span;
            Catchers = catchers;
        }

        public ImmutableArray<IMethodSymbol> Targets { get; }

        public TextSpan Span { get; }

        public ImmutableArray<INamedTypeSymbol> Catchers { get; }
    }

    /// <summary>What one method throws and calls, with no catch of its own in the way: values only.</summary>
    private sealed class MethodThrows
    {
        public MethodThrows(string name, SyntaxTree tree, ImmutableArray<ThrowSite> throws, ImmutableArray<CallSite> calls)
        {
            Name = name;
            Tree = tree;
            Throws = throws;
            Calls = calls;
        }

        public string Name { get; }

        public SyntaxTree Tree { get; }

        public ImmutableArray<ThrowSite> Throws { get; }

        public ImmutableArray<CallSite> Calls { get; }
    }
}
