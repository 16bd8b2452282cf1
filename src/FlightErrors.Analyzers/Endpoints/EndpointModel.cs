using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Everything the rules share for one compilation: known types, endpoint discovery, the response model, the
/// declaration reader and the options. Created in a compilation-start action; holds no state across compilations.
/// </summary>
internal sealed class EndpointModel
{
    private EndpointModel(KnownTypes types, FlightErrorsOptions.Cache options)
    {
        Types = types;
        Options = options;
        Controllers = new ControllerActions(types);
        Routes = new RouteHandlers(types);
        Responses = new ResponseInference(types);
        Declarations = new DeclarationReader(types);
        _application = new Lazy<ApplicationFacts>(() => ApplicationFacts.Find(types.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<ApplicationFacts> _application;

    /// <summary>
    /// Whether the application sets <c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>, so that bodyless error
    /// results of API controllers are no longer turned into Problem Details. Found once per compilation, on first need.
    /// </summary>
    public bool SuppressesClientErrorMapping => _application.Value.SuppressesClientErrorMapping;

    /// <summary>
    /// Whether the application calls <c>AddProblemDetails()</c> and <c>UseStatusCodePages()</c>, so that the status code
    /// pages middleware writes a Problem Details body for every bodyless error response.
    /// </summary>
    public bool WritesStatusCodePagesAsProblemDetails => _application.Value.WritesStatusCodePagesAsProblemDetails;

    public KnownTypes Types { get; }

    public FlightErrorsOptions.Cache Options { get; }

    public ControllerActions Controllers { get; }

    public RouteHandlers Routes { get; }

    public ResponseInference Responses { get; }

    public DeclarationReader Declarations { get; }

    /// <summary>
    /// The model of a compilation, or null when it references neither MVC nor minimal APIs. The three rules run as
    /// three analyzers over the same compilation: they share one model, so each method's responses are inferred once.
    /// Held weakly by the compilation, and only for the options provider it was made with.
    /// </summary>
    public static EndpointModel? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        var shared = SharedModels.GetValue(compilation, static c => new SharedModel(c));
        return shared.For(options);
    }

    private static readonly ConditionalWeakTable<Compilation, SharedModel> SharedModels = new();

    private sealed class SharedModel
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new();
        private AnalyzerConfigOptionsProvider? _options;
        private EndpointModel? _model;
        private bool _created;

        public SharedModel(Compilation compilation) => _compilation = compilation;

        public EndpointModel? For(AnalyzerConfigOptionsProvider options)
        {
            lock (_gate)
            {
                if (!_created || !ReferenceEquals(_options, options))
                {
                    _model = KnownTypes.TryCreate(_compilation) is { } types ? new EndpointModel(types, new FlightErrorsOptions.Cache(options)) : null;
                    _options = options;
                    _created = true;
                }

                return _model;
            }
        }
    }

    private readonly ConcurrentDictionary<IMethodSymbol, EndpointResponses> _inferred = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, RouteHandler?> _routes = new();

    /// <summary>
    /// The responses of a method, lambda or local function whose body is <paramref name="body"/>: the first rule to
    /// reach it infers them and the others read them (a route handler lambda is reached by all three rules).
    /// </summary>
    private EndpointResponses InferOnce(IMethodSymbol method, IOperation body, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!_inferred.TryGetValue(method, out var responses))
        {
            responses = Responses.Infer(method, body, semanticModels, cancellationToken);
            _inferred.TryAdd(method, responses);
        }

        return responses;
    }

    /// <summary>The endpoint a <c>Map*</c> call maps (its route and conventions walked once for the three rules).</summary>
    private RouteHandler? RouteOf(IInvocationOperation mapCall, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!_routes.TryGetValue(mapCall.Syntax, out var route))
        {
            route = Routes.TryCreate(mapCall, semanticModels, cancellationToken);
            _routes.TryAdd(mapCall.Syntax, route);
        }

        return route;
    }

    /// <summary>
    /// Whether <paramref name="method"/> is a controller action in the scope configured for <paramref name="ruleId"/>.
    /// </summary>
    public bool IsActionInScope(IMethodSymbol method, FlightErrorsOptions options, string ruleId, out bool isApiController)
    {
        var kind = Controllers.ActionKind(method);
        isApiController = kind == ControllerKind.ApiController;
        return isApiController || (kind == ControllerKind.Controller && options.ControllerScope(ruleId) == ControllerScope.All);
    }

    /// <summary>
    /// Whether <paramref name="method"/> is any method of a controller in scope (an action or a helper): rules about how
    /// a response is produced report where it is produced.
    /// </summary>
    public bool IsControllerMemberInScope(IMethodSymbol method, FlightErrorsOptions options, string ruleId, out bool isApiController)
    {
        var kind = method.ContainingType is { } type ? Controllers.Kind(type) : ControllerKind.None;
        isApiController = kind == ControllerKind.ApiController;
        return isApiController || (kind == ControllerKind.Controller && options.ControllerScope(ruleId) == ControllerScope.All);
    }

    /// <summary>
    /// Whether a method outside controllers produces HTTP responses: it returns a minimal-API <c>IResult</c>, or it is a
    /// static helper of a static class returning an MVC result.
    /// </summary>
    public bool ProducesResults(IMethodSymbol method)
    {
        if (Types.UnwrapTask(method.ReturnType) is not { } returned || !Types.IsResultType(returned))
        {
            return false;
        }

        return (Types.Result is { } result && Types.Implements(returned, result))
            || (method.IsStatic && method.MethodKind == MethodKind.Ordinary && method.ContainingType is { IsStatic: true });
    }

    /// <summary>
    /// The responses of the method whose body <paramref name="context"/> is at (an operation action on
    /// <see cref="OperationKind.MethodBody"/>), when it is an action in scope for <paramref name="ruleId"/>
    /// (<paramref name="actionsOnly"/>), or else any method of a controller in scope or any other method that produces
    /// results. The rules read method bodies through an operation action, not an operation-block action: the driver
    /// then builds no code-block list and no block context per method and analyzer (docs/performance.md).
    /// </summary>
    public bool TryInfer(in OperationAnalysisContext context, string ruleId, bool actionsOnly, out EndpointContext endpoint)
    {
        endpoint = default;
        if (context.Operation is not IMethodBodyOperation body || context.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        var options = Options.For(body.Syntax.SyntaxTree);
        bool inScope;
        bool isApiController;
        var inController = true;
        if (actionsOnly)
        {
            inScope = IsActionInScope(method, options, ruleId, out isApiController);
        }
        else if (method.ContainingType is { } type && Controllers.Kind(type) != ControllerKind.None)
        {
            inScope = IsControllerMemberInScope(method, options, ruleId, out isApiController);
        }
        else
        {
            inScope = ProducesResults(method);
            isApiController = false;
            inController = false;
        }

        if (!inScope || body.SemanticModel is not { } semanticModel)
        {
            return false;
        }

        var responses = InferOnce(method, body, new SemanticModelSource(semanticModel), context.CancellationToken);
        if (responses.Responses.IsEmpty)
        {
            return false;
        }

        endpoint = new EndpointContext(method, method.Name, isApiController, options, responses, body.Syntax, inController);
        return true;
    }

    /// <summary>
    /// What an endpoint documents, read as FE0001 reads it: for a route handler or an action in FE0001's scope; null
    /// for helpers and other methods, which document nothing themselves.
    /// </summary>
    public DeclaredResponses? DeclaredFor(in EndpointContext endpoint, CancellationToken cancellationToken)
    {
        var documentedCodes = endpoint.Options.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode);
        if (endpoint.Route is { } route)
        {
            return Declarations.ReadRouteHandler(route, documentedCodes, cancellationToken);
        }

        if (endpoint.InController && IsActionInScope(endpoint.Method, endpoint.Options, DiagnosticIds.UndocumentedStatusCode, out var isApiController))
        {
            return Declarations.Read(endpoint.Method, isApiController, documentedCodes, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// The responses of a lambda or local function that produces them: a route handler, a function returning an
    /// <c>IResult</c>, or one returning an MVC result inside a controller in scope.
    /// </summary>
    public bool TryInferFunction(in OperationAnalysisContext context, string ruleId, out EndpointContext endpoint)
    {
        endpoint = default;
        IMethodSymbol function;
        IOperation? body;
        RouteHandler? route = null;
        var isFilter = false;
        var cancellationToken = context.CancellationToken;
        var semanticModel = context.Operation.SemanticModel;
        switch (context.Operation)
        {
            case IAnonymousFunctionOperation lambda:
                function = lambda.Symbol;
                body = lambda.Body;
                if (semanticModel is not null && Routes.MapCallOf(lambda) is { } mapCall)
                {
                    route = RouteOf(mapCall, new SemanticModelSource(semanticModel), cancellationToken);
                }

                isFilter = RouteHandlers.IsEndpointFilter(lambda);

                break;
            case ILocalFunctionOperation local:
                function = local.Symbol;
                body = local.Body ?? local.IgnoredBody;
                break;
            default:
                return false;
        }

        var options = Options.For(context.Operation.Syntax.SyntaxTree);
        var isApiController = false;
        var inController = context.ContainingSymbol is IMethodSymbol { ContainingType: { } containingType }
            && Controllers.Kind(containingType) != ControllerKind.None;
        var inScope = route is not null
            || isFilter
            || ProducesResults(function)
            || (inController
                && Types.IsResultType(Types.UnwrapTask(function.ReturnType))
                && IsControllerMemberInScope((IMethodSymbol)context.ContainingSymbol, options, ruleId, out isApiController));
        if (!inScope || body is null || semanticModel is null)
        {
            return false;
        }

        var responses = InferOnce(function, body, new SemanticModelSource(semanticModel), cancellationToken);
        if (responses.Responses.IsEmpty)
        {
            return false;
        }

        var name = route?.Route ?? (function.MethodKind == MethodKind.LocalFunction ? function.Name : context.ContainingSymbol.Name);
        endpoint = new EndpointContext(function, name, isApiController, options, responses, context.Operation.Syntax, inController && route is null, route);
        return true;
    }

    /// <summary>The endpoint a <c>Map*</c> call maps, with the responses of its handler.</summary>
    public bool TryInferRouteHandler(in OperationAnalysisContext context, out RouteHandler route, out EndpointContext endpoint)
    {
        route = null!;
        endpoint = default;
        if (context.Operation is not IInvocationOperation invocation
            || !RouteHandlers.IsMapName(invocation.TargetMethod.Name)
            || invocation.SemanticModel is not { } semanticModel)
        {
            return false;
        }

        var cancellationToken = context.CancellationToken;
        var semanticModels = new SemanticModelSource(semanticModel);
        if (RouteOf(invocation, semanticModels, cancellationToken) is not { } found
            || (found.LambdaBody ?? ResponseInference.HelperBody(found.Handler, semanticModels, cancellationToken)) is not { } body)
        {
            return false;
        }

        var responses = InferOnce(found.Handler, body, semanticModels, cancellationToken);
        if (responses.Responses.IsEmpty)
        {
            return false;
        }

        route = found;
        var declaration = found.LambdaBody is not null ? found.HandlerOperation.Syntax : body.Syntax;
        endpoint = new EndpointContext(found.Handler, found.Route, isApiController: false, Options.For(invocation.Syntax.SyntaxTree), responses, declaration, inController: false, route: found);
        return true;
    }
}

/// <summary>An endpoint (or controller method) with its options and inferred responses.</summary>
internal readonly struct EndpointContext
{
    public EndpointContext(IMethodSymbol method, string name, bool isApiController, FlightErrorsOptions options, EndpointResponses responses, SyntaxNode declaration, bool inController = true, RouteHandler? route = null)
    {
        Method = method;
        Route = route;
        Name = name;
        InController = inController;
        IsApiController = isApiController;
        Options = options;
        Responses = responses;
        Declaration = declaration;
    }

    /// <summary>The method's declaration (the parent of its body).</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>The minimal-API endpoint this is the handler of, if it is one.</summary>
    public RouteHandler? Route { get; }

    /// <summary>
    /// The responses created in this method's own body, once per producing expression: rules about how a response is
    /// produced report there, so a helper used by several actions is reported once, in the helper. Enumerated without
    /// allocating (it runs for every method the rules look at).
    /// </summary>
    public ProducedHereResponses ProducedHere() => new(Responses.Responses, Declaration);

    public IMethodSymbol Method { get; }

    /// <summary>How messages name the endpoint: the method's name, or the route of a minimal-API handler.</summary>
    public string Name { get; }

    public bool IsApiController { get; }

    /// <summary>False for minimal-API handlers and result helpers outside controllers.</summary>
    public bool InController { get; }

    public FlightErrorsOptions Options { get; }

    public EndpointResponses Responses { get; }
}

/// <summary>The responses of <see cref="EndpointContext.ProducedHere"/>: a filter over the endpoint's responses.</summary>
internal readonly struct ProducedHereResponses
{
    private readonly ImmutableArray<ProducedResponse> _responses;
    private readonly SyntaxNode _declaration;

    public ProducedHereResponses(ImmutableArray<ProducedResponse> responses, SyntaxNode declaration)
    {
        _responses = responses;
        _declaration = declaration;
    }

    public Enumerator GetEnumerator() => new(_responses, _declaration);

    internal struct Enumerator
    {
        private readonly ImmutableArray<ProducedResponse> _responses;
        private readonly SyntaxNode _declaration;
        private int _index;

        public Enumerator(ImmutableArray<ProducedResponse> responses, SyntaxNode declaration)
        {
            _responses = responses;
            _declaration = declaration;
            _index = -1;
        }

        public ProducedResponse Current => _responses[_index];

        public bool MoveNext()
        {
            while (++_index < _responses.Length)
            {
                if (_responses[_index].IsProducedWithin(_declaration) && !ProducedEarlier(_index))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A response with the same producer came earlier (one helper reached on several paths).</summary>
        private bool ProducedEarlier(int index)
        {
            var producer = _responses[index].Producer.Syntax;
            for (var i = 0; i < index; i++)
            {
                if (_responses[i].Producer.Syntax == producer)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
