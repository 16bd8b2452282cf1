using FlightManagement.Api.Domain;
using FlightManagement.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FlightManagement.Api.Controllers;

[ApiController]
[Route("api/flights")]
public sealed class FlightsController(FlightStore flights) : ControllerBase
{
    /// <summary>Lists the flights between two airports.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<Flight>>(StatusCodes.Status200OK)]
    public ActionResult<IReadOnlyList<Flight>> Search(string? origin, string? destination)
    {
        if (origin is { Length: not 3 } || destination is { Length: not 3 })
        {
            return BadRequest("Airport codes have three letters."); // FE0001, FE0003: an undocumented 400 with a plain-text body
        }

        return Ok(flights.Search(origin, destination));
    }

    /// <summary>Gets one flight.</summary>
    /// <response code="200">The flight.</response>
    /// <response code="500">The flight's record could not be read.</response>
    [HttpGet("{flightNumber}")]
    public ActionResult<Flight> Get(string flightNumber)
    {
        var flight = flights.Find(flightNumber);
        return flight is null ? NotFound() : flight; // FE0001: the 404 is not documented (Microsoft.AspNetCore.OpenApi reads no XML <response> codes)
    }

    /// <summary>Changes a flight's status; the operations desk only, with the flight's ETag in If-Match.</summary>
    [HttpPut("{flightNumber}/status")]
    [Authorize(Policy = ApiKeyAuthenticationHandler.OperationsRole)]
    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError)]
    public ActionResult<Flight> UpdateStatus( // FE0006, FE0006, FE0006, FE0006: the policy's 401 and 403, the body's 400 and 415 are not documented
        string flightNumber,
        StatusChange change,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        try
        {
            var flight = flights.Find(flightNumber);
            if (flight is null)
            {
                return NotFound();
            }

            if (ifMatch != flight.ETag)
            {
                return StatusCode(StatusCodes.Status412PreconditionFailed); // FE0001: 412 is not documented
            }

            var updated = flights.SetStatus(flight, change.Status);
            Response.Headers.ETag = updated.ETag;
            return updated;
        }
        catch (FlightStoreException ex)
        {
            return StatusCode(500, ex.Message); // FE0002, FE0003: a deliberate 500 that leaks the exception message
        }
    }
}
