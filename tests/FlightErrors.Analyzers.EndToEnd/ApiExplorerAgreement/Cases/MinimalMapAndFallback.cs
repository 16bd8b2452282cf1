// Map(...) and MapFallback(...) carry no HTTP method: neither ApiExplorer nor the OpenAPI document lists them.
namespace Cases;

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.Map("/home", () => Results.Redirect("/scalar/v1")); // returns 302
        app.Map("/missing", () => Results.NotFound()); // returns 404
        app.MapFallback(() => Results.NotFound()); // returns 404
        app.MapFallback("/api/{**rest}", () => Results.Problem(statusCode: 404)); // returns 404
        app.MapGet("/described", () => Results.NotFound()).Produces(200); // returns 404
    }
}
