using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0003: an error response's body is something other than Problem Details.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorBodyNotProblemDetailsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <see cref="BodyKind"/> of the reported body, for the fix.</summary>
    internal const string BodyKindProperty = "BodyKind";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0003);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (EndpointModel.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider) is not { } model)
            {
                return;
            }

            start.RegisterOperationBlockAction(block => Analyze(block, model));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, EndpointModel model)
    {
        if (!model.TryInfer(context, DiagnosticIds.ErrorBodyNotProblemDetails, actionsOnly: false, out var endpoint))
        {
            return;
        }

        foreach (var response in endpoint.ProducedHere())
        {
            if (!StatusCodeFacts.IsError(response.StatusCode) || Describe(response, endpoint.IsApiController, model) is not { } body)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0003,
                response.Producer.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(BodyKindProperty, response.Body.ToString())
                    .Add(UndocumentedStatusCodeAnalyzer.StatusCodeProperty, response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                endpoint.Method.Name,
                response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StatusCodeFacts.ReasonPhrase(response.StatusCode),
                body));
        }
    }

    /// <summary>How the message names the body, or null when the body is Problem Details (or cannot be known).</summary>
    private static string? Describe(ProducedResponse response, bool isApiController, EndpointModel model)
    {
        switch (response.Body)
        {
            case BodyKind.String:
                return "a string body";
            case BodyKind.Anonymous:
                return "an anonymous object body";
            case BodyKind.ModelState:
                return "a ModelStateDictionary body (written as SerializableError)";
            case BodyKind.Object:
                return response.BodyType is { } type ? "a '" + type.Name + "' body" : "an object body";
            case BodyKind.None:
                return IsBodylessClientError(response, model) && (!isApiController || model.SuppressesClientErrorMapping)
                    ? "an empty body"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Bodyless <c>StatusCodeResult</c>s (<c>NotFound()</c>, <c>StatusCode(404)</c>) are what MVC's client-error mapping
    /// turns into Problem Details in an API controller. Challenge and forbid results belong to the authentication handler.
    /// </summary>
    private static bool IsBodylessClientError(ProducedResponse response, EndpointModel model) =>
        model.Types.ClientErrorActionResult is { } clientError
        && response.Producer.Type is { } type
        && type.Implements(clientError);
}
