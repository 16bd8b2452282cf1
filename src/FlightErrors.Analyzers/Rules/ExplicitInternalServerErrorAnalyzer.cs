using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0002: an endpoint (a controller or a minimal-API handler) produces 500 Internal Server Error on purpose.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExplicitInternalServerErrorAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0002);

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

            start.RegisterOperationBlockAction(block =>
            {
                if (model.TryInfer(block, DiagnosticIds.ExplicitInternalServerError, actionsOnly: false, out var endpoint))
                {
                    Report(endpoint, block.ReportDiagnostic);
                }
            });
            start.RegisterOperationAction(
                function =>
                {
                    if (model.TryInferFunction(function, DiagnosticIds.ExplicitInternalServerError, out var endpoint))
                    {
                        Report(endpoint, function.ReportDiagnostic);
                    }
                },
                OperationKind.AnonymousFunction,
                OperationKind.LocalFunction);
        });
    }

    private static void Report(EndpointContext endpoint, System.Action<Diagnostic> report)
    {
        foreach (var response in endpoint.ProducedHere())
        {
            if (response.StatusCode == 500)
            {
                report(Diagnostic.Create(Descriptors.FE0002, response.Producer.Syntax.GetLocation(), endpoint.Name));
            }
        }
    }
}
