using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0002: a controller produces 500 Internal Server Error on purpose.</summary>
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

            start.RegisterOperationBlockAction(block => Analyze(block, model));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, EndpointModel model)
    {
        if (!model.TryInfer(context, DiagnosticIds.ExplicitInternalServerError, actionsOnly: false, out var endpoint))
        {
            return;
        }

        foreach (var response in endpoint.ProducedHere())
        {
            if (response.StatusCode == 500)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0002, response.Producer.Syntax.GetLocation(), endpoint.Method.Name));
            }
        }
    }
}
