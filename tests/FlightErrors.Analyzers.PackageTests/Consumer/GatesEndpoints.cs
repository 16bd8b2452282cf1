using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Consumer;

public static class GatesEndpoints
{
    // A minimal-API endpoint with no response metadata: the package's FE0001 must report the undocumented 404.
    public static void MapGates(this IEndpointRouteBuilder app)
    {
        var gates = app.MapGroup("/gates");
        gates.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.Problem(statusCode: StatusCodes.Status404NotFound))
            .WithName("GetGate");
    }
}
