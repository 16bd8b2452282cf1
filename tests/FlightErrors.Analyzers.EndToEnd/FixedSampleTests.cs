using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>The sample after `dotnet format analyzers --diagnostics &lt;every rule's ID&gt; --severity info`.</summary>
[Collection(SampleCollection.Name)]
public sealed class FixedSampleTests(SampleWorkspace workspace)
{
    [Fact]
    public async Task Format_applies_the_fixes()
    {
        var sample = await workspace.FixedAsync();
        Assert.True(sample.Format.ExitCode == 0, sample.Format.ToString());
        var changed = sample.Original.Keys.Where(file => sample.Original[file] != sample.AfterFormat[file]).Order().ToList();
        Assert.Equal(
            ["Controllers/BookingsController.cs", "Controllers/FlightsController.cs", "Endpoints/GateEndpoints.cs", "Endpoints/HangarEndpoints.cs"],
            changed);
    }

    [Fact]
    public async Task Fixed_sample_builds_without_FE_diagnostics_or_new_warnings()
    {
        var sample = await workspace.FixedAsync();
        var unfixed = await workspace.UnfixedAsync();
        Assert.True(sample.Build.ExitCode == 0, sample.Build.ToString());
        Assert.True(sample.Diagnostics.Count == 0, string.Join(Environment.NewLine, sample.Diagnostics));

        // The fixes add no warning of their own (an unused catch variable, an unused import, ...): per file, each
        // warning code appears no more often than before.
        var before = Diagnostics.WarningCounts(unfixed.Build.Output, unfixed.ProjectDirectory);
        var after = Diagnostics.WarningCounts(sample.Build.Output, sample.ProjectDirectory);
        var added = after.Where(w => !w.Key.Contains(": FE", StringComparison.Ordinal) && w.Value > before.GetValueOrDefault(w.Key)).Select(w => w.Key).ToList();
        Assert.True(added.Count == 0, string.Join(Environment.NewLine, added));
    }

    [Fact]
    public async Task Second_format_run_changes_nothing()
    {
        var sample = await workspace.FixedAsync();
        Assert.True(sample.SecondFormat.ExitCode == 0, sample.SecondFormat.ToString());
        foreach (var (file, text) in sample.AfterFormat)
        {
            Assert.True(text == sample.AfterSecondFormat[file], $"{file} changed in the second run:{Environment.NewLine}{sample.AfterSecondFormat[file]}");
        }
    }

    // dotnet format takes the rules in an order that changes from run to run; fixes that disagreed about one line
    // gave different diffs (issue 14, item 7).
    [Fact]
    public async Task Format_gives_byte_identical_results_every_run()
    {
        var sample = await workspace.FixedAsync();
        var runs = await workspace.RepeatedFormatsAsync();
        Assert.Equal(workspace.RepeatedFormatRuns, runs.Count);
        foreach (var (run, index) in runs.Select((run, index) => (run, index + 2)))
        {
            foreach (var (file, text) in sample.AfterFormat)
            {
                Assert.True(text == run[file], $"Run {index} wrote {file} differently:{Environment.NewLine}{run[file]}{Environment.NewLine}--- first run:{Environment.NewLine}{text}");
            }
        }
    }

    [Fact]
    public async Task Fixes_leave_no_deliberate_500_and_no_plain_error_body()
    {
        var sample = await workspace.FixedAsync();
        var code = string.Join(Environment.NewLine, sample.AfterFormat.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => f.Value));
        Assert.DoesNotContain("StatusCode(500", code, StringComparison.Ordinal);
        Assert.DoesNotContain("Status500InternalServerError)", Code(sample, "Endpoints/HangarEndpoints.cs").Split("return opened")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("BadRequest(\"", code, StringComparison.Ordinal);
        Assert.DoesNotContain("BadRequest(ModelState)", code, StringComparison.Ordinal);
        Assert.Contains("ValidationProblem(ModelState)", Code(sample, "Controllers/BookingsController.cs"), StringComparison.Ordinal);
        // The rethrow left the catch with nothing but `throw;`, so the catch and its try are gone (issue 15).
        Assert.DoesNotContain("catch (FlightStoreException", Code(sample, "Controllers/FlightsController.cs"), StringComparison.Ordinal);
        Assert.Contains("statusCode: StatusCodes.Status502BadGateway", Code(sample, "Controllers/BookingsController.cs"), StringComparison.Ordinal);
        Assert.Contains(".ProducesProblem(StatusCodes.Status503ServiceUnavailable)", Code(sample, "Endpoints/HangarEndpoints.cs"), StringComparison.Ordinal);
    }

    private static string Code(FixedSample sample, string file) => sample.AfterFormat[file];
}
