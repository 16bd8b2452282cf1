using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0004: the application maps endpoints but its error pipeline does not turn every error into Problem Details.
/// Reported once per host, on its <c>builder.Build()</c>, from what the whole compilation calls; silent when the host's
/// setup is handed to code out of sight (<see cref="ApplicationHost"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IncompleteErrorPipelineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0004);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (AnalysisSession.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider) is not { } session)
            {
                return;
            }

            start.RegisterSemanticModelAction(model =>
            {
                // Most files build no host: the text scan behind BuildCalls answers without binding anything.
                if (!Builds(session.Application, model.SemanticModel.SyntaxTree) || session.MissingPipelineParts is not (not PipelineParts.None and var missing))
                {
                    return;
                }

                foreach (var host in session.Hosts)
                {
                    if (host.Build.SyntaxTree == model.SemanticModel.SyntaxTree)
                    {
                        model.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0004, host.Build.GetLocation(), missing.Describe()));
                    }
                }
            });
        });
    }

    private static bool Builds(ApplicationFacts application, SyntaxTree tree)
    {
        foreach (var (buildTree, _) in application.BuildCalls)
        {
            if (buildTree == tree)
            {
                return true;
            }
        }

        return false;
    }
}
