using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>The sample as written: what `dotnet build` reports, in the console, in SARIF and as a CI gate.</summary>
[Collection(SampleCollection.Name)]
public sealed class UnfixedSampleTests(SampleWorkspace workspace)
{
    [Fact]
    public async Task Build_reports_exactly_the_diagnostics_the_comments_promise()
    {
        var build = await workspace.UnfixedAsync();
        Assert.True(build.Build.ExitCode == 0, build.Build.ToString());

        var promised = Diagnostics.Promised(build.ProjectDirectory);
        Assert.NotEmpty(promised);

        // A promise names a rule about code the package has: a mistyped or retired ID would otherwise only show as "not
        // reported".
        Assert.All(promised, p => Assert.Contains(p.Id, RuleCatalogue.CodeRuleIds));
        var difference = Diagnostics.Difference(promised, build.Diagnostics.Select(d => d.At).Distinct());
        Assert.True(difference.Length == 0, difference + Environment.NewLine + build.Build.Output);

        // One diagnostic per promise: a second FE0001 on a promised line would hide behind the first. A line may
        // promise a rule twice ("// FE0006, FE0006: 401 and 403"), for two codes of one endpoint.
        Assert.Equal(Diagnostics.Counted(promised), Diagnostics.Counted(build.Diagnostics.Select(d => d.At)));
        Assert.All(build.Diagnostics, d => Assert.Equal("warning", d.Severity));
    }

    [Fact]
    public async Task Every_rule_is_at_work_on_the_sample()
    {
        // Every rule about an endpoint's code is promised somewhere in the sample and reported there; the sample's host
        // is set up right (the template app shows the host rules), and its configuration is valid, so no configuration
        // diagnostic (FE0900) shows in the build.
        var build = await workspace.UnfixedAsync();
        Assert.Equal(RuleCatalogue.EndpointRuleIds, Diagnostics.Promised(build.ProjectDirectory).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(RuleCatalogue.EndpointRuleIds, build.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(RuleCatalogue.Ids.Except(RuleCatalogue.EndpointRuleIds), id => Assert.DoesNotContain($"warning {id}:", build.Build.Output, StringComparison.Ordinal));
        Assert.Contains(build.Diagnostics, d => d.File.StartsWith("Controllers/", StringComparison.Ordinal));
        Assert.Contains(build.Diagnostics, d => d.File.StartsWith("Endpoints/", StringComparison.Ordinal));
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

        var restored = Path.Combine(workspace.Environment["NUGET_PACKAGES"], "flighterrors.analyzers", workspace.PackageVersion, $"flighterrors.analyzers.{workspace.PackageVersion}.nupkg");
        Assert.Equal(File.ReadAllBytes(Path.Combine(workspace.Feed, $"FlightErrors.Analyzers.{workspace.PackageVersion}.nupkg")), File.ReadAllBytes(restored));
    }

    [Fact]
    public async Task Sarif_log_carries_the_diagnostics_with_rule_metadata_and_help_links()
    {
        var build = await workspace.UnfixedAsync();
        Assert.True(File.Exists(build.SarifPath), build.Build.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(build.SarifPath));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);

        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("FE", StringComparison.Ordinal))
            .ToList();
        var logged = results.Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var path = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
            return new DiagnosticAt(Diagnostics.Relative(build.ProjectDirectory, path), location.GetProperty("region").GetProperty("startLine").GetInt32(), r.GetProperty("ruleId").GetString()!);
        });
        var difference = Diagnostics.Difference(build.Diagnostics.Select(d => d.At), logged);
        Assert.True(difference.Length == 0, difference);

        // SARIF has no repeated summary: each diagnostic must be there exactly once.
        Assert.Equal(build.Diagnostics.Count, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal("warning", r.GetProperty("level").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetProperty("text").GetString()));
        });

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("id").GetString()!.StartsWith("FE", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(RuleCatalogue.Ids, rules.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, rule) in rules)
        {
            // The rule page's heading is "# FE0001: <title>".
            var page = Path.Combine(workspace.RepositoryRoot, "docs", "rules", id + ".md");
            var heading = File.ReadLines(page).First();
            Assert.Equal($"# {id}: {rule.GetProperty("shortDescription").GetProperty("text").GetString()}", heading);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("properties").GetProperty("category").GetString()));
            Assert.EndsWith($"/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("-warnaserror:FE0001")]
    [InlineData("-p:TreatWarningsAsErrors=true")]
    public async Task Warnings_as_errors_fail_the_unfixed_build(string gate)
    {
        var build = await workspace.RebuildUnfixedAsync(gate);
        Assert.NotEqual(0, build.ExitCode);
        var errors = Diagnostics.FromBuildOutput(build.Output, (await workspace.UnfixedAsync()).ProjectDirectory)
            .Where(d => d.Severity == "error")
            .ToList();
        Assert.Contains(errors, d => d.Id == "FE0001");
    }

    /// <summary>Each place a rule is promised or reported, with how many times, in a stable order.</summary>
}
