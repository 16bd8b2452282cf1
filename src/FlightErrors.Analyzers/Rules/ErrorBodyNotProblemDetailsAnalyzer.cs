using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>FE0003: an error response's body is something other than Problem Details.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorBodyNotProblemDetailsAnalyzer : DiagnosticAnalyzer
{
    private const string Id = DiagnosticIds.ErrorBodyNotProblemDetails;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0003);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => EndpointRegistration.Register(start, Id, EndpointKinds.All, Check));
    }

    private static void Check(in EndpointFacts endpoint, in OperationAnalysisContext context)
    {
        // A result whose status can take several codes (`StatusCode(status, "…")`) is one body: reported once, with
        // its first error code.
        TextSpan? reported = null;
        foreach (var response in endpoint.ProducedHere())
        {
            if (!StatusCodeFacts.IsError(response.StatusCode) || response.Producer == reported || Describe(in response, in endpoint) is not { } body)
            {
                continue;
            }

            reported = response.Producer;
            var properties = FixProperties.Body(response.Body, response.StatusCode);
            if (response.BodylessWriter == BodylessWriter.StatusCodePages && (endpoint.MissingPipelineParts & PipelineParts.StatusCodePages) != 0 && endpoint.CanCompletePipeline)
            {
                // Status code pages would fill this body: the fix can add them for the whole application.
                properties = FixProperties.WithCompletedPipeline(properties);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0003,
                endpoint.LocationOf(response.Producer),
                properties,
                endpoint.Endpoint.Name,
                StatusCodeFacts.Describe(response.StatusCode),
                body));
        }
    }

    /// <summary>How the message names the body, or null when the body is Problem Details (or cannot be known).</summary>
    private static string? Describe(in ProducedResponse response, in EndpointFacts endpoint) => response.Body switch
    {
        BodyKind.String => "a string body",
        BodyKind.Anonymous => "an anonymous object body",
        BodyKind.ModelState => "a ModelStateDictionary body (written as SerializableError)",
        BodyKind.ValidationErrors => "a field-error dictionary body",
        BodyKind.Object => response.BodyType is { } type ? "a '" + type.Name + "' body" : "an object body",
        BodyKind.None when !endpoint.IsEmptyError(in response) => null,
        // Nothing but the status code pages middleware writes a minimal-API result's missing body: name the cure.
        BodyKind.None when response.BodylessWriter == BodylessWriter.StatusCodePages =>
            "an empty body (AddProblemDetails() with UseStatusCodePages() would write Problem Details for it)",
        BodyKind.None => "an empty body",
        _ => null,
    };
}
