using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// What one run of the analyzers produced: their diagnostics in the order the driver returned them, the exceptions
/// the driver caught (each is an AD0001 for users) and the AD0001 diagnostics themselves.
/// </summary>
internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions, ImmutableArray<Diagnostic> AnalyzerFailures)
{
    public bool Failed => !Exceptions.IsEmpty || !AnalyzerFailures.IsEmpty;

    public string DescribeFailure() =>
        string.Join(Environment.NewLine, Exceptions.Select(e => e.ToString()).Concat(AnalyzerFailures.Select(d => d.ToString())));

    /// <summary>Runs every analyzer the package ships over <paramref name="compilation"/>, catching what they throw.</summary>
    public static Task<AnalyzerRun> RunAsync(Compilation compilation, AnalyzerOptions options, bool concurrentAnalysis, CancellationToken cancellationToken = default) =>
        RunAsync(compilation, Meta.Catalogue.Analyzers, options, concurrentAnalysis, cancellationToken);

    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool concurrentAnalysis, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return new AnalyzerRun(
            diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(),
            exceptions.ToImmutableArray(),
            diagnostics.Where(d => d.Id == "AD0001").ToImmutableArray());
    }

    /// <summary>Everything that tells two diagnostics apart: id, file, span, message, additional locations and properties.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var properties = string.Join(", ", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var additional = string.Join(", ", diagnostic.AdditionalLocations.Select(l => $"{l.SourceTree?.FilePath}{l.SourceSpan}"));
        return $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan} "
            + $"'{diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}' [{additional}] {{{properties}}}";
    }
}
