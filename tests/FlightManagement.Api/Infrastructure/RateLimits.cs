using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace FlightManagement.Api.Infrastructure;

public static class RateLimits
{
    /// <summary>The policy of the hangar search, which queries the maintenance planning system.</summary>
    public const string HangarSearch = "hangar-search";

    public static IServiceCollection AddFlightRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:HangarSearchPermitsPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            // The rejected request has no body yet: the status code pages middleware writes the Problem Details.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter(HangarSearch, window =>
            {
                window.PermitLimit = permits;
                window.Window = TimeSpan.FromMinutes(1);
                window.QueueLimit = 0;
            });
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
    }
}
