using System;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>Where the status code of a result API comes from.</summary>
internal enum StatusSource : byte
{
    /// <summary>The API always answers <see cref="ResultApi.StatusCode"/>.</summary>
    Fixed,

    /// <summary>The <c>statusCode</c> argument (<c>StatusCode(409)</c>); unknown when it is not a constant.</summary>
    Argument,

    /// <summary>The <c>statusCode</c> argument, or <see cref="ResultApi.StatusCode"/> when it is not passed or null.</summary>
    ArgumentOrDefault,

    /// <summary>A redirect: 301, 302, 307 or 308 from the <c>permanent</c> and <c>preserveMethod</c> arguments.</summary>
    Redirect,
}

/// <summary>What one result API answers: its status code, how the code is chosen, and what writes its body.</summary>
internal readonly struct ResultApi
{
    public ResultApi(int statusCode, StatusSource source = StatusSource.Fixed, ResultBody body = ResultBody.Value, string? typedResult = null)
    {
        StatusCode = statusCode;
        Source = source;
        Body = body;
        TypedResult = typedResult;
    }

    /// <summary>The status code, or the default one for <see cref="StatusSource.ArgumentOrDefault"/>; 0 when none.</summary>
    public int StatusCode { get; }

    public StatusSource Source { get; }

    public ResultBody Body { get; }

    /// <summary>
    /// The <c>Microsoft.AspNetCore.Http.HttpResults</c> type of the <c>TypedResults</c> factory, when that type
    /// documents <see cref="StatusCode"/> itself (it is an <c>IEndpointMetadataProvider</c>).
    /// </summary>
    public string? TypedResult { get; }

    public bool IsKnown => StatusCode != 0 || Source != StatusSource.Fixed;
}

/// <summary>What a result API writes as its body.</summary>
internal enum ResultBody : byte
{
    /// <summary>The value passed to it, if any.</summary>
    Value,

    /// <summary>Problem Details: <c>Problem()</c>, <c>ValidationProblem()</c>.</summary>
    ProblemDetails,

    /// <summary>Nothing: the authentication handler answers (challenge, forbid, unauthorized, sign-out).</summary>
    Authentication,
}

/// <summary>
/// The one knowledge table of ASP.NET Core's result APIs: for each factory of <c>ControllerBase</c>, <c>Results</c> and
/// <c>TypedResults</c>, each MVC result type and each typed result, the status code it answers and what writes its
/// body. Response inference reads it by name; the fixes read it by status code (which typed result documents a code,
/// which factory writes Problem Details). Codes an MVC type declares with <c>[DefaultStatusCode]</c> are read from the
/// attribute, not from here.
/// </summary>
internal static class ResultApis
{
    private static readonly ResultApi Unknown = default;

    /// <summary>A factory of <c>Results</c> or <c>TypedResults</c>, by name.</summary>
    public static ResultApi HttpResultFactory(string name) => name switch
    {
        "Ok" => new(200, typedResult: "Ok"),
        "Created" => new(201, typedResult: "Created"),
        "CreatedAtRoute" => new(201, typedResult: "CreatedAtRoute"),
        "Accepted" => new(202, typedResult: "Accepted"),
        "AcceptedAtRoute" => new(202, typedResult: "AcceptedAtRoute"),
        "NoContent" => new(204, typedResult: "NoContent"),
        "BadRequest" => new(400, typedResult: "BadRequest"),
        "Unauthorized" or "Challenge" => new(401, body: ResultBody.Authentication),
        "Forbid" => new(403, body: ResultBody.Authentication),
        "SignOut" => new(0, body: ResultBody.Authentication),
        "NotFound" => new(404, typedResult: "NotFound"),
        "Conflict" => new(409, typedResult: "Conflict"),
        "UnprocessableEntity" => new(422, typedResult: "UnprocessableEntity"),
        "InternalServerError" => new(500, typedResult: "InternalServerError"),
        "StatusCode" => new(0, StatusSource.Argument),
        "Json" or "Text" or "Content" => new(200, StatusSource.ArgumentOrDefault),
        "File" or "Bytes" or "Stream" or "PhysicalFile" or "VirtualFile" or "Empty" => new(200),
        "Redirect" or "LocalRedirect" or "RedirectToRoute" => new(0, StatusSource.Redirect),
        "Problem" => new(500, StatusSource.ArgumentOrDefault, ResultBody.ProblemDetails),
        "ValidationProblem" => new(400, StatusSource.ArgumentOrDefault, ResultBody.ProblemDetails, "ValidationProblem"),
        _ => Unknown,
    };

    /// <summary>
    /// A helper of <c>ControllerBase</c> whose code is not declared by its result type's <c>[DefaultStatusCode]</c>
    /// (<c>NotFound()</c> and the like are read from the attribute).
    /// </summary>
    public static ResultApi ControllerHelper(string name)
    {
        switch (name)
        {
            case "StatusCode":
                return new(0, StatusSource.Argument);
            case "Problem":
                return new(500, StatusSource.ArgumentOrDefault, ResultBody.ProblemDetails);
            case "ValidationProblem":
                return new(400, StatusSource.ArgumentOrDefault, ResultBody.ProblemDetails);
            case "Challenge":
                return new(401, body: ResultBody.Authentication);
            case "Forbid":
                return new(403, body: ResultBody.Authentication);
            case "SignOut":
                return new(0, body: ResultBody.Authentication);
            case "File" or "PhysicalFile" or "Content" or "Json" or "View" or "PartialView" or "ViewComponent":
                return new(200);
        }

        if (name.StartsWith("Redirect", StringComparison.Ordinal) || name.StartsWith("LocalRedirect", StringComparison.Ordinal))
        {
            var permanent = name.IndexOf("Permanent", StringComparison.Ordinal) >= 0;
            var preserve = name.EndsWith("PreserveMethod", StringComparison.Ordinal);
            return new(RedirectCode(permanent, preserve));
        }

        return Unknown;
    }

    /// <summary>An MVC result type of <c>Microsoft.AspNetCore.Mvc</c> without <c>[DefaultStatusCode]</c>, by name.</summary>
    public static ResultApi MvcResultType(string name) => name switch
    {
        "ChallengeResult" => new(401, body: ResultBody.Authentication),
        "ForbidResult" => new(403, body: ResultBody.Authentication),
        "SignOutResult" => new(0, body: ResultBody.Authentication),
        "RedirectResult" or "LocalRedirectResult" or "RedirectToActionResult" or "RedirectToRouteResult" or "RedirectToPageResult" => new(0, StatusSource.Redirect),
        "ObjectResult" or "JsonResult" or "ContentResult" or "EmptyResult" or "FileResult" or "ViewResult" or "PartialViewResult" => new(200),
        _ => Unknown,
    };

    /// <summary>
    /// The status code a typed result of <c>Microsoft.AspNetCore.Http.HttpResults</c> documents by describing itself
    /// (<c>NotFound</c>, <c>Ok&lt;T&gt;</c>); null for the ones whose code is known only at run time
    /// (<c>ProblemHttpResult</c>, <c>StatusCodeHttpResult</c>) or that document nothing.
    /// </summary>
    public static int? TypedResultStatusCode(INamedTypeSymbol type)
    {
        if (!type.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults"))
        {
            return null;
        }

        var api = HttpResultFactory(type.Name);
        return api.TypedResult == type.Name ? api.StatusCode : null;
    }

    /// <summary>The factories whose typed result documents its code, in the order a fix prefers them.</summary>
    private static readonly string[] DocumentingFactories =
    {
        "Ok", "Created", "CreatedAtRoute", "Accepted", "AcceptedAtRoute", "NoContent", "BadRequest", "NotFound", "Conflict",
        "UnprocessableEntity", "InternalServerError",
    };

    /// <summary>The typed result that documents <paramref name="statusCode"/> in a <c>Results&lt;...&gt;</c> union, if any.</summary>
    public static string? TypedResultFor(int statusCode)
    {
        foreach (var name in DocumentingFactories)
        {
            var api = HttpResultFactory(name);
            if (api.StatusCode == statusCode && api.Source == StatusSource.Fixed)
            {
                return api.TypedResult;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the authentication handler answers for a minimal-API result made by the factory, or of the typed result,
    /// called <paramref name="name"/>.
    /// </summary>
    public static bool IsAuthentication(string name) =>
        HttpResultFactory(name).Body == ResultBody.Authentication
        || name is "UnauthorizedHttpResult" or "ForbidHttpResult" or "ChallengeHttpResult" or "SignOutHttpResult";

    /// <summary>301, 302, 307 or 308.</summary>
    public static int RedirectCode(bool permanent, bool preserveMethod) =>
        permanent ? (preserveMethod ? 308 : 301) : (preserveMethod ? 307 : 302);
}
