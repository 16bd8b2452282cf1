namespace FlightErrors.Analyzers;

/// <summary>The IDs of every rule. Allocated in order and never reused.</summary>
public static class DiagnosticIds
{
    public const string UndocumentedStatusCode = "FE0001";
    public const string ExplicitInternalServerError = "FE0002";
    public const string ErrorBodyNotProblemDetails = "FE0003";
    public const string IncompleteErrorPipeline = "FE0004";
    public const string UndocumentedExceptionStatusCode = "FE0005";
    public const string UndocumentedFrameworkStatusCode = "FE0006";
    public const string MappingMissesSubclass = "FE0007";
    public const string ProblemDetailsWrittenAsJson = "FE0008";

    // FE09xx are about the package's configuration, not the code.
    public const string InvalidOptionValue = "FE0900";
    public const string RetiredMvcAnalyzerSuppression = "FE0901";
}
