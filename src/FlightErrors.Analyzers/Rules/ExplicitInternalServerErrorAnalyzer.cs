using System.Collections.Generic;
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

        // Report where the 500 is produced; a helper method reports its own, once.
        var declaration = context.OperationBlocks[0].Syntax.Parent ?? context.OperationBlocks[0].Syntax;
        var reported = new HashSet<SyntaxNode>();
        foreach (var response in endpoint.Responses.Responses)
        {
            if (response.StatusCode == 500 && response.IsProducedWithin(declaration) && reported.Add(response.Producer.Syntax))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0002, response.Producer.Syntax.GetLocation(), endpoint.Method.Name));
            }
        }
    }
}
