using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0001: every status code an action can return is documented.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedStatusCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The code this diagnostic is about, e.g. "404".</summary>
    internal const string StatusCodeProperty = "StatusCode";

    /// <summary>Every undocumented code of the action, "404;201=T:Ns.Flight" (code, optionally "=" a type reference id).</summary>
    internal const string MissingProperty = "Missing";

    /// <summary>Present when the action relies on the implicit 200: "200" or "200=T:Ns.Flight".</summary>
    internal const string ImplicitOkProperty = "ImplicitOk";

    /// <summary>"1" when error codes should be documented with <c>typeof(ProblemDetails)</c> (not an API controller).</summary>
    internal const string TypedErrorsProperty = "TypedErrors";

    /// <summary>
    /// "1" for a minimal-API endpoint; the diagnostic's first additional location is then its <c>Map*</c> call, whose
    /// builder chain the fix extends.
    /// </summary>
    internal const string RouteHandlerProperty = "RouteHandler";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0001);

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

            start.RegisterOperationAction(body => AnalyzeAction(body, model), OperationKind.MethodBody);
            start.RegisterOperationAction(operation => AnalyzeRouteHandler(operation, model), OperationKind.Invocation);
        });
    }

    private static void AnalyzeAction(OperationAnalysisContext context, EndpointModel model)
    {
        if (!model.TryInfer(in context, DiagnosticIds.UndocumentedStatusCode, actionsOnly: true, out var endpoint))
        {
            return;
        }

        var declared = model.Declarations.Read(endpoint.Method, endpoint.IsApiController, endpoint.Options.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode), context.CancellationToken);
        Report(in endpoint, declared, route: null, in context);
    }

    private static void AnalyzeRouteHandler(OperationAnalysisContext context, EndpointModel model)
    {
        if (!model.TryInferRouteHandler(in context, out var route, out var endpoint))
        {
            return;
        }

        var declared = model.Declarations.ReadRouteHandler(route, endpoint.Options.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode), context.CancellationToken);
        Report(in endpoint, declared, route, in context);
    }

    // The context comes by reference: a delegate to its ReportDiagnostic would box it, for every action analyzed.
    private static void Report(in EndpointContext endpoint, DeclaredResponses declared, RouteHandler? route, in OperationAnalysisContext context)
    {
        if (!declared.IsComplete || declared.IsExcludedFromDescription)
        {
            return;
        }

        var responses = endpoint.Responses;

        // The first place each undocumented code comes from, in source order. Most actions document everything: the
        // list is made only for one that does not.
        List<ProducedResponse>? missing = null;
        foreach (var response in responses.Responses)
        {
            if (declared.Documents(response.StatusCode))
            {
                continue;
            }

            missing ??= new List<ProducedResponse>();
            var index = IndexOf(missing, response.StatusCode);
            if (index < 0)
            {
                missing.Add(response);
            }
            else if (response.Origin.Syntax.SpanStart < missing[index].Origin.Syntax.SpanStart)
            {
                missing[index] = response;
            }
        }

        if (missing is null)
        {
            return;
        }

        var shared = DocumentationProperties(endpoint, declared, route, out var additionalLocations);
        shared[MissingProperty] = Describe(missing);
        foreach (var response in missing)
        {
            var properties = shared.ToImmutable().SetItem(StatusCodeProperty, response.StatusCode.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0001,
                Where(response, route),
                additionalLocations,
                properties,
                endpoint.Name,
                response.StatusCode.ToString(CultureInfo.InvariantCulture),
                StatusCodeFacts.ReasonPhrase(response.StatusCode)));
        }
    }

    /// <summary>
    /// What the documentation fix needs besides the codes to add (the implicit 200 to keep, how to type errors, the
    /// route handler's <c>Map*</c> call); FE0002 hands the same to its 503/502/504 fixes, which document the new code.
    /// </summary>
    internal static ImmutableDictionary<string, string?>.Builder DocumentationProperties(in EndpointContext endpoint, DeclaredResponses declared, RouteHandler? route, out Location[]? additionalLocations)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var responses = endpoint.Responses;
        if (!declared.HasResponseMetadata && (!responses.IsComplete || ProducesOk(responses)))
        {
            properties[ImplicitOkProperty] = Entry(200, declared.ImplicitOkType ?? OkBodyType(responses));
        }

        additionalLocations = null;
        if (route is not null)
        {
            properties[RouteHandlerProperty] = "1";
            additionalLocations = new[] { route.MapCall.Syntax.GetLocation() };
        }
        else if (!endpoint.IsApiController)
        {
            properties[TypedErrorsProperty] = "1";
        }

        return properties;
    }

    /// <summary>
    /// Where the undocumented response comes from; for a handler passed as a method group, the handler where it is
    /// mapped. A diagnostic stays in the member being analyzed: the IDE, which analyzes one document or one member at a
    /// time, drops what an action reports into another member (or file), though a build keeps it.
    /// </summary>
    private static Location Where(ProducedResponse response, RouteHandler? route)
    {
        if (route is { LambdaBody: null })
        {
            return route.HandlerOperation.Syntax.GetLocation();
        }

        return response.Origin.Syntax.GetLocation();
    }

    private static int IndexOf(List<ProducedResponse> responses, int statusCode)
    {
        for (var i = 0; i < responses.Count; i++)
        {
            if (responses[i].StatusCode == statusCode)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ProducesOk(EndpointResponses responses)
    {
        foreach (var response in responses.Responses)
        {
            if (response.StatusCode == 200)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? OkBodyType(EndpointResponses responses)
    {
        foreach (var response in responses.Responses)
        {
            if (response.StatusCode == 200 && response.BodyType is not null)
            {
                return response.BodyType;
            }
        }

        return null;
    }

    private static string Describe(List<ProducedResponse> missing)
    {
        var builder = new StringBuilder();
        foreach (var response in missing)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            builder.Append(Entry(response.StatusCode, StatusCodeFacts.IsSuccess(response.StatusCode) ? response.BodyType : null));
        }

        return builder.ToString();
    }

    private static string Entry(int statusCode, ITypeSymbol? type)
    {
        var code = statusCode.ToString(CultureInfo.InvariantCulture);
        return type is null ? code : code + "=" + DocumentationCommentId.CreateReferenceId(type);
    }
}
