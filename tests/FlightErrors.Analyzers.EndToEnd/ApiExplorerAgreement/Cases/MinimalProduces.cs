// Minimal APIs: .Produces(404) and .ProducesProblem(404) document a 404; a handler without metadata gets only the
// implicit 200; once metadata applies, an undeclared 200 is undocumented.
namespace Cases;

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/produces/{id}", (int id) =>
            id > 0
                ? Results.Ok(id) // returns 200
                : Results.NotFound()) // returns 404
            .Produces<int>(200)
            .Produces(404);

        app.MapGet("/problem/{id}", (int id) =>
            id > 0
                ? Results.Ok(id) // returns 200
                : Results.Problem(statusCode: 404)) // returns 404
            .Produces<int>(200)
            .ProducesProblem(404);

        app.MapGet("/none/{id}", (int id) =>
            id > 0
                ? Results.Ok(id) // returns 200
                : Results.NotFound()); // returns 404

        app.MapGet("/only-problem/{id}", (int id) =>
            id > 0
                ? Results.Ok(id) // returns 200
                : Results.Problem(statusCode: 404)) // returns 404
            .ProducesProblem(404);
    }
}
