using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 6: the analyzers and every code fix survive broken versions of every rule test source, the sample API and
/// the package consumer (half-typed prefixes, a token deleted, a token written twice), and no fix turns code
/// without errors into code with errors. See docs/robustness.md for the corpus, budgets and figures.
/// FLIGHTERRORS_FUZZ_SCALE=n (see <see cref="Budget"/>) sets how deep the mutation goes.
/// </summary>
public sealed class FuzzTests
{
    // Per document, besides the source itself and its five smallest prefixes, which every document gets whatever the
    // budget (so every rule test source and every corpus document is analysed and has its diagnostics fixed). A mutated
    // source that compiles has up to three of its FE diagnostics fixed; one that does not compile has one fixed, in
    // every second such source.
    //
    // FLIGHTERRORS_FUZZ_SCALE=n (an integer, default 1) sets the depth:
    //   n = 1 (the default run): the bounded budgets, a few mutations per document, to keep `dotnet test` short;
    //   n > 1: the full budgets multiplied by n (n = 4 is the deep run in docs/robustness.md; n large enough cuts
    //          every prefix).
    private static readonly MutationBudget RuleTestBounded = new(StridePrefixes: 2, TargetedPrefixes: 1, Deletions: 1, Duplications: 1);
    private static readonly MutationBudget RuleTestFull = new(StridePrefixes: 5, TargetedPrefixes: 3, Deletions: 2, Duplications: 2);
    private static readonly MutationBudget SampleBounded = new(StridePrefixes: 2, TargetedPrefixes: 1, Deletions: 1, Duplications: 1);
    private static readonly MutationBudget SampleFull = new(StridePrefixes: 5, TargetedPrefixes: 2, Deletions: 2, Duplications: 2);
    private const int BrokenSourceFixInterval = 2;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_rule_test_source_is_in_the_corpus()
    {
        var extraction = RuleTestSources.All;
        _output.WriteLine($"{extraction.TestMethods} rule test methods, {extraction.Sets.Count} distinct source sets, {extraction.Sets.Sum(s => s.Sources.Count)} sources.");
        Assert.True(extraction.Unevaluated.Count == 0, "Sources the corpus could not evaluate:" + Environment.NewLine + string.Join(Environment.NewLine, extraction.Unevaluated));
        Assert.True(extraction.Sets.Count >= extraction.TestMethods, $"Only {extraction.Sets.Count} source sets for {extraction.TestMethods} test methods.");
    }

    [Fact]
    public Task Rule_test_sources_survive_mutation() => FuzzAsync(FuzzCorpus.RuleTests(), Budget(RuleTestBounded, RuleTestFull));

    [Fact]
    public Task Sample_api_and_package_consumer_survive_mutation() =>
        FuzzAsync(new[] { FuzzCorpus.SampleApi(), FuzzCorpus.PackageConsumer() }, Budget(SampleBounded, SampleFull));

    [Fact]
    public void The_fuzz_scale_reads_FLIGHTERRORS_FUZZ_SCALE()
    {
        Assert.Equal(RuleTestBounded, Budget(RuleTestBounded, RuleTestFull, scale: 1));
        Assert.Equal(new MutationBudget(StridePrefixes: 20, TargetedPrefixes: 12, Deletions: 8, Duplications: 8), Budget(RuleTestBounded, RuleTestFull, scale: 4));
        Assert.True(RuleTestBounded.StridePrefixes < RuleTestFull.StridePrefixes && SampleBounded.Deletions < SampleFull.Deletions);
    }

    /// <summary>The budget for FLIGHTERRORS_FUZZ_SCALE (or <paramref name="scale"/>): bounded at 1, the full one times n above.</summary>
    internal static MutationBudget Budget(MutationBudget bounded, MutationBudget full, int? scale = null)
    {
        var n = scale ?? (int.TryParse(Environment.GetEnvironmentVariable("FLIGHTERRORS_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1);
        return n == 1 ? bounded : full.Scale(n);
    }

    private async Task FuzzAsync(IReadOnlyList<FuzzCase> cases, MutationBudget budget)
    {
        var fuzzer = new Fuzzer(new FuzzSettings(budget, BrokenSourceFixInterval));
        var clock = Stopwatch.StartNew();
        await fuzzer.RunAsync(cases, Environment.ProcessorCount);
        _output.WriteLine($"{cases.Count} cases, seed {Fuzzer.Seed}, {fuzzer.Settings}: {fuzzer.Summary(clock.Elapsed)}");
        var mutable = cases.Sum(c => c.Documents.Count(d => d.Mutable));
        Assert.True(mutable > 0 && fuzzer.Documents == mutable, $"{fuzzer.Documents} of {mutable} documents were fuzzed.");
        foreach (var unchanged in fuzzer.UnchangedActions.Take(10))
        {
            _output.WriteLine("Unchanged: " + unchanged);
        }

        var failures = fuzzer.Failures;
        foreach (var failure in failures.Take(20))
        {
            _output.WriteLine(failure.ToString());
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures ({string.Join(", ", failures.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}); the first:{Environment.NewLine}{failures.FirstOrDefault()}");
    }
}
