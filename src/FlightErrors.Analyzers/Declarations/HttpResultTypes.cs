using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The minimal-API result types of <c>Microsoft.AspNetCore.Http.HttpResults</c> that describe themselves through
/// <c>IEndpointMetadataProvider</c>, and the status code each declares. <c>ProblemHttpResult</c>,
/// <c>StatusCodeHttpResult</c> and the like declare nothing: their status is known only at run time.
/// </summary>
internal static class HttpResultTypes
{
    public static int? DeclaredStatusCode(INamedTypeSymbol type)
    {
        if (!type.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults"))
        {
            return null;
        }

        return type.Name switch
        {
            "Ok" => 200,
            "Created" or "CreatedAtRoute" => 201,
            "Accepted" or "AcceptedAtRoute" => 202,
            "NoContent" => 204,
            "BadRequest" or "ValidationProblem" => 400,
            "NotFound" => 404,
            "Conflict" => 409,
            "UnprocessableEntity" => 422,
            "InternalServerError" => 500,
            _ => null,
        };
    }
}
