using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>Every diagnostic descriptor of the package; nothing else creates one.</summary>
internal static class Descriptors
{
    internal const string DocsRoot = "https://github.com/flight-errors/FlightErrors.Analyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor FE0001 = Rule(
        DiagnosticIds.UndocumentedStatusCode,
        Categories.Documentation,
        DiagnosticSeverity.Warning,
        title: "Returned status code is not documented",
        message: "'{0}' can return {1}, which is not documented{2}",
        description: "Every status code an endpoint can return should be listed in its API description "
            + "([ProducesResponseType], conventions, XML <response> or Results<...>) so that clients know to handle it.");

    public static readonly DiagnosticDescriptor FE0002 = Rule(
        DiagnosticIds.ExplicitInternalServerError,
        Categories.Design,
        DiagnosticSeverity.Warning,
        title: "Endpoint produces 500 Internal Server Error explicitly",
        message: "'{0}' produces 500 Internal Server Error on purpose; let the exception reach the exception handler, or return 502, 503 or 504 for a known upstream or capacity failure",
        description: "A 500 is the server's own unexpected failure: unexpected exceptions should flow to the exception handler, "
            + "which writes a Problem Details 500, and a known cause deserves a precise code (502 upstream failed, 503 overloaded or in maintenance, 504 upstream timed out).");

    public static readonly DiagnosticDescriptor FE0003 = Rule(
        DiagnosticIds.ErrorBodyNotProblemDetails,
        Categories.Design,
        DiagnosticSeverity.Warning,
        title: "Error response body is not Problem Details",
        message: "'{0}' returns {1} with {2}, which is not Problem Details",
        description: "Every error body should be an RFC 9457 Problem Details object (type, title, status, detail, instance, "
            + "and an errors extension for field-level problems) so that clients can handle every error the same way.");

    public static readonly DiagnosticDescriptor FE0004 = Rule(
        DiagnosticIds.IncompleteErrorPipeline,
        Categories.Design,
        DiagnosticSeverity.Warning,
        title: "Application does not turn every error into Problem Details",
        message: "The application built here lacks {0}, so some of its errors are not Problem Details",
        description: "An unhandled exception, and an error result without a body, reach the client as Problem Details only through "
            + "the application's error pipeline: AddProblemDetails(), UseExceptionHandler() and, where endpoints can answer an error "
            + "without a body, UseStatusCodePages().");

    public static readonly DiagnosticDescriptor FE0005 = Rule(
        DiagnosticIds.UndocumentedExceptionStatusCode,
        Categories.Documentation,
        DiagnosticSeverity.Info,
        title: "Status code from a thrown exception is not documented",
        message: "'{0}' can answer {1} ({2}, mapped by {3}), which is not documented{4}",
        description: "An exception the endpoint can throw, in its own code or in what it calls, that the application's exception handler, "
            + "exception filter or middleware turns into a status code makes that code one the endpoint answers: its API description should list it.");

    public static readonly DiagnosticDescriptor FE0006 = Rule(
        DiagnosticIds.UndocumentedFrameworkStatusCode,
        Categories.Documentation,
        DiagnosticSeverity.Warning,
        title: "Status code the framework answers for the endpoint is not documented",
        message: "'{0}' can answer {1} ({2}), which is not documented",
        description: "Before the endpoint's code runs, ASP.NET Core answers for it: authorization with 401 and 403, the rate limiter with its "
            + "rejection status, binding and validation with 400, an unsupported request content type with 415, and an action or endpoint "
            + "filter with the status it short-circuits with. None of them adds response metadata, so the API description omits them "
            + "unless they are documented.");

    public static readonly DiagnosticDescriptor FE0007 = Rule(
        DiagnosticIds.MappingMissesSubclass,
        Categories.Design,
        DiagnosticSeverity.Warning,
        title: "Exception mapping misses subclasses",
        message: "'{0}' maps {1} by its exact type, so a thrown {2}, which derives from it, becomes a 500",
        description: "A mapping that compares exception.GetType() with typeof(T), or looks the type up in a dictionary keyed by typeof(T), "
            + "matches T alone: a subclass of T that the code throws goes past it to the exception handler's 500, although it is a kind of T.");

    public static readonly DiagnosticDescriptor FE0008 = Rule(
        DiagnosticIds.ProblemDetailsWrittenAsJson,
        Categories.Design,
        DiagnosticSeverity.Warning,
        title: "Problem Details written as application/json",
        message: "{0} is written with the content type '{1}' instead of application/problem+json",
        description: "WriteAsJsonAsync sets the response's content type to application/json unless it is given one; RFC 9457 registers "
            + "application/problem+json for Problem Details, which is what clients and ASP.NET Core's own problem details writer use.");

    /// <summary>Reported once per compilation, without a location, at its end (RS1037).</summary>
    public static readonly DiagnosticDescriptor FE0900 = Rule(
        DiagnosticIds.InvalidOptionValue,
        Categories.Configuration,
        DiagnosticSeverity.Warning,
        title: "Invalid FlightErrors option value",
        message: "'{0}' has the invalid value '{1}', which is not {2}; the analyzers use {3} instead",
        description: "A flight_errors option in .editorconfig or a global config has a value the analyzers do not accept. "
            + "They fall back to the default, which may not be what was meant, so the value is reported instead of silently ignored.",
        tags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>A suppression of a retired MVC API analyzer rule (API1000 to API1003), which the migration moves or removes.</summary>
    public static readonly DiagnosticDescriptor FE0901 = Rule(
        DiagnosticIds.RetiredMvcAnalyzerSuppression,
        Categories.Configuration,
        DiagnosticSeverity.Info,
        title: "Suppression of a retired MVC API analyzer rule",
        message: "'{0}' suppresses {1}, a rule of the retired MVC API analyzers; {2}",
        description: "The MVC API analyzers (API1000 to API1003) are deprecated in .NET 10 and removed in .NET 11. A suppression of API1000 "
            + "or API1001 now means FE0001, which replaces them; a suppression of API1002 or API1003 suppresses nothing any more.");

    private static DiagnosticDescriptor Rule(
        string id,
        string category,
        DiagnosticSeverity severity,
        string title,
        string message,
        string description,
        bool enabled = true,
        params string[] tags)
    {
#pragma warning disable RS0030 // The one sanctioned construction site.
        return new DiagnosticDescriptor(
            id,
            title,
            message,
            category,
            severity,
            enabled,
            description,
            helpLinkUri: DocsRoot + id + ".md",
            customTags: tags);
#pragma warning restore RS0030
    }
}
