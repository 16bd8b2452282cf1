using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// What a package page shows (issue 18, item 2), read from the nupkg the workspace packed and compared with the
/// analyzers' descriptors and the release tracking files, so that a new rule cannot be left out of it: the description
/// names every rule, the packaged README is the user-facing one with every rule and only absolute links, the release
/// notes list the rules of the release tracking files, and the tags and licence are set.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed partial class PackageMetadataTests(SampleWorkspace workspace)
{
    [Fact]
    public async Task The_description_names_every_rule_with_its_title()
    {
        var description = (await NuspecAsync()).Description;
        Assert.All(RuleCatalogue.Descriptors, d => Assert.Contains($"{d.Id} {d.Title}", description, StringComparison.Ordinal));
        Assert.Equal(RuleCatalogue.Ids, RuleIds(description));
    }

    [Fact]
    public async Task The_packaged_readme_is_the_users_with_every_rule_and_absolute_links()
    {
        var nuspec = await NuspecAsync();
        Assert.Equal("README.md", nuspec.Readme);
        var readme = await EntryAsync("README.md");

        // PACKAGE.md, not the repository's README with its contributor sections.
        Assert.StartsWith("# FlightErrors.Analyzers", readme, StringComparison.Ordinal);
        foreach (var section in new[] { "## Rules", "## Install", "## Configure", "## Use it in CI", "## In the IDE" })
        {
            Assert.Contains("\n" + section + "\n", readme, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("## Run the tests", readme, StringComparison.Ordinal);

        // What each editor does with the rules and the fixes (issue 18, item 3): fixes through the light bulb where the
        // editor loads code fixes, and through dotnet format where it does not (csharp-ls).
        var ide = Section(readme, "## In the IDE");
        foreach (var editor in new[] { "Visual Studio", "Rider", "C# Dev Kit", "csharp-ls", "light bulb", "dotnet format analyzers", "analyzersEnabled" })
        {
            Assert.Contains(editor, ide, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<!--", readme, StringComparison.Ordinal);

        // Every rule, linked to the page its diagnostics link to; every link absolute, under the project's address.
        Assert.All(RuleCatalogue.Descriptors, d => Assert.Contains($"[{d.Id}]({d.HelpLinkUri})", readme, StringComparison.Ordinal));
        var links = Link().Matches(readme).Select(m => m.Groups["target"].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(nuspec.ProjectUrl + "/", link, StringComparison.Ordinal));
        Assert.All(RuleCatalogue.Descriptors, d => Assert.StartsWith(nuspec.ProjectUrl + "/", d.HelpLinkUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_release_notes_list_the_rules_of_the_release_tracking_files()
    {
        var notes = (await NuspecAsync()).ReleaseNotes;
        var tracked = new[] { "AnalyzerReleases.Unshipped.md", "AnalyzerReleases.Shipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(workspace.RepositoryRoot, "src", "FlightErrors.Analyzers", file)))
            .Select(line => TrackedRule().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["id"].Value)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(tracked, RuleIds(notes));
        Assert.Equal(RuleCatalogue.Ids, RuleIds(notes));
        Assert.StartsWith(workspace.PackageVersion + ":", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tags_and_the_licence_are_set()
    {
        var nuspec = await NuspecAsync();
        Assert.Equal("MIT", nuspec.License);

        // The repository's LICENSE says the same; the package carries the expression, not the file (NU5033 forbids both).
        var licence = File.ReadAllText(Path.Combine(workspace.RepositoryRoot, "LICENSE"));
        Assert.StartsWith("MIT License\n", licence.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2026 FlightErrors.Analyzers contributors", licence, StringComparison.Ordinal);
        Assert.Null(await OptionalEntryAsync("LICENSE"));
        var tags = nuspec.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(new[] { "analyzers", "roslyn", "aspnetcore", "openapi", "problem-details" }.ToHashSet(), tags.ToHashSet());
    }

    private static string[] RuleIds(string text) =>
        RuleId().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    private async Task<Nuspec> NuspecAsync()
    {
        var metadata = XDocument.Parse(await EntryAsync("FlightErrors.Analyzers.nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        return new Nuspec(Value("description"), Value("releaseNotes"), Value("tags"), license.Value, Value("readme"), Value("projectUrl"));
    }

    private async Task<string> EntryAsync(string name) =>
        await OptionalEntryAsync(name) ?? throw new Xunit.Sdk.XunitException($"The package has no {name}");

    private async Task<string?> OptionalEntryAsync(string name)
    {
        var feed = await workspace.PackedFeedAsync();
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"FlightErrors.Analyzers.{workspace.PackageVersion}.nupkg"));
        if (package.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open());
        return (await reader.ReadToEndAsync()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>A Markdown section's text, from its heading to the next heading of the same level.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private sealed record Nuspec(string Description, string ReleaseNotes, string Tags, string License, string Readme, string ProjectUrl);

    [GeneratedRegex(@"\bFE\d{4}\b")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^(?<id>FE\d{4}) *\|")]
    private static partial Regex TrackedRule();

    /// <summary>A Markdown link's target.</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
