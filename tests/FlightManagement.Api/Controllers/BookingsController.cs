using FlightManagement.Api.Domain;
using FlightManagement.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FlightManagement.Api.Controllers;

/// <summary>Bookings, for authenticated travel agents: every action can answer 401.</summary>
[ApiController]
[Authorize]
[Route("api/bookings")]
public sealed class BookingsController(BookingStore bookings, FlightStore flights, IPaymentGateway payments)
    : ControllerBase
{
    [HttpGet("{bookingId:guid}")]
    [ProducesResponseType<Booking>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<Booking> Get(Guid bookingId) // FE0006: the controller's [Authorize] answers 401, which is not documented
    {
        var booking = bookings.Find(bookingId);
        if (booking is null)
        {
            return NotFound();
        }

        return booking.CustomerId == User.CustomerId() ? booking : Forbid(); // FE0001: 403 is not documented
    }

    [HttpPost]
    [ProducesResponseType<Booking>(StatusCodes.Status201Created)]
    public ActionResult<Booking> Create(BookingRequest request) // FE0006, FE0006, FE0006: 401, and the body's 400 and 415, are not documented
    {
        var flight = flights.Find(request.FlightNumber);
        if (flight is null)
        {
            ModelState.AddModelError(nameof(request.FlightNumber), $"There is no flight {request.FlightNumber}.");
            return BadRequest(ModelState); // FE0001, FE0003: field errors, but not as a validation Problem Details
        }

        if (!flights.TryTakeSeats(flight, request.Seats))
        {
            return Conflict(); // FE0001: 409 is not documented
        }

        var booking = bookings.Add(User.CustomerId()!, flight, request.Seats);
        return CreatedAtAction(nameof(Get), new { bookingId = booking.Id }, booking);
    }

    [HttpPost("{bookingId:guid}/payment")]
    [ProducesResponseType<PaymentReceipt>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError)]
    public async Task<ActionResult<PaymentReceipt>> Pay(Guid bookingId, CancellationToken cancellationToken) // FE0006: 401 is not documented
    {
        var booking = bookings.Find(bookingId);
        if (booking is null || booking.CustomerId != User.CustomerId())
        {
            return NotFound();
        }

        if (booking.Paid)
        {
            return Conflict(new ProblemDetails { Title = "Already paid", Detail = "This booking is paid for." });
        }

        try
        {
            var receipt = await payments.ChargeAsync(booking, cancellationToken);
            bookings.MarkPaid(booking);
            return receipt;
        }
        catch (HttpRequestException)
        {
            return StatusCode(StatusCodes.Status500InternalServerError, "Payment failed."); // FE0002, FE0003: the provider's failure as a deliberate 500
        }
    }
}
