using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FlightManagement.Api.Infrastructure;

/// <summary>
/// Authenticates callers by the X-Api-Key header. Unknown or missing keys are challenged with 401 and a
/// WWW-Authenticate header; the status code pages middleware gives the 401 and 403 their Problem Details body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string CustomerIdClaim = "customer_id";
    public const string OperationsRole = "operations";

    // Demo keys: a travel agent booking for customer C100, another for C200, and the operations desk.
    private static readonly Dictionary<string, (string CustomerId, string? Role)> Keys = new(StringComparer.Ordinal)
    {
        ["agent-c100"] = ("C100", null),
        ["agent-c200"] = ("C200", null),
        ["ops-desk"] = ("OPS", OperationsRole),
    };

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Keys.TryGetValue(values[0]!, out var caller))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        List<Claim> claims = [new(CustomerIdClaim, caller.CustomerId)];
        if (caller.Role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, caller.Role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string? CustomerId(this ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.CustomerIdClaim)?.Value;
}
