using System.Collections.Concurrent;

namespace FlightManagement.Api.Domain;

public sealed record Gate(string Id, string Terminal, string MaxAircraftSize, string? AssignedFlight)
{
    private static readonly string[] Sizes = ["regional", "narrowbody", "widebody"];

    public bool Accepts(string aircraftSize) =>
        Array.IndexOf(Sizes, aircraftSize) is var size and >= 0 && size <= Array.IndexOf(Sizes, MaxAircraftSize);
}

public sealed record GateAssignment(string FlightNumber, string AircraftSize);

public sealed record Hangar(string Id, string BuildingCode, int Bays, bool DoorsOpen);

public sealed class GateStore
{
    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A1"] = new Gate("A1", "A", "widebody", null),
        ["B7"] = new Gate("B7", "B", "regional", null),
    };

    public Gate? Find(string id) => gates.TryGetValue(id, out var gate) ? gate : null;

    public Gate Assign(Gate gate, string flightNumber) => gates[gate.Id] = gate with { AssignedFlight = flightNumber };

    /// <summary>Frees the gate; a gate with no flight cannot be released, which the domain says by throwing.</summary>
    public Gate Release(Gate gate) =>
        gate.AssignedFlight is null ? throw new GateNotAssignedException(gate.Id) : gates[gate.Id] = gate with { AssignedFlight = null };
}

/// <summary>A gate was released that had no flight: mapped to 409 Conflict by the application's exception handler.</summary>
public sealed class GateNotAssignedException(string gateId) : Exception($"Gate {gateId} is free: nothing to release.")
{
    public string GateId { get; } = gateId;
}

public sealed class HangarStore
{
    private readonly ConcurrentDictionary<string, Hangar> hangars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["H1"] = new Hangar("H1", "MX-NORTH", 4, false),
        ["H2"] = new Hangar("H2", "MX-SOUTH", 2, false),
    };

    /// <summary>Building codes are two to five capitals, a dash, and a compass direction.</summary>
    public static bool IsBuildingCode(string code) =>
        code.Split('-') is [var site, var side]
        && site.Length is >= 2 and <= 5
        && site.All(char.IsAsciiLetterUpper)
        && side is "NORTH" or "SOUTH" or "EAST" or "WEST";

    public IReadOnlyList<Hangar> List(string? buildingCode) =>
        hangars.Values.Where(h => buildingCode is null || h.BuildingCode == buildingCode).OrderBy(h => h.Id).ToList();

    public Hangar? Find(string id) => hangars.TryGetValue(id, out var hangar) ? hangar : null;
}

/// <summary>The hangar door controller, a device reached over the network.</summary>
public interface IHangarDoors
{
    Task<bool> OpenAsync(Hangar hangar, CancellationToken cancellationToken);
}

/// <summary>A stand-in controller whose H2 doors never answer.</summary>
public sealed class FakeHangarDoors : IHangarDoors
{
    public Task<bool> OpenAsync(Hangar hangar, CancellationToken cancellationToken) => Task.FromResult(hangar.Id != "H2");
}
