using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// A minimal-API endpoint: the <c>Map*</c> call, the handler it maps, its route, and the calls that configure it. A
/// value (syntax and symbols, no operations): <see cref="RouteHandlers"/> keeps one per <c>Map*</c> call for the compilation.
/// </summary>
internal sealed class RouteHandler
{
    public RouteHandler(SyntaxNode mapCall, IMethodSymbol handler, SyntaxNode handlerSyntax, bool isLambda, string route, bool hasHttpMethods, ImmutableArray<SyntaxNode> conventions, bool conventionsComplete)
    {
        HasHttpMethods = hasHttpMethods;
        MapCall = mapCall;
        Handler = handler;
        HandlerSyntax = handlerSyntax;
        IsLambda = isLambda;
        Route = route;
        Conventions = conventions;
        ConventionsComplete = conventionsComplete;
    }

    /// <summary>The <c>Map*</c> invocation; a documentation fix extends its builder chain.</summary>
    public SyntaxNode MapCall { get; }

    /// <summary>The lambda's symbol, or the method passed as a method group.</summary>
    public IMethodSymbol Handler { get; }

    /// <summary>The lambda or the method reference passed as the handler.</summary>
    public SyntaxNode HandlerSyntax { get; }

    /// <summary>True for a lambda handler; false for a method group, whose body is read from its declaration.</summary>
    public bool IsLambda { get; }

    /// <summary>How messages name the endpoint: <c>GET /flights/{id}</c>.</summary>
    public string Route { get; }

    /// <summary>
    /// False for <c>Map</c> and <c>MapFallback</c>, which answer every HTTP method: without HTTP-method metadata the
    /// endpoint is not in the API description.
    /// </summary>
    public bool HasHttpMethods { get; }

    /// <summary>
    /// The invocations made on the endpoint's builder and on every group it was mapped on (<c>.Produces*</c>,
    /// <c>.WithMetadata</c>, …), followed through locals of the same method and through extension methods in source.
    /// </summary>
    public ImmutableArray<SyntaxNode> Conventions { get; }

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
    private readonly ConcurrentDictionary<SyntaxNode, RouteHandler?> _routes = new();

    // Where each local and parameter of a body is used, kept only while the body's operation tree lives (the driver's
    // semantic model keeps it for the file being analyzed): many Map* calls in one body share it.
    private readonly ConditionalWeakTable<IOperation, SymbolUses> _uses = new();

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

    /// <summary>
    /// The endpoint a <c>Map*</c> call maps, or null when it is not one or its handler cannot be seen. Worked out once per
    /// call: a lambda handler's rules and a method-group handler's <c>Map*</c> call reach it from several callbacks.
    /// </summary>
    public RouteHandler? RouteOf(IInvocationOperation invocation, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!_routes.TryGetValue(invocation.Syntax, out var route))
        {
            route = Create(invocation, semanticModels, cancellationToken);
            _routes.TryAdd(invocation.Syntax, route);
        }

        return route;
    }

    private RouteHandler? Create(IInvocationOperation invocation, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!IsMapCall(invocation) || invocation.Argument("handler", includeDefaultValue: true)?.Value is not { } handlerValue)
        {
            return null;
        }

        var value = HandlerTarget(handlerValue);
        IMethodSymbol handler;
        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                handler = lambda.Symbol;
                break;
            case IMethodReferenceOperation reference:
                handler = reference.Method;
                break;
            default:
                return null;
        }

        var walk = new RouteConventionWalk(this, semanticModels, cancellationToken);
        walk.Up(invocation, group: false, depth: 0);
        var prefix = Receiver(invocation) is { } receiver ? walk.Down(receiver) : string.Empty;
        var route = Verb(invocation) + CombinePattern(prefix, PatternOf(invocation, "pattern"));
        var hasHttpMethods = invocation.TargetMethod.Name is not ("Map" or "MapFallback");
        return new RouteHandler(invocation.Syntax, handler, value.Syntax, value is IAnonymousFunctionOperation, route, hasHttpMethods, walk.Calls.ToImmutable(), walk.Complete);
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
                var methods = invocation.Argument("httpMethods", includeDefaultValue: true)?.Value.WalkDownConversions();
                if (methods is IArrayCreationOperation { Initializer: { } initializer })
                {
                    var verbs = new List<string>();
                    foreach (var element in initializer.ElementValues)
                    {
                        if (VerbOf(element.WalkDownConversions()) is { } verb)
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

    /// <summary>
    /// A written HTTP method: a constant (<c>"OPTIONS"</c>), or a field of <c>HttpMethods</c> (<c>HttpMethods.Options</c>,
    /// a static readonly field whose value is its name in capitals).
    /// </summary>
    private static string? VerbOf(IOperation element) => element switch
    {
        { ConstantValue: { HasValue: true, Value: string verb } } => verb,
        IFieldReferenceOperation { Field: { IsStatic: true, Type.SpecialType: SpecialType.System_String, ContainingType: { Name: "HttpMethods" } type } field }
            when type.IsInNamespace("Microsoft", "AspNetCore", "Http") => field.Name.ToUpperInvariant(),
        _ => null,
    };

    internal static string PatternOf(IInvocationOperation call, string parameterName) =>
        call.Argument(parameterName, includeDefaultValue: true)?.Value is { ConstantValue: { HasValue: true, Value: string pattern } } ? pattern : string.Empty;

    internal static string CombinePattern(string prefix, string pattern)
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
    internal static bool IsEndpointFactory(IInvocationOperation call) =>
        call.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal);

    /// <summary>A local typed as <c>IEndpointRouteBuilder</c> may hold a group.</summary>
    internal bool IsRouteBuilderInterface(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, _types.EndpointRouteBuilder);

    internal bool IsGroupBuilder(ITypeSymbol? type) =>
        type is not null
        && (type.InheritsFromOrEquals(_types.RouteGroupBuilder)
            || (_types.EndpointConventionBuilder is { } conventionBuilder && _types.Implements(type, conventionBuilder)));

    internal SymbolUses UsesIn(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return _uses.GetValue(root, static r => new SymbolUses(r));
    }
}
