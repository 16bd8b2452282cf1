using System;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The template app as a typical team leaves it (tests/TemplateApi): what `dotnet build` reports. FE0001 to FE0003
/// are promised by comments on the lines of the mistakes; FE0004 ("the application does not turn errors into Problem
/// Details") is reported once on the host's setup in Program.cs, at a place its rule decides, so no comment pins a line.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class TemplateUnfixedTests(TemplateWorkspace workspace)
{
    private const string HostRule = "FE0004";

    [Fact]
    public async Task Build_reports_exactly_the_diagnostics_the_comments_promise()
    {
        var build = await workspace.UnfixedAsync();
        Assert.True(build.Build.ExitCode == 0, build.Build.ToString());

        var promised = Diagnostics.Promised(build.ProjectDirectory);
        Assert.NotEmpty(promised);
        Assert.All(promised, p => Assert.NotEqual(HostRule, p.Id));
        var reported = build.Diagnostics.Where(d => d.Id != HostRule).Select(d => d.At).ToList();
        var difference = Diagnostics.Difference(promised, reported.Distinct());
        Assert.True(difference.Length == 0, difference + Environment.NewLine + build.Build.Output);

        // One diagnostic per promise, each a warning; a line may promise a rule twice ("// FE0006, FE0006: 400 and 415").
        Assert.Equal(Diagnostics.Counted(promised), Diagnostics.Counted(reported));
        Assert.All(build.Diagnostics, d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public async Task The_host_setup_is_reported_once_for_not_writing_Problem_Details()
    {
        var build = await workspace.UnfixedAsync();
        var host = build.Diagnostics.Where(d => d.Id == HostRule).ToList();
        Assert.True(host.Count == 1, $"{HostRule} reported {host.Count} times, expected once in Program.cs:{Environment.NewLine}{build.Build.Output}");
        Assert.Equal("Program.cs", host[0].File);
    }

    [Fact]
    public async Task The_host_rules_are_at_work_on_the_template()
    {
        // The sample shows every endpoint rule; the template shows the host rules, and a typical team's endpoint
        // mistakes, which are among the rules about code.
        var build = await workspace.UnfixedAsync();
        var ids = build.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(RuleCatalogue.HostRuleIds, [HostRule]);
        Assert.All(RuleCatalogue.HostRuleIds, id => Assert.Contains(id, ids));
        Assert.All(ids, id => Assert.Contains(id, RuleCatalogue.CodeRuleIds));
        Assert.Contains(build.Diagnostics, d => d.File.StartsWith("Controllers/", StringComparison.Ordinal));
        Assert.Contains(build.Diagnostics, d => d.File == "Program.cs" && d.Id != HostRule);
        Assert.DoesNotContain(build.Diagnostics, d => d.File == "Controllers/WeatherForecastController.cs");
    }

    [Fact]
    public async Task Build_loads_the_packed_analyzers_cleanly()
    {
        var build = await workspace.UnfixedAsync();

        // CS8032: an analyzer could not be created; CS9057: built for a newer compiler; AD0001: an analyzer threw.
        foreach (var code in new[] { "CS8032", "CS9057", "AD0001" })
        {
            Assert.DoesNotContain(code, build.Build.Output, StringComparison.Ordinal);
        }
    }
}
