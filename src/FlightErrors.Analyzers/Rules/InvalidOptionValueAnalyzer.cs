using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0900: a <c>flight_errors</c> option has a value the analyzers do not accept. Reported once per compilation for each
/// key and value, however many files or <c>.editorconfig</c> sections carry it, without a location: the value lives in a
/// configuration file, not in the code. It looks at the options of every file of the compilation at once, in a
/// compilation action, which runs at the compilation's end (the descriptor carries
/// <see cref="WellKnownDiagnosticTags.CompilationEnd"/>): one report per key and value, not one per file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidOptionValueAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0900);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(static compilation =>
        {
            // The options are read only where the rules run: with ASP.NET Core referenced.
            if (AnalysisSession.For(compilation.Compilation, compilation.Options.AnalyzerConfigOptionsProvider) is not { } session)
            {
                return;
            }

            foreach (var invalid in session.Options.InvalidValues(compilation.Compilation.SyntaxTrees, compilation.CancellationToken))
            {
                compilation.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0900, Location.None, invalid.Key, invalid.Value, invalid.Accepted, invalid.UsedInstead));
            }
        });
    }
}
