using System.Collections.Concurrent;

namespace FlightManagement.Api.Domain;

public enum FlightStatus
{
    Scheduled,
    Boarding,
    Departed,
    Delayed,
    Cancelled,
}

public sealed record Flight(
    string Number,
    string Origin,
    string Destination,
    DateTimeOffset Departure,
    FlightStatus Status,
    int SeatsLeft,
    int Revision)
{
    /// <summary>The entity tag clients send back in If-Match to update the flight.</summary>
    public string ETag => $"\"{Number}-{Revision}\"";
}

public sealed record StatusChange(FlightStatus Status);

/// <summary>A failure of the flight database; its message carries connection details no client may see.</summary>
public sealed class FlightStoreException(string message) : Exception(message);

public sealed class FlightStore
{
    /// <summary>
    /// The record of this flight is corrupt: reading it throws. The end-to-end tests use it to force an unexpected
    /// failure and check that the exception handler, not the action, writes the 500.
    /// </summary>
    public const string CorruptFlightNumber = "FM9999";

    private readonly ConcurrentDictionary<string, Flight> flights = new(StringComparer.OrdinalIgnoreCase);

    public FlightStore()
    {
        var today = DateTimeOffset.UtcNow.Date;
        Add(new Flight("FM101", "LHR", "JFK", today.AddHours(9), FlightStatus.Scheduled, 42, 1));
        Add(new Flight("FM202", "JFK", "SFO", today.AddHours(13), FlightStatus.Boarding, 3, 1));
        Add(new Flight("FM303", "SFO", "NRT", today.AddHours(22), FlightStatus.Delayed, 0, 1));
    }

    public IReadOnlyList<Flight> Search(string? origin, string? destination) =>
        flights.Values
            .Where(f => origin is null || f.Origin.Equals(origin, StringComparison.OrdinalIgnoreCase))
            .Where(f => destination is null || f.Destination.Equals(destination, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Departure)
            .ToList();

    public Flight? Find(string number)
    {
        if (number.Equals(CorruptFlightNumber, StringComparison.OrdinalIgnoreCase))
        {
            throw new FlightStoreException(
                "Checksum mismatch reading FM9999 from flightdb-primary.internal:5432 (user=svc_flights)");
        }

        return flights.TryGetValue(number, out var flight) ? flight : null;
    }

    public Flight SetStatus(Flight flight, FlightStatus status)
    {
        var updated = flight with { Status = status, Revision = flight.Revision + 1 };
        flights[flight.Number] = updated;
        return updated;
    }

    public bool TryTakeSeats(Flight flight, int seats)
    {
        if (flight.SeatsLeft < seats)
        {
            return false;
        }

        flights[flight.Number] = flight with { SeatsLeft = flight.SeatsLeft - seats };
        return true;
    }

    private void Add(Flight flight) => flights[flight.Number] = flight;
}
