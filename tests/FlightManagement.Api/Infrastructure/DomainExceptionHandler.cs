using FlightManagement.Api.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace FlightManagement.Api.Infrastructure;

/// <summary>
/// Maps the domain's exceptions to their status codes, as many real APIs do: the endpoints throw, and this one place
/// answers. The codes it maps are part of every endpoint that can throw them (FE0005 asks to document them).
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is GateNotAssignedException)
        {
            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Title = "The gate has no flight assigned." },
            });
        }

        return false;
    }
}
