using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlightErrors.Analyzers.EndToEnd.ApiExplorerAgreement;

/// <summary>One entry of a description: the endpoint, its HTTP method and the status codes it lists.</summary>
internal sealed record Described(EndpointKey Endpoint, string Route, string? HttpMethod, IReadOnlySet<int> Codes)
{
    /// <summary>Whether this is the same operation as <paramref name="other"/>: route and HTTP method.</summary>
    public bool SameOperation(Described other) =>
        EndpointKey.Normalize(Route) == EndpointKey.Normalize(other.Route) && string.Equals(HttpMethod, other.HttpMethod, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the description documents <paramref name="code"/>: it lists it; or it lists nothing, and the OpenAPI
    /// generators (Microsoft.AspNetCore.OpenApi, Swashbuckle) then write a 200; or it has a default response (0,
    /// "default"), which stands for every code not listed (<c>[ProducesDefaultResponseType]</c>: "all HTTP status codes
    /// that are not covered by ProducesResponseTypeAttribute"; OpenAPI: "all HTTP codes that are not covered
    /// individually").
    /// </summary>
    public bool Documents(int code) => Codes.Contains(code) || Codes.Contains(0) || (Codes.Count == 0 && code == 200);

    public override string ToString() =>
        $"{HttpMethod ?? "*"} /{EndpointKey.Normalize(Route)} lists {(Codes.Count == 0 ? "no code" : string.Join(", ", Codes.Order().Select(c => c == 0 ? "default" : c.ToString(CultureInfo.InvariantCulture))))}";
}

/// <summary>
/// What the real framework says about a case: the routing table (every endpoint, described or not), ApiExplorer's
/// descriptions (<see cref="IApiDescriptionGroupCollectionProvider"/>) and the OpenAPI document of
/// Microsoft.AspNetCore.OpenApi, built in process from a <see cref="WebApplication"/> that maps the case's controllers
/// and its <c>Map(WebApplication)</c> method. The application is built, never started.
/// </summary>
internal sealed class FrameworkDescription
{
    private FrameworkDescription(IReadOnlyList<EndpointKey> routed, IReadOnlyList<Described> apiExplorer, IReadOnlyList<Described> openApi, IReadOnlySet<(int Code, string Description)> responseDescriptions)
    {
        Routed = routed;
        ApiExplorer = apiExplorer;
        OpenApi = openApi;
        ResponseDescriptions = responseDescriptions;
    }

    /// <summary>Every (code, description) of a response in the OpenAPI document: where XML comments show up.</summary>
    public IReadOnlySet<(int Code, string Description)> ResponseDescriptions { get; }

    /// <summary>Every endpoint in the routing table.</summary>
    public IReadOnlyList<EndpointKey> Routed { get; }

    /// <summary>ApiExplorer's descriptions, one per endpoint and HTTP method (an inherited action: per controller).</summary>
    public IReadOnlyList<Described> ApiExplorer { get; }

    /// <summary>The OpenAPI document's operations, as route and HTTP method (no endpoint key of their own).</summary>
    public IReadOnlyList<Described> OpenApi { get; }

    public static async Task<FrameworkDescription> DescribeAsync(Assembly cases)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
        {
            // The case's controllers and nothing else: not the test host's nor this test assembly's.
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new AssemblyPart(cases));
        });
        builder.Services.AddEndpointsApiExplorer();

        // A case's own AddServices(IServiceCollection) runs first: its AddOpenApi call is the one Microsoft.AspNetCore.OpenApi's
        // XML comment generator intercepts in the case (the document's XML transformers). Without one, the referee's.
        foreach (var add in cases.GetTypes().Select(t => t.GetMethod("AddServices", BindingFlags.Public | BindingFlags.Static, [typeof(IServiceCollection)])).OfType<MethodInfo>())
        {
            add.Invoke(null, [builder.Services]);
        }

        if (!builder.Services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, "v1")))
        {
            builder.Services.AddOpenApi();
        }

        await using var app = builder.Build();
        app.MapControllers();
        foreach (var map in cases.GetTypes().Select(t => t.GetMethod("Map", BindingFlags.Public | BindingFlags.Static, [typeof(WebApplication)])).OfType<MethodInfo>())
        {
            map.Invoke(null, [app]);
        }

        // UseEndpoints hands the app's endpoint data sources to routing (RouteOptions), where ApiExplorer's endpoint
        // provider reads them; a started application does the same when it builds its pipeline.
        app.UseRouting();
        app.UseEndpoints(static _ => { });
        var routed = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(KeyOf).ToList();

        var explorer = app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>();
        var described = explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items).Select(d => new Described(
            KeyOf(d),
            d.RelativePath ?? "",
            d.HttpMethod,
            d.SupportedResponseTypes.Select(r => r.StatusCode).ToHashSet())).ToList();

        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        var operations = new List<Described>();
        var responseDescriptions = new HashSet<(int, string)>();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var codes = (operation.Responses ?? []).Keys.Select(k => int.TryParse(k, out var code) ? code : 0).ToHashSet();
                operations.Add(new Described(EndpointKey.ForRoute(path, [method.Method]), path, method.Method, codes));
                responseDescriptions.UnionWith((operation.Responses ?? []).Select(r => (int.TryParse(r.Key, out var code) ? code : 0, r.Value.Description ?? "")));
            }
        }

        return new FrameworkDescription(routed, described, operations, responseDescriptions);
    }

    /// <summary>
    /// The type that declares the action, as the case's source names it: a generic base controller's action is declared
    /// by the closed type (<c>EntityController`1[[Cases.Aircraft, ...]]</c>), which is named by its definition.
    /// </summary>
    private static string DeclaringTypeName(ControllerActionDescriptor action) =>
        action.MethodInfo.DeclaringType! is { IsGenericType: true } generic ? generic.GetGenericTypeDefinition().FullName! : action.MethodInfo.DeclaringType!.FullName!;

    private static EndpointKey KeyOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? EndpointKey.ForAction(DeclaringTypeName(action), action.MethodInfo.Name)
            : EndpointKey.ForRoute(endpoint.RoutePattern.RawText ?? "", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods);

    private static EndpointKey KeyOf(ApiDescription description) =>
        description.ActionDescriptor is ControllerActionDescriptor action
            ? EndpointKey.ForAction(DeclaringTypeName(action), action.MethodInfo.Name)
            : EndpointKey.ForRoute(description.RelativePath ?? "", description.HttpMethod is { } method ? [method] : null);
}
