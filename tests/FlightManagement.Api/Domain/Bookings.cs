using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

namespace FlightManagement.Api.Domain;

public sealed record Booking(Guid Id, string CustomerId, string FlightNumber, int Seats, decimal Price, bool Paid);

public sealed record BookingRequest(
    [Required, StringLength(6, MinimumLength = 3)] string FlightNumber,
    [Range(1, 9)] int Seats);

public sealed record PaymentReceipt(Guid BookingId, string Reference, decimal Amount);

public sealed class BookingStore
{
    private readonly ConcurrentDictionary<Guid, Booking> bookings = new();

    public Booking? Find(Guid id) => bookings.TryGetValue(id, out var booking) ? booking : null;

    public Booking Add(string customerId, Flight flight, int seats)
    {
        var booking = new Booking(Guid.NewGuid(), customerId, flight.Number, seats, 180m * seats, Paid: false);
        bookings[booking.Id] = booking;
        return booking;
    }

    public void MarkPaid(Booking booking) => bookings[booking.Id] = booking with { Paid = true };
}

/// <summary>The card payment provider, an upstream service.</summary>
public interface IPaymentGateway
{
    Task<PaymentReceipt> ChargeAsync(Booking booking, CancellationToken cancellationToken);
}

/// <summary>A stand-in provider that declines to answer for bookings of nine seats, as a failing upstream would.</summary>
public sealed class FakePaymentGateway : IPaymentGateway
{
    public Task<PaymentReceipt> ChargeAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (booking.Seats == 9)
        {
            throw new HttpRequestException("payments.example.net answered 502 (merchant 4471, key pk_live_51H)");
        }

        return Task.FromResult(new PaymentReceipt(booking.Id, $"PAY-{booking.Id:N}"[..12], booking.Price));
    }
}
