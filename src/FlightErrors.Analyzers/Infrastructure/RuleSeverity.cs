using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// Whether a rule reports in a file, as the compiler decides it: <c>NoWarn</c>, then the file's
/// <c>dotnet_diagnostic.&lt;id&gt;.severity</c>, a global config, the rule set, the category and bulk severities of
/// <c>.editorconfig</c>, and last the rule's default. Suppressions in source (<c>#pragma</c>, <c>[SuppressMessage]</c>)
/// act on single diagnostics and are not seen here.
/// </summary>
internal static class RuleSeverity
{
    public static bool IsInEffect(DiagnosticDescriptor rule, SyntaxTree tree, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var compilationOptions = compilation.Options;
        var specific = compilationOptions.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var specificValue) ? specificValue : (ReportDiagnostic?)null;
        if (specific == ReportDiagnostic.Suppress)
        {
            // NoWarn wins over every configuration file.
            return false;
        }

        if (compilationOptions.SyntaxTreeOptionsProvider is { } provider
            && (provider.TryGetDiagnosticValue(tree, rule.Id, cancellationToken, out var configured)
                || provider.TryGetGlobalDiagnosticValue(rule.Id, cancellationToken, out configured)))
        {
            return configured != ReportDiagnostic.Suppress;
        }

        if (specific is { } fromRuleSet)
        {
            return fromRuleSet != ReportDiagnostic.Suppress;
        }

        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if (config.TryGetValue("dotnet_analyzer_diagnostic.category-" + rule.Category + ".severity", out var bulk)
            || config.TryGetValue("dotnet_analyzer_diagnostic.severity", out bulk))
        {
            return !bulk.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);
        }

        return rule.IsEnabledByDefault;
    }
}
