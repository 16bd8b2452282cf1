using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers.Tests.Meta;

/// <summary>
/// The README's rule table is generated from the descriptors. The test fails with the expected table when it has
/// drifted; with FLIGHTERRORS_UPDATE_DOCS=1 it rewrites the README instead.
/// </summary>
public sealed class ReadmeTableTests
{
    private const string Marker = "<!-- rules -->";

    [Fact]
    public void Readme_rule_table_matches_the_descriptors()
    {
        var path = Path.Combine(Catalogue.RepositoryRoot, "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Marker, StringComparison.Ordinal);
        var end = readme.IndexOf(Marker, start + Marker.Length, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md needs a table between two <!-- rules --> markers");

        var expected = RenderTable();
        var actual = readme.Substring(start + Marker.Length, end - start - Marker.Length);
        if (actual == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("FLIGHTERRORS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, readme[..(start + Marker.Length)] + expected + readme[end..]);
            return;
        }

        Assert.Fail("README.md's rule table is out of date; run the tests with FLIGHTERRORS_UPDATE_DOCS=1. Expected:\n" + expected);
    }

    internal static string RenderTable()
    {
        var table = new StringBuilder("\n");
        table.Append("| ID | Title | Category | Default severity | Code fix |\n");
        table.Append("|----|-------|----------|------------------|----------|\n");
        foreach (var d in Catalogue.Descriptors)
        {
            var severity = d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Disabled";
            table.Append($"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Title} | {d.Category} | {severity} | {(Catalogue.HasFix(d.Id) ? "Yes" : "No")} |\n");
        }

        return table.ToString();
    }
}
