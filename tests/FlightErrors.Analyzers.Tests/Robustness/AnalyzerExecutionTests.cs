using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 6: the analyzers honour cancellation (they end with an <see cref="OperationCanceledException"/> and nothing
/// else, and leave nothing behind that changes a later run), are deterministic (the same diagnostics, with the same
/// messages, locations and properties, in the same order, on fresh compilations) and are safe under concurrent
/// execution (concurrent runs over one compilation give what a sequential run gives).
/// </summary>
public sealed class AnalyzerExecutionTests
{
    private readonly ITestOutputHelper _output;

    public AnalyzerExecutionTests(ITestOutputHelper output) => _output = output;

    /// <summary>Projects with many endpoints and diagnostics of every rule: the sample API, the consumer and the Fix All pairs.</summary>
    private static IEnumerable<FuzzCase> Projects()
    {
        yield return FuzzCorpus.SampleApi();
        yield return FuzzCorpus.PackageConsumer();
        foreach (var id in FixAllTests.Rules)
        {
            foreach (var references in ReferenceSets.All)
            {
                yield return new FuzzCase($"Fix All sources of {id} [{ReferenceSets.NameOf(references)}]", FixAllTests.SourcesOf(id).Select(d => new FuzzDocument(d.Name, d.Text)).ToImmutableArray(), references);
            }
        }
    }

    [Fact]
    public async Task A_cancelled_token_ends_the_run_with_OperationCanceledException_only()
    {
        foreach (var project in Projects().Select(p => p.CreateProject()))
        {
            var compilation = (await project.GetCompilationAsync())!;
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(Meta.Catalogue.Analyzers, new CompilationWithAnalyzersOptions(project.AnalyzerOptions, (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cancelled.Token));
            Assert.Empty(exceptions);
        }
    }

    /// <summary>
    /// Cancels runs over the sample at deterministic points (after the n-th operation a companion analyzer sees) and
    /// at points in time spread over a run. Each run either ends with an OperationCanceledException or completes with
    /// the full result; no run reports an analyzer exception; and a run on the same compilation afterwards gives the
    /// full result again.
    /// </summary>
    [Fact]
    public async Task Runs_cancelled_midway_throw_nothing_else_and_leave_nothing_behind()
    {
        var project = FuzzCorpus.SampleApi().CreateProject();
        var compilation = (await project.GetCompilationAsync())!;
        var baseline = await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: false);
        var clock = Stopwatch.StartNew();
        await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: true);
        var fullRun = clock.Elapsed;

        // Deterministic points: the companion analyzer counts operations and cancels at the n-th.
        var counter = new CancellingAnalyzer(int.MaxValue, new CancellationTokenSource());
        var counted = await AnalyzerRun.RunAsync(compilation, Meta.Catalogue.Analyzers.Add(counter), project.AnalyzerOptions, concurrentAnalysis: false);
        Assert.False(counted.Failed, counted.DescribeFailure());
        var operations = counter.Seen;
        Assert.True(operations > 100, $"The companion analyzer saw {operations} operations.");
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var step = 0; step <= 24; step++)
        {
            using var source = new CancellationTokenSource();
            var analyzers = Meta.Catalogue.Analyzers.Add(new CancellingAnalyzer(1 + (operations * step / 24), source));
            Count(outcomes, await CancelledRunAsync(compilation, analyzers, project.AnalyzerOptions, concurrentAnalysis: false, source.Token, baseline));
        }

        // Points in time: from 0 to the length of a full run, each run concurrent.
        var latencies = new List<TimeSpan>();
        for (var step = 0; step <= 24; step++)
        {
            using var source = new CancellationTokenSource();
            var delay = TimeSpan.FromTicks(fullRun.Ticks * step / 24);
            var started = Stopwatch.StartNew();
            source.CancelAfter(delay);
            Count(outcomes, await CancelledRunAsync(compilation, Meta.Catalogue.Analyzers, project.AnalyzerOptions, concurrentAnalysis: true, source.Token, baseline));
            if (source.IsCancellationRequested)
            {
                latencies.Add(started.Elapsed - delay);
            }
        }

        var after = await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: false);
        Assert.True(baseline.SequenceEqual(after), $"After the cancelled runs, a run on the same compilation differs:{Environment.NewLine}{Diff(baseline, after)}");
        _output.WriteLine($"{operations} operations in the sample; a full run takes {fullRun.TotalMilliseconds:0} ms; outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}; "
            + $"longest time from cancellation to the end of a run: {(latencies.Count == 0 ? 0 : latencies.Max().TotalMilliseconds):0} ms.");
        Assert.Contains("cancelled", outcomes.Keys);
    }

    /// <summary>
    /// On fresh compilations, the same diagnostics come in the same order: for the sample, the consumer and the Fix All
    /// pairs three times, from whole-compilation analysis (sequential and concurrent) and analysing one document at a
    /// time as an IDE does; for every rule test source twice, one document at a time. The order is the error list's
    /// (<see cref="InLocationOrder"/>): the driver's own order follows the order in which the compiler finishes
    /// methods, which varies from run to run whatever the analyzers do.
    /// </summary>
    [Fact]
    public async Task Diagnostics_are_the_same_in_the_same_order_on_fresh_compilations()
    {
        var projects = Projects().Select(p => (Case: p, Runs: 3, Whole: true)).Concat(FuzzCorpus.RuleTests().Select(p => (Case: p, Runs: 2, Whole: false))).ToList();
        var compared = 0;
        foreach (var (fuzzCase, runs, analyseWhole) in projects)
        {
            var byDocument = new List<ImmutableArray<string>>();
            var whole = new List<ImmutableArray<string>>();
            for (var run = 0; run < runs; run++)
            {
                var project = fuzzCase.CreateProject();
                var compilation = (await project.GetCompilationAsync())!;
                byDocument.Add(await RunByDocumentAsync(project, compilation));
                if (analyseWhole)
                {
                    whole.Add(await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: run % 2 == 0));
                }
            }

            for (var run = 1; run < runs; run++)
            {
                Assert.True(byDocument[0].SequenceEqual(byDocument[run]), $"{fuzzCase.Name}: run {run}, one document at a time, differs:{Environment.NewLine}{Diff(byDocument[0], byDocument[run])}");
                if (analyseWhole)
                {
                    Assert.True(whole[0].SequenceEqual(whole[run]), $"{fuzzCase.Name}: run {run}, whole compilation, differs:{Environment.NewLine}{Diff(whole[0], whole[run])}");
                }
            }

            compared += byDocument[0].Length;
        }

        _output.WriteLine($"{projects.Count} projects: {compared} diagnostics (one document at a time), the same in the same order on every fresh compilation.");
    }

    /// <summary>What the IDE shows for an open document is what the build reports for it.</summary>
    [Fact]
    public async Task One_document_at_a_time_gives_what_the_whole_compilation_gives()
    {
        var differences = new List<string>();
        foreach (var fuzzCase in Projects().Concat(FuzzCorpus.RuleTests()))
        {
            var project = fuzzCase.CreateProject();
            var compilation = (await project.GetCompilationAsync())!;
            var byDocument = (await RunByDocumentAsync(project, compilation)).Sort(StringComparer.Ordinal);
            var whole = (await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: true)).Sort(StringComparer.Ordinal);
            if (!whole.SequenceEqual(byDocument))
            {
                differences.Add($"{fuzzCase.Name}:{Environment.NewLine}{Diff(whole, byDocument)}");
            }
        }

        _output.WriteLine(string.Join(Environment.NewLine, differences));
        Assert.Empty(differences);
    }

    [Fact]
    public async Task Concurrent_runs_over_one_compilation_give_the_sequential_result()
    {
        const int Threads = 4;
        const int Rounds = 3;
        foreach (var fuzzCase in Projects())
        {
            var project = fuzzCase.CreateProject();
            var compilation = (await project.GetCompilationAsync())!;
            var baseline = await RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: false);
            for (var round = 0; round < Rounds; round++)
            {
                using var start = new ManualResetEventSlim();
                var runs = Enumerable.Range(0, Threads)
                    .Select(_ => Task.Factory.StartNew(
                        () =>
                        {
                            start.Wait();
                            return RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: true);
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default).Unwrap())
                    .ToList();
                start.Set();
                foreach (var result in await Task.WhenAll(runs))
                {
                    Assert.True(baseline.SequenceEqual(result), $"{fuzzCase.Name}, round {round}: a concurrent run differs:{Environment.NewLine}{Diff(baseline, result)}");
                }
            }

            _output.WriteLine($"{fuzzCase.Name}: {baseline.Length} diagnostics, {Rounds} rounds of {Threads} concurrent runs, all equal to the sequential run.");
        }
    }

    /// <summary>The diagnostics of one run in location order (<see cref="InLocationOrder"/>); any analyzer exception fails.</summary>
    private static async Task<ImmutableArray<string>> RunAsync(Compilation compilation, AnalyzerOptions options, bool concurrentAnalysis)
    {
        var run = await AnalyzerRun.RunAsync(compilation, options, concurrentAnalysis);
        Assert.False(run.Failed, run.DescribeFailure());
        return InLocationOrder(run.Diagnostics);
    }

    /// <summary>
    /// Diagnostics described fully (<see cref="AnalyzerRun.Describe"/>) in the order an error list shows them: by file,
    /// span and ID, and diagnostics of one rule at the same span in the order they were reported. The driver hands out
    /// the diagnostics of different methods (and analyzers) in the order they finished, which varies between runs.
    /// </summary>
    private static ImmutableArray<string> InLocationOrder(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Location.SourceSpan.End)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .Select(AnalyzerRun.Describe)
        .ToImmutableArray();

    /// <summary>The diagnostics of each document in turn (in location order), analysed one document at a time as an IDE does.</summary>
    private static async Task<ImmutableArray<string>> RunByDocumentAsync(Project project, Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(Meta.Catalogue.Analyzers, new CompilationWithAnalyzersOptions(project.AnalyzerOptions, (e, _, _) => { lock (exceptions) { exceptions.Add(e); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var described = ImmutableArray.CreateBuilder<string>();
        foreach (var document in project.Documents)
        {
            var tree = (await document.GetSyntaxTreeAsync())!;
            var model = compilation.GetSemanticModel(tree);
            var diagnostics = (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None))
                .AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None));
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            described.AddRange(InLocationOrder(diagnostics));
        }

        return described.ToImmutable();
    }

    private static async Task<string> CancelledRunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool concurrentAnalysis, CancellationToken cancellationToken, ImmutableArray<string> baseline)
    {
        AnalyzerRun run;
        try
        {
            run = await AnalyzerRun.RunAsync(compilation, analyzers, options, concurrentAnalysis, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }

        Assert.False(run.Failed, run.DescribeFailure());
        var described = InLocationOrder(run.Diagnostics);
        Assert.True(baseline.SequenceEqual(described), $"A run that was not cancelled differs:{Environment.NewLine}{Diff(baseline, described)}");
        return "completed";
    }

    private static void Count(Dictionary<string, int> outcomes, string outcome) =>
        outcomes[outcome] = outcomes.TryGetValue(outcome, out var count) ? count + 1 : 1;

    private static string Diff(ImmutableArray<string> expected, ImmutableArray<string> actual) =>
        string.Join(Environment.NewLine, expected.Except(actual).Select(d => "- " + d).Concat(actual.Except(expected).Select(d => "+ " + d)).DefaultIfEmpty("(the same diagnostics in another order)"));

    /// <summary>Cancels the source at the n-th operation it sees; reports nothing.</summary>
#pragma warning disable RS1001 // A test double handed to CompilationWithAnalyzers, never loaded by a compiler: no export attribute.
    private sealed class CancellingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private static readonly OperationKind[] AllKinds = Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None).Distinct().ToArray();
        private readonly int _cancelAt;
        private readonly CancellationTokenSource _source;
        private int _seen;

        public CancellingAnalyzer(int cancelAt, CancellationTokenSource source)
        {
            _cancelAt = cancelAt;
            _source = source;
        }

        public int Seen => _seen;

        // The driver skips an analyzer that supports no diagnostic; this one is never reported.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("CANCEL", "Cancels the run", "Cancels the run", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref _seen) == _cancelAt)
                    {
                        _source.Cancel();
                    }
                },
                AllKinds);
        }
    }
}
