using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>A minimal-API endpoint: the <c>Map*</c> call, the handler it maps, and the calls that configure it.</summary>
internal sealed class RouteHandler
{
    public RouteHandler(IInvocationOperation mapCall, IMethodSymbol handler, IOperation handlerOperation, IOperation? lambdaBody, string route, ImmutableArray<IInvocationOperation> conventions, bool conventionsComplete)
    {
        MapCall = mapCall;
        Handler = handler;
        HandlerOperation = handlerOperation;
        LambdaBody = lambdaBody;
        Route = route;
        Conventions = conventions;
        ConventionsComplete = conventionsComplete;
    }

    public IInvocationOperation MapCall { get; }

    /// <summary>The lambda's symbol, or the method passed as a method group.</summary>
    public IMethodSymbol Handler { get; }

    /// <summary>The lambda or the method reference passed as the handler.</summary>
    public IOperation HandlerOperation { get; }

    /// <summary>The lambda's body; null for a method handler, whose body is read from its declaration.</summary>
    public IOperation? LambdaBody { get; }

    /// <summary>How messages name the endpoint: <c>GET /flights/{id}</c>.</summary>
    public string Route { get; }

    /// <summary>
    /// The calls made on the endpoint's builder and on every group it was mapped on (<c>.Produces*</c>,
    /// <c>.WithMetadata</c>, …), followed through locals of the same method and through extension methods in source.
    /// </summary>
    public ImmutableArray<IInvocationOperation> Conventions { get; }

    /// <summary>
    /// False when the endpoint's builder or one of its groups leaves the method (returned, passed on, received as a
    /// parameter), so that calls the analyzer cannot see may add metadata.
    /// </summary>
    public bool ConventionsComplete { get; }
}

/// <summary>
/// Finds minimal-API route handlers: <c>MapGet/MapPost/MapPut/MapPatch/MapDelete/MapMethods/Map/MapFallback</c> on
/// <c>IEndpointRouteBuilder</c> (and so on route groups), with lambda or method-group handlers. One instance per
/// compilation.
/// </summary>
internal sealed class RouteHandlers
{
    internal const int MaxExtensionDepth = 3;

    private readonly KnownTypes _types;
    private readonly ConcurrentDictionary<SyntaxNode, SymbolUses> _uses = new();

    public RouteHandlers(KnownTypes types) => _types = types;

    /// <summary>A cheap name filter to run before any symbol comparison.</summary>
    public static bool IsMapName(string name) => name switch
    {
        "MapGet" or "MapPost" or "MapPut" or "MapPatch" or "MapDelete" or "MapMethods" or "Map" or "MapFallback" => true,
        _ => false,
    };

    public bool IsMapCall(IInvocationOperation invocation) =>
        IsMapName(invocation.TargetMethod.Name)
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _types.EndpointRouteBuilderExtensions);

    /// <summary>The <c>Map*</c> call <paramref name="lambda"/> is passed to as the handler, if it is one.</summary>
    public IInvocationOperation? MapCallOf(IAnonymousFunctionOperation lambda) =>
        PassedTo(lambda) is { Parameter.Name: "handler", Parent: IInvocationOperation call } && IsMapCall(call) ? call : null;

    /// <summary>Whether <paramref name="lambda"/> is an endpoint filter (<c>.AddEndpointFilter(async (context, next) =&gt; …)</c>), which can answer for the endpoint.</summary>
    public static bool IsEndpointFilter(IAnonymousFunctionOperation lambda) =>
        PassedTo(lambda) is { Parent: IInvocationOperation { TargetMethod: { Name: "AddEndpointFilter" } method } }
        && method.ContainingType.IsInNamespace("Microsoft", "AspNetCore", "Http");

    /// <summary>The argument a lambda is passed as, seen through the delegate conversions.</summary>
    internal static IArgumentOperation? PassedTo(IAnonymousFunctionOperation lambda)
    {
        IOperation current = lambda;
        while (current.Parent is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current.Parent as IArgumentOperation;
    }

    /// <summary>The endpoint a <c>Map*</c> call maps, or null when it is not one or its handler cannot be seen.</summary>
    public RouteHandler? TryCreate(IInvocationOperation invocation, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!IsMapCall(invocation) || ArgumentValue(invocation, "handler") is not { } handlerValue)
        {
            return null;
        }

        var value = HandlerTarget(handlerValue);
        IMethodSymbol handler;
        IOperation? body = null;
        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                handler = lambda.Symbol;
                body = lambda.Body;
                break;
            case IMethodReferenceOperation reference:
                handler = reference.Method;
                break;
            default:
                return null;
        }

        var walk = new ConventionWalk(this, semanticModels, cancellationToken);
        walk.Up(invocation, group: false, depth: 0);
        var prefix = Receiver(invocation) is { } receiver ? walk.Down(receiver) : string.Empty;
        var route = Verb(invocation) + CombinePattern(prefix, PatternOf(invocation, "pattern"));
        return new RouteHandler(invocation, handler, value, body, route, walk.Calls.ToImmutable(), walk.Complete);
    }

    /// <summary>The lambda or method reference a handler argument holds, seen through delegate conversions.</summary>
    internal static IOperation HandlerTarget(IOperation handlerValue)
    {
        var value = handlerValue;
        while (value is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
        {
            value = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IDelegateCreationOperation creation => creation.Target,
                _ => ((IParenthesizedOperation)value).Operand,
            };
        }

        return value;
    }

    /// <summary>The builder a call is made on: the instance, or the <c>this</c> argument of an extension method.</summary>
    internal static IOperation? Receiver(IInvocationOperation call)
    {
        if (call.Instance is { } instance)
        {
            return instance;
        }

        if (!call.TargetMethod.IsExtensionMethod)
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The value passed to a parameter, including a default value the compiler filled in.</summary>
    internal static IOperation? ArgumentValue(IInvocationOperation call, string parameterName)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && string.Equals(parameter.Name, parameterName, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string Verb(IInvocationOperation invocation)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "MapGet":
                return "GET ";
            case "MapPost":
                return "POST ";
            case "MapPut":
                return "PUT ";
            case "MapPatch":
                return "PATCH ";
            case "MapDelete":
                return "DELETE ";
            case "MapFallback":
                return "fallback ";
            case "MapMethods":
                var methods = ArgumentValue(invocation, "httpMethods")?.WalkDownConversions();
                if (methods is IArrayCreationOperation { Initializer: { } initializer })
                {
                    var verbs = new List<string>();
                    foreach (var element in initializer.ElementValues)
                    {
                        if (element.ConstantValue is { HasValue: true, Value: string verb })
                        {
                            verbs.Add(verb);
                        }
                    }

                    if (verbs.Count > 0)
                    {
                        return string.Join(",", verbs) + " ";
                    }
                }

                return string.Empty;
            default:
                return string.Empty;
        }
    }

    private static string PatternOf(IInvocationOperation call, string parameterName) =>
        ArgumentValue(call, parameterName) is { ConstantValue: { HasValue: true, Value: string pattern } } ? pattern : string.Empty;

    private static string CombinePattern(string prefix, string pattern)
    {
        if (prefix.Length == 0)
        {
            return pattern.Length == 0 ? "/" : pattern;
        }

        if (pattern.Length == 0)
        {
            return prefix;
        }

        return prefix.TrimEnd('/') + "/" + pattern.TrimStart('/');
    }

    /// <summary>
    /// <c>MapGroup</c>, <c>MapGet</c> and every other <c>Map*</c> method (<c>MapHealthChecks</c>, <c>MapHub</c>): what is
    /// chained on its result configures something else than the group it was called on.
    /// </summary>
    private static bool IsEndpointFactory(IInvocationOperation call) =>
        call.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal);

    /// <summary>A local typed as <c>IEndpointRouteBuilder</c> may hold a group.</summary>
    private bool IsRouteBuilderInterface(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, _types.EndpointRouteBuilder);

    private bool IsGroupBuilder(ITypeSymbol? type) =>
        type is not null
        && (type.InheritsFromOrEquals(_types.RouteGroupBuilder)
            || (_types.EndpointConventionBuilder is { } conventionBuilder && _types.Implements(type, conventionBuilder)));

    private SymbolUses UsesIn(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        if (!_uses.TryGetValue(root.Syntax, out var uses))
        {
            uses = _uses.GetOrAdd(root.Syntax, _ => new SymbolUses(root));
        }

        return uses;
    }

    /// <summary>
    /// Gathers the calls that configure one endpoint: up its own builder chain, through the locals that hold the
    /// builder, and down through the groups it was mapped on.
    /// </summary>
    private sealed class ConventionWalk
    {
        private readonly RouteHandlers _owner;
        private readonly SemanticModelSource _semanticModels;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<IOperation> _seenCalls = new();
        private readonly HashSet<ISymbol> _seenSymbols = new(SymbolEqualityComparer.Default);

        public ConventionWalk(RouteHandlers owner, SemanticModelSource semanticModels, CancellationToken cancellationToken)
        {
            _owner = owner;
            _semanticModels = semanticModels;
            _cancellationToken = cancellationToken;
        }

        public ImmutableArray<IInvocationOperation>.Builder Calls { get; } = ImmutableArray.CreateBuilder<IInvocationOperation>();

        public bool Complete { get; private set; } = true;

        /// <summary>Follows a builder value up through the calls chained on it, then to wherever it is stored.</summary>
        public void Up(IOperation value, bool group, int depth)
        {
            var current = value;
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                IInvocationOperation? call = null;
                if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } && extension.TargetMethod.IsExtensionMethod)
                {
                    call = extension;
                }
                else if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
                {
                    call = instanceCall;
                }

                if (call is null)
                {
                    Store(current, parent, group, depth);
                    return;
                }

                if (group && IsEndpointFactory(call))
                {
                    // g.MapGet(...) configures another endpoint, g.MapGroup(...) a subgroup.
                    return;
                }

                Add(call, group, depth);
                current = call;
            }
        }

        /// <summary>Follows the builder an endpoint was mapped on down through its groups; returns their route prefix.</summary>
        public string Down(IOperation receiver)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var value = receiver.WalkDownConversions();
            switch (value)
            {
                case IInvocationOperation call when call.TargetMethod.Name == "MapGroup":
                    Up(call, group: true, depth: 0);
                    var outer = Receiver(call) is { } outerReceiver ? Down(outerReceiver) : string.Empty;
                    return CombinePattern(outer, PatternOf(call, "prefix")).TrimEnd('/');
                case IInvocationOperation call when _owner.IsGroupBuilder(call.Type) && Receiver(call) is { } inner:
                    if (!call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && !_owner.IsGroupBuilder(inner.WalkDownConversions().Type))
                    {
                        // The application's own factory of a group (app.MapApi()): what it puts on the group is out of sight.
                        Complete = false;
                        return string.Empty;
                    }

                    Add(call, group: true, depth: 0);
                    return Down(inner);
                case ILocalReferenceOperation local when _owner.IsGroupBuilder(local.Type) || _owner.IsRouteBuilderInterface(local.Type):
                    if (!_seenSymbols.Add(local.Local))
                    {
                        return string.Empty;
                    }

                    var uses = _owner.UsesIn(local);
                    FollowUses(uses, local.Local, group: true, depth: 0);
                    var prefix = string.Empty;
                    foreach (var assigned in uses.ValuesOf(local.Local))
                    {
                        prefix = Down(assigned);
                    }

                    return prefix;
                default:
                    // A group received from elsewhere (a parameter, a field) may carry metadata the analyzer cannot see.
                    if (_owner.IsGroupBuilder(value.Type))
                    {
                        Complete = false;
                    }

                    return string.Empty;
            }
        }

        private void Add(IInvocationOperation call, bool group, int depth)
        {
            if (!_seenCalls.Add(call))
            {
                return;
            }

            var method = call.TargetMethod;
            if (method.IsExtensionMethod && !method.DeclaringSyntaxReferences.IsEmpty)
            {
                // The application's own convention helper (.WithStandardErrors()): read what it does to its builder.
                FollowParameter(method, 0, group, depth + 1);
                return;
            }

            Calls.Add(call);
        }

        /// <summary>Follows a builder passed to a method declared in source: what that method does with the parameter.</summary>
        private void FollowParameter(IMethodSymbol method, int ordinal, bool group, int depth)
        {
            var definition = method.OriginalDefinition;
            if (depth > MaxExtensionDepth || ordinal >= definition.Parameters.Length)
            {
                Complete = false;
                return;
            }

            if (!_seenSymbols.Add(definition.Parameters[ordinal]))
            {
                return;
            }

            foreach (var reference in definition.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(_cancellationToken);
                if (_semanticModels.For(syntax.SyntaxTree)?.GetOperation(syntax, _cancellationToken) is not { } body)
                {
                    Complete = false;
                    return;
                }

                FollowUses(_owner.UsesIn(body), definition.Parameters[ordinal], group, depth);
            }
        }

        private void FollowUses(SymbolUses uses, ISymbol symbol, bool group, int depth)
        {
            foreach (var reference in uses.ReferencesTo(symbol))
            {
                Up(reference, group, depth);
            }
        }

        /// <summary>Where a builder value ends: a statement, a local (followed), a return from a convention helper, or out of sight.</summary>
        private void Store(IOperation value, IOperation? parent, bool group, int depth)
        {
            switch (parent)
            {
                case null or IExpressionStatementOperation:
                    return;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    Follow(value, declarator.Symbol, group, depth);
                    return;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                    Follow(value, target.Local, group, depth);
                    return;
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    return;
                case IReturnOperation when depth > 0:
                    // A convention helper hands its builder back to the caller's chain, which is followed there.
                    return;
                case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call }
                    when !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && call.TargetMethod.MethodKind != MethodKind.DelegateInvoke:
                    // Passed to a method in source: read what it does with it.
                    FollowParameter(call.TargetMethod, parameter.Ordinal, group, depth + 1);
                    return;
                default:
                    Complete = false;
                    return;
            }
        }

        private void Follow(IOperation value, ILocalSymbol local, bool group, int depth)
        {
            if (_seenSymbols.Add(local))
            {
                FollowUses(_owner.UsesIn(value), local, group, depth);
            }
        }
    }

    /// <summary>Where each local and parameter of one body is read, and what each local is assigned; built once per body.</summary>
    private sealed class SymbolUses
    {
        private readonly Dictionary<ISymbol, List<IOperation>> _references = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);

        public SymbolUses(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case ILocalReferenceOperation local when !IsAssignmentTarget(local):
                        Record(_references, local.Local, local);
                        break;
                    case IParameterReferenceOperation parameter when !IsAssignmentTarget(parameter):
                        Record(_references, parameter.Parameter, parameter);
                        break;
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        Record(_values, declarator.Symbol, initializer.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Record(_values, target.Local, assignment.Value);
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol) =>
            _references.TryGetValue(symbol, out var references) ? references : Array.Empty<IOperation>();

        public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol) =>
            _values.TryGetValue(symbol, out var values) ? values : Array.Empty<IOperation>();

        private static bool IsAssignmentTarget(IOperation reference) =>
            reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

        private static void Record(Dictionary<ISymbol, List<IOperation>> map, ISymbol symbol, IOperation operation)
        {
            if (!map.TryGetValue(symbol, out var list))
            {
                list = new List<IOperation>();
                map.Add(symbol, list);
            }

            list.Add(operation);
        }
    }
}
