using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>What kind of code answers HTTP requests, or helps to.</summary>
internal enum EndpointKind : byte
{
    /// <summary>A controller action: routed by MVC and described by ApiExplorer.</summary>
    Action,

    /// <summary>Another member of a controller that makes results (a helper, a lambda or local function inside one).</summary>
    ControllerMember,

    /// <summary>A minimal-API handler passed to <c>MapGet</c> and the other <c>Map*</c> methods.</summary>
    RouteHandler,

    /// <summary>A method, lambda or local function that makes results outside controllers (<c>IResult</c>, static MVC result helpers).</summary>
    ResultHelper,

    /// <summary>An endpoint filter (<c>.AddEndpointFilter(async (context, next) =&gt; …)</c>), which can answer for the endpoint.</summary>
    EndpointFilter,
}

/// <summary>Which kinds of endpoint a rule checks.</summary>
[System.Flags]
internal enum EndpointKinds : byte
{
    Action = 1,
    ControllerMember = 2,
    RouteHandler = 4,
    ResultHelper = 8,
    EndpointFilter = 16,

    /// <summary>
    /// A route handler passed by name (<c>app.MapGet("/", GetFlight)</c>), seen at its <c>Map*</c> call: its responses
    /// are made in the method, so only rules that read the endpoint as a whole (what it documents) ask for it.
    /// </summary>
    MappedMethod = 32,

    /// <summary>What the API description lists: actions and route handlers, however they are written.</summary>
    Described = Action | RouteHandler | MappedMethod,

    /// <summary>Every piece of code that makes responses, each seen where it makes them.</summary>
    All = Action | ControllerMember | RouteHandler | ResultHelper | EndpointFilter,
}

/// <summary>
/// One endpoint (or code that makes responses for one), as the finder found it for one analysis callback: what it is,
/// how users name it, and the facts that decide which rules apply. Made per callback and never cached.
/// </summary>
internal readonly struct Endpoint
{
    public Endpoint(EndpointKind kind, IMethodSymbol method, string name, ControllerKind controller, bool inController, SyntaxNode declaration, RouteHandler? route, FlightErrorsOptions options)
    {
        Kind = kind;
        Method = method;
        Name = name;
        Controller = controller;
        InController = inController;
        Declaration = declaration;
        Route = route;
        Options = options;
    }

    public EndpointKind Kind { get; }

    /// <summary>The method, lambda or local function; for a method-group route handler, the method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>How messages name it: the method's name, or the route of a minimal-API handler (<c>GET /flights/{id}</c>).</summary>
    public string Name { get; }

    /// <summary>The kind of controller whose scope option applies (<c>flight_errors.controller_scope</c>); None outside controllers.</summary>
    public ControllerKind Controller { get; }

    public bool IsApiController => Controller == ControllerKind.ApiController;

    /// <summary>Whether the code sits in a controller (an MVC result it makes is returned by an action).</summary>
    public bool InController { get; }

    /// <summary>
    /// The syntax whose own body makes the responses reported here: the method, lambda or local function; for a
    /// method-group route handler the handler argument of its <c>Map*</c> call (its responses are made in the method).
    /// </summary>
    public SyntaxNode Declaration { get; }

    /// <summary>The minimal-API endpoint, for a route handler.</summary>
    public RouteHandler? Route { get; }

    public FlightErrorsOptions Options { get; }


    /// <summary>Whether a rule applies, by its <c>controller_scope</c>: API controllers always, other controllers with <c>all</c>.</summary>
    public bool IsInScope(string ruleId) =>
        Controller != ControllerKind.Controller || Options.ControllerScope(ruleId) == ControllerScope.All;
}
