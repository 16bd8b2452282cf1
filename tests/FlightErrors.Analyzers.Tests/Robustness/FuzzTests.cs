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
/// FLIGHTERRORS_FUZZ_SCALE=n multiplies every budget (n large enough cuts every prefix).
/// </summary>
public sealed class FuzzTests
{
    // Per document, besides the source itself and its five smallest prefixes. A mutated source that compiles has up to
    // three of its FE diagnostics fixed; one that does not compile has one fixed, in every second such source.
    private static readonly FuzzSettings RuleTestSettings = new(new MutationBudget(StridePrefixes: 5, TargetedPrefixes: 3, Deletions: 2, Duplications: 2), BrokenSourceFixInterval: 2);
    private static readonly FuzzSettings SampleSettings = new(new MutationBudget(StridePrefixes: 5, TargetedPrefixes: 2, Deletions: 2, Duplications: 2), BrokenSourceFixInterval: 2);

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
    public Task Rule_test_sources_survive_mutation() => FuzzAsync(FuzzCorpus.RuleTests(), RuleTestSettings);

    [Fact]
    public Task Sample_api_and_package_consumer_survive_mutation() =>
        FuzzAsync(new[] { FuzzCorpus.SampleApi(), FuzzCorpus.PackageConsumer() }, SampleSettings);

    private async Task FuzzAsync(IReadOnlyList<FuzzCase> cases, FuzzSettings settings)
    {
        var scale = int.TryParse(Environment.GetEnvironmentVariable("FLIGHTERRORS_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;
        var fuzzer = new Fuzzer(settings with { Budget = settings.Budget.Scale(scale) });
        var clock = Stopwatch.StartNew();
        await fuzzer.RunAsync(cases, Environment.ProcessorCount);
        _output.WriteLine($"{cases.Count} cases, seed {Fuzzer.Seed}, {fuzzer.Settings}: {fuzzer.Summary(clock.Elapsed)}");
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
