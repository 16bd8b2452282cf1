using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Decides what an analyzed body is: a controller action, another controller member, a route handler, an endpoint
/// filter, a result helper, or nothing the rules look at. The one entry point: every rule sees endpoints through it.
/// One instance per compilation.
/// </summary>
internal sealed class EndpointFinder
{
    private readonly KnownTypes _types;
    private readonly ControllerActions _controllers;
    private readonly RouteHandlers _routes;
    private readonly FlightErrorsOptions.Cache _options;

    public EndpointFinder(KnownTypes types, ControllerActions controllers, RouteHandlers routes, FlightErrorsOptions.Cache options)
    {
        _types = types;
        _controllers = controllers;
        _routes = routes;
        _options = options;
    }

    /// <summary>A method's body (<see cref="OperationKind.MethodBody"/>): an action, a controller member or a result helper.</summary>
    public bool TryFindMethod(IMethodBodyOperation body, ISymbol containing, EndpointKinds kinds, out Endpoint endpoint)
    {
        endpoint = default;
        if (containing is not IMethodSymbol method)
        {
            return false;
        }

        var controller = method.ContainingType is { } type ? _controllers.Kind(type) : ControllerKind.None;
        EndpointKind kind;
        if (controller != ControllerKind.None)
        {
            kind = _controllers.ActionKind(method) != ControllerKind.None ? EndpointKind.Action : EndpointKind.ControllerMember;
        }
        else if (ProducesResults(method))
        {
            kind = EndpointKind.ResultHelper;
        }
        else
        {
            return false;
        }

        if (!Wants(kinds, kind))
        {
            return false;
        }

        endpoint = new Endpoint(kind, method, method.Name, controller, controller != ControllerKind.None, body.Syntax, route: null, _options.For(body.Syntax.SyntaxTree));
        return true;
    }

    /// <summary>
    /// A lambda or local function: a route handler (named by its route), an endpoint filter, a function returning an
    /// <c>IResult</c>, or one making MVC results inside a controller.
    /// </summary>
    public bool TryFindFunction(IOperation function, ISymbol containing, SemanticModelSource semanticModels, EndpointKinds kinds, CancellationToken cancellationToken, out Endpoint endpoint, out IOperation? body)
    {
        endpoint = default;
        body = null;
        IMethodSymbol symbol;
        RouteHandler? route = null;
        var kind = EndpointKind.ResultHelper;
        var found = false;
        switch (function)
        {
            case IAnonymousFunctionOperation lambda:
                symbol = lambda.Symbol;
                body = lambda.Body;
                if ((kinds & EndpointKinds.RouteHandler) != 0
                    && _routes.MapCallOf(lambda) is { } mapCall
                    && _routes.RouteOf(mapCall, semanticModels, cancellationToken) is { } mapped)
                {
                    route = mapped;
                    kind = EndpointKind.RouteHandler;
                    found = true;
                }
                else if ((kinds & EndpointKinds.EndpointFilter) != 0 && RouteHandlers.IsEndpointFilter(lambda))
                {
                    kind = EndpointKind.EndpointFilter;
                    found = true;
                }

                break;
            case ILocalFunctionOperation local:
                symbol = local.Symbol;
                body = local.Body ?? local.IgnoredBody;
                break;
            default:
                return false;
        }

        if (!found && (kinds & (EndpointKinds.ResultHelper | EndpointKinds.ControllerMember)) == 0)
        {
            return false;
        }

        var containingType = containing is IMethodSymbol { ContainingType: { } type } ? type : null;
        var controller = containingType is null ? ControllerKind.None : _controllers.Kind(containingType);
        var inController = controller != ControllerKind.None && route is null;
        if (!found && ProducesResults(symbol))
        {
            // An IResult is answered as it is wherever it is made; the controller's scope does not apply.
            controller = ControllerKind.None;
            found = true;
        }
        else if (!found && inController && _types.IsResultType(_types.UnwrapTask(symbol.ReturnType)))
        {
            kind = EndpointKind.ControllerMember;
            found = true;
        }

        if (!found || body is null || !Wants(kinds, kind))
        {
            return false;
        }

        if (kind is EndpointKind.RouteHandler or EndpointKind.EndpointFilter)
        {
            controller = ControllerKind.None;
        }
        else if (NestedFunctions.IsResultDiscarded(function, cancellationToken))
        {
            // Its results never leave the method: nothing it makes is answered.
            return false;
        }

        var name = route?.Route ?? (symbol.MethodKind == MethodKind.LocalFunction ? symbol.Name : containing.Name);
        endpoint = new Endpoint(kind, symbol, name, controller, inController, function.Syntax, route, _options.For(function.Syntax.SyntaxTree));
        return true;
    }

    /// <summary>
    /// A <c>Map*</c> call whose handler is a method group: the endpoint, with the method's body. Its declaration is the
    /// handler argument, so that what it reports stays in the member being analyzed.
    /// </summary>
    public bool TryFindMappedMethod(IInvocationOperation invocation, SemanticModelSource semanticModels, CancellationToken cancellationToken, out Endpoint endpoint, out IOperation? body)
    {
        endpoint = default;
        body = null;
        if (!RouteHandlers.IsMapName(invocation.TargetMethod.Name)
            || _routes.RouteOf(invocation, semanticModels, cancellationToken) is not { IsLambda: false } route
            || ResponseInference.HelperBody(route.Handler, semanticModels, cancellationToken) is not { } handlerBody)
        {
            return false;
        }

        body = handlerBody;
        endpoint = new Endpoint(EndpointKind.RouteHandler, route.Handler, route.Route, ControllerKind.None, inController: false, route.HandlerSyntax, route, _options.For(invocation.Syntax.SyntaxTree));
        return true;
    }

    /// <summary>
    /// Whether a method outside controllers produces HTTP responses: it returns a minimal-API <c>IResult</c>, or it is a
    /// static helper of a static class returning an MVC result.
    /// </summary>
    private bool ProducesResults(IMethodSymbol method)
    {
        if (_types.UnwrapTask(method.ReturnType) is not { } returned || !_types.IsResultType(returned))
        {
            return false;
        }

        return (_types.Result is { } result && _types.Implements(returned, result))
            || (method.IsStatic && method.MethodKind == MethodKind.Ordinary && method.ContainingType is { IsStatic: true });
    }

    private static bool Wants(EndpointKinds kinds, EndpointKind kind) => (kinds & (EndpointKinds)(1 << (int)kind)) != 0;
}
