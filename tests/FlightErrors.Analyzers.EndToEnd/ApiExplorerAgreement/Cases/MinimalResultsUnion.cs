// A Results<Ok<T>, NotFound> return type documents 200 and 404, and nothing else.
namespace Cases;

public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/union/{id}", Results<Ok<int>, NotFound, Conflict> (int id) =>
        {
            if (id < 0)
            {
                return TypedResults.NotFound(); // returns 404
            }

            if (id == 0)
            {
                return TypedResults.Conflict(); // returns 409
            }

            return TypedResults.Ok(id); // returns 200
        });

        app.MapGet("/union-short/{id}", Results<Ok<int>, NotFound> (int id) =>
            id < 0
                ? TypedResults.NotFound() // returns 404
                : TypedResults.Ok(id)); // returns 200
    }
}
