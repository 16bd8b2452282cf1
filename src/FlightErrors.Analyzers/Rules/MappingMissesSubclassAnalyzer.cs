using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0007: an exact-type mapping of the application's exception map (<c>GetType() == typeof(T)</c>, a dictionary keyed
/// by <c>typeof(T)</c>) that a subclass of <c>T</c> thrown in source slips through, to the exception handler's 500.
/// Reported on the mapping, from <see cref="AnalysisSession.SubclassGaps"/>, with the first throw of each subclass as
/// additional locations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MappingMissesSubclassAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0007);

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
                var tree = model.SemanticModel.SyntaxTree;
                if (!HasExactMapping(session.ExceptionMap, tree))
                {
                    return;
                }

                foreach (var gap in session.SubclassGaps)
                {
                    if (gap.Mapping.Tree == tree)
                    {
                        model.ReportDiagnostic(Report(gap));
                    }
                }
            });
        });
    }

    /// <summary>Most files hold no mapping: the throws are searched only once a file holds an exact-type one.</summary>
    private static bool HasExactMapping(ExceptionMap map, SyntaxTree tree)
    {
        foreach (var mapping in map.Mappings)
        {
            if (!mapping.MatchesSubclasses && mapping.Tree == tree)
            {
                return true;
            }
        }

        return false;
    }

    private static Diagnostic Report(SubclassGap gap)
    {
        var mapping = gap.Mapping;
        var subclasses = new StringBuilder();
        for (var i = 0; i < gap.Subclasses.Length; i++)
        {
            subclasses.Append(i == 0 ? string.Empty : i == gap.Subclasses.Length - 1 ? " or " : ", ").Append(gap.Subclasses[i].Name);
        }

        return Diagnostic.Create(
            Descriptors.FE0007, Location.Create(mapping.Tree, mapping.Span), gap.Throws, FixProperties.Widen(gap.CanWiden),
            mapping.Mapper.Name, mapping.Exception.Name, subclasses.ToString());
    }
}
