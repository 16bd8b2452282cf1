namespace FlightErrors.Analyzers;

/// <summary>The IDs of every rule. Allocated in order and never reused.</summary>
public static class DiagnosticIds
{
    public const string UndocumentedStatusCode = "FE0001";
    public const string ExplicitInternalServerError = "FE0002";
    public const string ErrorBodyNotProblemDetails = "FE0003";
}
