// MapMethods with HttpMethods.Options: an OPTIONS endpoint ApiExplorer describes.
namespace Cases;

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/flights", new[] { HttpMethods.Options }, (bool ok) => ok ? Results.NoContent() : Results.StatusCode(405)); // returns 204, 405
        app.MapMethods("/gates", [HttpMethods.Options, HttpMethods.Head], (bool ok) => ok ? Results.NoContent() : Results.StatusCode(405)) // returns 204, 405
            .Produces(204)
            .Produces(405);
    }
}
