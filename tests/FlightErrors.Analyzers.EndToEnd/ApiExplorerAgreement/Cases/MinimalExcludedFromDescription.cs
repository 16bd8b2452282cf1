// .ExcludeFromDescription() and [ExcludeFromDescription] on a handler take the endpoint out of ApiExplorer and the
// OpenAPI document: nothing to document. [ApiExplorerSettings(IgnoreApi = true)] on a handler does not.
namespace Cases;

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/excluded", () => Results.NotFound()).ExcludeFromDescription(); // returns 404
        app.MapGet("/excluded-attribute", [ExcludeFromDescription] () => Results.NotFound()); // returns 404
        app.MapGet("/ignored", [ApiExplorerSettings(IgnoreApi = true)] () => Results.NotFound()); // returns 404
        app.MapGet("/shown", () => Results.NotFound()); // returns 404
    }
}
