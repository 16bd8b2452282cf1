using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// One request to the running sample and the status it must answer. <see cref="Operation"/> names the OpenAPI
/// operation it exercises ("GET /api/flights/{flightNumber}"), or is null for requests no operation matches.
/// Paths may use "{booking}" and "{bigBooking}", the ids captured from earlier answers. <see cref="ContentType"/> sends
/// the body in another media type than JSON (a 415 probe).
/// </summary>
public sealed record Probe(
    string Name,
    string Method,
    string Path,
    string? Operation,
    int Status,
    string? ApiKey = null,
    string? Json = null,
    string? IfMatch = null,
    string? Capture = null,
    string ContentType = "application/json")
{
    public override string ToString() => Name;
}

/// <summary>The answer to a probe.</summary>
public sealed record ProbeResult(Probe Probe, string Path, int Status, string? MediaType, string Body, HttpResponseHeaders Headers)
{
    public override string ToString() => $"{Probe.Method} {Path} answered {Status} {MediaType}: {Body}";
}

public static class Probes
{
    public const string Agent = "agent-c100";
    public const string OtherAgent = "agent-c200";
    public const string Operations = "ops-desk";

    /// <summary>
    /// Strings of the exceptions the sample's stores and upstream services throw, none of which a client may see.
    /// </summary>
    public static readonly string[] Secrets = ["flightdb-primary", "svc_flights", "Checksum mismatch", "payments.example.net", "pk_live", "HttpRequestException", "FlightStoreException", "GateNotAssignedException", "nothing to release", "   at "];

    /// <summary>In the order they run: bookings and the rate limit make the answers depend on it.</summary>
    public static readonly IReadOnlyList<Probe> All =
    [
        // Flights: a controller.
        new("search flights", "GET", "/api/flights?origin=LHR", "GET /api/flights", 200),
        new("search with a bad airport code", "GET", "/api/flights?origin=LONDON", "GET /api/flights", 400),
        new("get a flight", "GET", "/api/flights/FM101", "GET /api/flights/{flightNumber}", 200),
        new("get an unknown flight", "GET", "/api/flights/ZZ000", "GET /api/flights/{flightNumber}", 404),
        new("change status anonymously", "PUT", "/api/flights/FM202/status", "PUT /api/flights/{flightNumber}/status", 401, Json: """{"status":"Delayed"}"""),
        new("change status as an agent", "PUT", "/api/flights/FM202/status", "PUT /api/flights/{flightNumber}/status", 403, Agent, """{"status":"Delayed"}"""),
        new("change status to one that does not exist", "PUT", "/api/flights/FM202/status", "PUT /api/flights/{flightNumber}/status", 400, Operations, """{"status":"Teleported"}"""),
        new("change status with a stale ETag", "PUT", "/api/flights/FM202/status", "PUT /api/flights/{flightNumber}/status", 412, Operations, """{"status":"Delayed"}""", IfMatch: "\"FM202-0\""),
        new("change status", "PUT", "/api/flights/FM202/status", "PUT /api/flights/{flightNumber}/status", 200, Operations, """{"status":"Delayed"}""", IfMatch: "\"FM202-1\""),
        new("change status of an unknown flight", "PUT", "/api/flights/ZZ000/status", "PUT /api/flights/{flightNumber}/status", 404, Operations, """{"status":"Delayed"}"""),
        new("change status of a corrupt flight", "PUT", "/api/flights/FM9999/status", "PUT /api/flights/{flightNumber}/status", 500, Operations, """{"status":"Delayed"}"""),
        new("delete a flight", "DELETE", "/api/flights/FM101", null, 405),
        new("unknown path", "GET", "/api/planes", null, 404),

        // Bookings: an authenticated controller.
        new("book anonymously", "POST", "/api/bookings", "POST /api/bookings", 401, Json: """{"flightNumber":"FM101","seats":2}"""),
        new("book with a text body", "POST", "/api/bookings", "POST /api/bookings", 415, Agent, "FM101, 2 seats", ContentType: "text/plain"),
        new("book", "POST", "/api/bookings", "POST /api/bookings", 201, Agent, """{"flightNumber":"FM101","seats":2}""", Capture: "booking"),
        new("book nine seats", "POST", "/api/bookings", "POST /api/bookings", 201, Agent, """{"flightNumber":"FM101","seats":9}""", Capture: "bigBooking"),
        new("book an unknown flight", "POST", "/api/bookings", "POST /api/bookings", 400, Agent, """{"flightNumber":"ZZ000","seats":1}"""),
        new("book zero seats", "POST", "/api/bookings", "POST /api/bookings", 400, Agent, """{"flightNumber":"FM101","seats":0}"""),
        new("book a full flight", "POST", "/api/bookings", "POST /api/bookings", 409, Agent, """{"flightNumber":"FM303","seats":1}"""),
        new("get a booking", "GET", "/api/bookings/{booking}", "GET /api/bookings/{bookingId}", 200, Agent),
        new("get another agent's booking", "GET", "/api/bookings/{booking}", "GET /api/bookings/{bookingId}", 403, OtherAgent),
        new("get an unknown booking", "GET", "/api/bookings/00000000-0000-0000-0000-000000000001", "GET /api/bookings/{bookingId}", 404, Agent),
        new("pay", "POST", "/api/bookings/{booking}/payment", "POST /api/bookings/{bookingId}/payment", 200, Agent),
        new("pay twice", "POST", "/api/bookings/{booking}/payment", "POST /api/bookings/{bookingId}/payment", 409, Agent),
        // The fix answers a caught upstream failure with 502 (issue 15): the provider failed, not the service.
        new("pay while the provider fails", "POST", "/api/bookings/{bigBooking}/payment", "POST /api/bookings/{bookingId}/payment", 502, Agent),

        // Gates: minimal-API endpoints.
        new("get a gate", "GET", "/api/gates/A1", "GET /api/gates/{gateId}", 200),
        new("get an unknown gate", "GET", "/api/gates/Z9", "GET /api/gates/{gateId}", 404),
        new("assign a widebody to a regional gate", "PUT", "/api/gates/B7/assignment", "PUT /api/gates/{gateId}/assignment", 400, Json: """{"flightNumber":"FM101","aircraftSize":"widebody"}"""),
        new("assign a gate with a text body", "PUT", "/api/gates/A1/assignment", "PUT /api/gates/{gateId}/assignment", 415, Json: "FM101 widebody", ContentType: "text/plain"),
        new("assign a gate", "PUT", "/api/gates/A1/assignment", "PUT /api/gates/{gateId}/assignment", 200, Json: """{"flightNumber":"FM101","aircraftSize":"widebody"}"""),
        new("assign a taken gate", "PUT", "/api/gates/A1/assignment", "PUT /api/gates/{gateId}/assignment", 409, Json: """{"flightNumber":"FM202","aircraftSize":"narrowbody"}"""),
        new("release a gate", "DELETE", "/api/gates/A1/assignment", "DELETE /api/gates/{gateId}/assignment", 200),
        new("release a free gate", "DELETE", "/api/gates/A1/assignment", "DELETE /api/gates/{gateId}/assignment", 409),
        new("release an unknown gate", "DELETE", "/api/gates/Z9/assignment", "DELETE /api/gates/{gateId}/assignment", 404),
        new("assign an unknown gate", "PUT", "/api/gates/Z9/assignment", "PUT /api/gates/{gateId}/assignment", 404, Json: """{"flightNumber":"FM101","aircraftSize":"regional"}"""),

        // Hangars: minimal-API endpoints with typed results, a rate limit and an authorization policy.
        new("list hangars", "GET", "/hangar-selector/hangars", "GET /hangar-selector/hangars", 200),
        new("list hangars with a bad building code", "GET", "/hangar-selector/hangars?buildingCode=bad", "GET /hangar-selector/hangars", 400),
        new("list hangars of a building", "GET", "/hangar-selector/hangars?buildingCode=MX-NORTH", "GET /hangar-selector/hangars", 200),
        new("list hangars too often", "GET", "/hangar-selector/hangars", "GET /hangar-selector/hangars", 429),
        new("get a hangar", "GET", "/hangar-selector/hangars/H1", "GET /hangar-selector/hangars/{hangarId}", 200),
        new("get an unknown hangar", "GET", "/hangar-selector/hangars/H9", "GET /hangar-selector/hangars/{hangarId}", 404),
        new("open doors anonymously", "POST", "/hangar-selector/hangars/H1/doors/open", "POST /hangar-selector/hangars/{hangarId}/doors/open", 401),
        new("open doors as an agent", "POST", "/hangar-selector/hangars/H1/doors/open", "POST /hangar-selector/hangars/{hangarId}/doors/open", 403, Agent),
        new("open doors", "POST", "/hangar-selector/hangars/H1/doors/open", "POST /hangar-selector/hangars/{hangarId}/doors/open", 204, Operations),
        new("open doors whose controller is silent", "POST", "/hangar-selector/hangars/H2/doors/open", "POST /hangar-selector/hangars/{hangarId}/doors/open", 503, Operations),
        new("open doors of an unknown hangar", "POST", "/hangar-selector/hangars/H9/doors/open", "POST /hangar-selector/hangars/{hangarId}/doors/open", 404, Operations),
    ];

    /// <summary>Sends the sample's probes (<see cref="All"/>).</summary>
    public static Task<IReadOnlyList<ProbeResult>> RunAsync(HttpClient client) => RunAsync(client, All);

    /// <summary>Sends probes in order, each path with the ids captured so far filled in, and keeps each answer.</summary>
    public static async Task<IReadOnlyList<ProbeResult>> RunAsync(HttpClient client, IReadOnlyList<Probe> probes)
    {
        var captured = new Dictionary<string, string>();
        var results = new List<ProbeResult>(probes.Count);
        foreach (var probe in probes)
        {
            var path = probe.Path;
            foreach (var (name, value) in captured)
            {
                path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }

            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), path);
            if (probe.ApiKey is not null)
            {
                request.Headers.Add("X-Api-Key", probe.ApiKey);
            }

            if (probe.IfMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", probe.IfMatch);
            }

            if (probe.Json is not null)
            {
                request.Content = new StringContent(probe.Json, Encoding.UTF8, probe.ContentType);
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (probe.Capture is not null && response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(body);
                captured[probe.Capture] = json.RootElement.GetProperty("id").GetString()!;
            }

            results.Add(new ProbeResult(probe, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers));
        }

        return results;
    }
}
