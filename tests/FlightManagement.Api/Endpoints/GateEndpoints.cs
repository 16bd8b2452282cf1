using FlightManagement.Api.Domain;

namespace FlightManagement.Api.Endpoints;

public static class GateEndpoints
{
    public static IEndpointRouteBuilder MapGates(this IEndpointRouteBuilder app)
    {
        var gates = app.MapGroup("/api/gates").WithTags("Gates");

        gates.MapGet("/{gateId}", (string gateId, GateStore store) =>
            store.Find(gateId) is { } gate ? Results.Ok(gate) : Results.NotFound()) // FE0001: 404 is not documented
            .WithName("GetGate");

        gates.MapPut("/{gateId}/assignment", (string gateId, GateAssignment assignment, GateStore store) => // FE0006, FE0006: the body's 400 and 415 are not documented
            {
                if (store.Find(gateId) is not { } gate)
                {
                    return Results.NotFound();
                }

                if (!gate.Accepts(assignment.AircraftSize))
                {
                    return Results.BadRequest($"Gate {gate.Id} cannot take a {assignment.AircraftSize} aircraft."); // FE0001, FE0003: an undocumented 400 with a plain-text body
                }

                if (gate.AssignedFlight is not null && gate.AssignedFlight != assignment.FlightNumber)
                {
                    return Results.Conflict(); // FE0001: 409 is not documented
                }

                return Results.Ok(store.Assign(gate, assignment.FlightNumber));
            })
            .Produces<Gate>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        gates.MapDelete("/{gateId}/assignment", (string gateId, GateStore store) =>
                store.Find(gateId) is { } gate ? Results.Ok(store.Release(gate)) : Results.NotFound()) // FE0005: the store's GateNotAssignedException answers 409, which is not documented
            .Produces<Gate>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
