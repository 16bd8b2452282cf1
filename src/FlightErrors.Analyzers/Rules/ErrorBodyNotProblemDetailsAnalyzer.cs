using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
        // Generated code is not analyzed (no Analyze flag). ReportDiagnostics spares the driver from checking each
        // reported diagnostic against the generated code of its file, a walk of the tree under a lock that was most of
        // the rules' cost (docs/performance.md); the rules report in the code they analyze.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (EndpointModel.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider) is not { } model)
            {
                return;
            }

            start.RegisterOperationAction(
                body =>
                {
                    if (model.TryInfer(in body, DiagnosticIds.ErrorBodyNotProblemDetails, actionsOnly: false, out var endpoint))
                    {
                        Report(in endpoint, model, in body);
                    }
                },
                OperationKind.MethodBody);
            start.RegisterOperationAction(
                function =>
                {
                    if (model.TryInferFunction(in function, DiagnosticIds.ErrorBodyNotProblemDetails, out var endpoint))
                    {
                        Report(in endpoint, model, in function);
                    }
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);
        });
    }

    // The context comes by reference: a delegate to its ReportDiagnostic would box it, for every method analyzed.
    private static void Report(in EndpointContext endpoint, EndpointModel model, in OperationAnalysisContext context)
    {
        foreach (var response in endpoint.ProducedHere())
        {
            if (!StatusCodeFacts.IsError(response.StatusCode) || Describe(response, in endpoint, model) is not { } body)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0003,
                response.Producer.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(BodyKindProperty, response.Body.ToString())
                    .Add(UndocumentedStatusCodeAnalyzer.StatusCodeProperty, response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                endpoint.Name,
                response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StatusCodeFacts.ReasonPhrase(response.StatusCode),
                body));
        }
    }

    /// <summary>How the message names the body, or null when the body is Problem Details (or cannot be known).</summary>
    private static string? Describe(in ProducedResponse response, in EndpointContext endpoint, EndpointModel model)
    {
        switch (response.Body)
        {
            case BodyKind.String:
                return "a string body";
            case BodyKind.Anonymous:
                return "an anonymous object body";
            case BodyKind.ModelState:
                return "a ModelStateDictionary body (written as SerializableError)";
            case BodyKind.ValidationErrors:
                return "a field-error dictionary body";
            case BodyKind.Object:
                return response.BodyType is { } type ? "a '" + type.Name + "' body" : "an object body";
            case BodyKind.None:
                return IsEmptyErrorBody(in response, in endpoint, model) ? "an empty body" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a bodyless error goes out empty. <c>UseStatusCodePages()</c> with <c>AddProblemDetails()</c> fills every
    /// one in. Otherwise MVC's client-error mapping fills in the <c>StatusCodeResult</c>s (<c>NotFound()</c>,
    /// <c>StatusCode(404)</c>) of API controllers, and nothing fills in a minimal-API result. Challenge, forbid and
    /// unauthorized results belong to the authentication handler; MVC results outside controllers are left alone, since
    /// the controller that will return them is unknown.
    /// </summary>
    private static bool IsEmptyErrorBody(in ProducedResponse response, in EndpointContext endpoint, EndpointModel model)
    {
        if (model.WritesStatusCodePagesAsProblemDetails || response.Producer.Type is not { } type)
        {
            return false;
        }

        if (model.Types.ClientErrorActionResult is { } clientError && model.Types.Implements(type, clientError))
        {
            return endpoint.InController && (!endpoint.IsApiController || model.SuppressesClientErrorMapping);
        }

        if (model.Types.Result is not { } result || !model.Types.Implements(type, result))
        {
            return false;
        }

        var name = response.Producer is IInvocationOperation invocation ? invocation.TargetMethod.Name : type.Name;
        return name switch
        {
            "Unauthorized" or "Forbid" or "Challenge" or "SignOut" or "UnauthorizedHttpResult" or "ForbidHttpResult" or "ChallengeHttpResult" => false,
            _ => true,
        };
    }
}
