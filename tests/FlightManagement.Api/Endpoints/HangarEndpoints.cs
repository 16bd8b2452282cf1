using FlightManagement.Api.Domain;
using FlightManagement.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlightManagement.Api.Endpoints;

public static class HangarEndpoints
{
    public static IEndpointRouteBuilder MapHangars(this IEndpointRouteBuilder app)
    {
        var hangars = app.MapGroup("/hangar-selector/hangars").WithTags("Hangars");

        // The union documents the 200 and the 400; the rate limiter answers 429 before the handler runs.
        hangars.MapGet("", Results<Ok<IReadOnlyList<Hangar>>, ValidationProblem> (string? buildingCode, HangarStore store) => // FE0006: 429 is not documented
            {
                if (buildingCode is not null && !HangarStore.IsBuildingCode(buildingCode))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["buildingCode"] = ["bad building code"] });
                }

                return TypedResults.Ok(store.List(buildingCode));
            })
            .RequireRateLimiting(RateLimits.HangarSearch);

        hangars.MapGet("/{hangarId}", Results<Ok<Hangar>, NotFound> (string hangarId, HangarStore store) =>
            store.Find(hangarId) is { } hangar ? TypedResults.Ok(hangar) : TypedResults.NotFound());

        hangars.MapPost("/{hangarId}/doors/open", async (string hangarId, HangarStore store, IHangarDoors doors, CancellationToken cancellationToken) => // FE0006, FE0006: the policy's 401 and 403 are not documented
            {
                if (store.Find(hangarId) is not { } hangar)
                {
                    return Results.NotFound(); // FE0001: 404 is not documented
                }

                var opened = await doors.OpenAsync(hangar, cancellationToken);
                return opened
                    ? Results.NoContent() // FE0001: 204 is not documented
                    : Results.StatusCode(StatusCodes.Status500InternalServerError); // FE0002: the controller's silence as a deliberate 500 (FE0002 reports it, so FE0001 leaves it alone)
            })
            .RequireAuthorization(ApiKeyAuthenticationHandler.OperationsRole);

        return app;
    }
}
