using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0002: an endpoint (a controller or a minimal-API handler) produces 500 Internal Server Error on purpose.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExplicitInternalServerErrorAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// Which of 502, 503 and 504 the endpoint does not document yet ("502;503"), when FE0001 checks it: the fix that
    /// returns one of them documents it too, with the properties FE0001's fix reads.
    /// </summary>
    internal const string UndocumentedAlternativesProperty = "UndocumentedAlternatives";

    private static readonly int[] Alternatives = { 502, 503, 504 };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0002);

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
                    if (model.TryInfer(in body, DiagnosticIds.ExplicitInternalServerError, actionsOnly: false, out var endpoint))
                    {
                        Report(model, in endpoint, in body);
                    }
                },
                OperationKind.MethodBody);
            start.RegisterOperationAction(
                function =>
                {
                    if (model.TryInferFunction(in function, DiagnosticIds.ExplicitInternalServerError, out var endpoint))
                    {
                        Report(model, in endpoint, in function);
                    }
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);
        });
    }

    // The context comes by reference: a delegate to its ReportDiagnostic would box it, for every method analyzed.
    private static void Report(EndpointModel model, in EndpointContext endpoint, in OperationAnalysisContext context)
    {
        ImmutableDictionary<string, string?>? properties = null;
        Location[]? additionalLocations = null;
        var documentationRead = false;
        foreach (var response in endpoint.ProducedHere())
        {
            if (response.StatusCode != 500)
            {
                continue;
            }

            if (!documentationRead)
            {
                documentationRead = true;
                properties = DocumentationProperties(model, in endpoint, context.CancellationToken, out additionalLocations);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0002, response.Producer.Syntax.GetLocation(), additionalLocations, properties, endpoint.Name));
        }
    }

    private static ImmutableDictionary<string, string?>? DocumentationProperties(EndpointModel model, in EndpointContext endpoint, CancellationToken cancellationToken, out Location[]? additionalLocations)
    {
        additionalLocations = null;
        if (model.DeclaredFor(endpoint, cancellationToken) is not { IsComplete: true, IsExcludedFromDescription: false } declared)
        {
            return null;
        }

        var undocumented = new StringBuilder();
        foreach (var code in Alternatives)
        {
            if (!declared.Documents(code))
            {
                undocumented.Append(undocumented.Length == 0 ? "" : ";").Append(code.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (undocumented.Length == 0)
        {
            return null;
        }

        var properties = UndocumentedStatusCodeAnalyzer.DocumentationProperties(endpoint, declared, endpoint.Route, out additionalLocations);
        properties[UndocumentedAlternativesProperty] = undocumented.ToString();
        return properties.ToImmutable();
    }
}
