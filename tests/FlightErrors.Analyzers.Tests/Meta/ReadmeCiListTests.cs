using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers.Tests.Meta;

/// <summary>
/// The rule lists of the "Use it in CI" sections of README.md and the packaged README (PACKAGE.md) come from the
/// descriptors (issue 18, item 4), so a new rule cannot be left out of the build gate or the bulk fix:
/// <list type="bullet">
/// <item><c>-warnaserror:…</c> and <c>&lt;WarningsAsErrors&gt;…</c> name every rule that reports on code and every rule
/// that is a warning by default (an Info rule gates once a team raises it to warning);</item>
/// <item><c>dotnet format … --diagnostics …</c> names every rule that has a code fix.</item>
/// </list>
/// The test fails with the expected lists when one has drifted; with FLIGHTERRORS_UPDATE_DOCS=1 it rewrites them.
/// </summary>
public sealed partial class ReadmeCiListTests
{
    private const string Section = "## Use it in CI";

    public static TheoryData<string> Readmes() => new() { "README.md", "src/FlightErrors.Analyzers.Package/PACKAGE.md" };

    [Theory]
    [MemberData(nameof(Readmes))]
    public void The_ci_rule_lists_name_every_rule_they_should(string file)
    {
        var path = Path.Combine(Catalogue.RepositoryRoot, file);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{file} has no '{Section}' section");
        var end = text.IndexOf("\n## ", start + Section.Length + 2, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        var section = text[start..end];

        var lists = Lists(section).ToList();
        Assert.Contains(lists, l => l.Kind == "-warnaserror:");
        Assert.Contains(lists, l => l.Kind == "--diagnostics");

        var rewritten = WarnAsError().Replace(section, m => m.Groups[1].Value + string.Join(",", GateRules()));
        rewritten = WarningsAsErrors().Replace(rewritten, m => m.Groups[1].Value + string.Join(";", GateRules()) + m.Groups[3].Value);
        rewritten = Diagnostics().Replace(rewritten, m => m.Groups[1].Value + string.Join(" ", FixableRules()));
        if (rewritten == section)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("FLIGHTERRORS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..start] + rewritten + text[end..]);
            return;
        }

        var drifted = lists.Where(l => !l.Ids.SequenceEqual(l.Kind == "--diagnostics" ? FixableRules() : GateRules())).Select(l => $"{l.Kind} {string.Join(" ", l.Ids)}");
        Assert.Fail($"{file}'s '{Section}' lists have drifted from the rules; run the tests with FLIGHTERRORS_UPDATE_DOCS=1.\n"
            + $"Drifted: {string.Join(" | ", drifted)}\n"
            + $"-warnaserror and WarningsAsErrors: {string.Join(",", GateRules())}\n"
            + $"--diagnostics: {string.Join(" ", FixableRules())}");
    }

    [Fact]
    public void The_lists_are_read_from_the_commands_as_written()
    {
        var lists = Lists("""
            dotnet build -warnaserror:FE0001,FE0002
            <WarningsAsErrors>FE0003;FE0004</WarningsAsErrors>
            dotnet format analyzers --verify-no-changes --diagnostics FE0001 FE0901 --severity info
            """).ToList();
        Assert.Equal(3, lists.Count);
        Assert.Equal(["FE0001", "FE0002"], lists[0].Ids);
        Assert.Equal(["FE0003", "FE0004"], lists[1].Ids);
        Assert.Equal(["FE0001", "FE0901"], lists[2].Ids);
    }

    [Fact]
    public void The_gate_and_the_bulk_fix_cover_the_rules()
    {
        Assert.All(Catalogue.Descriptors.Where(d => d.Category != Categories.Configuration), d => Assert.Contains(d.Id, GateRules()));
        Assert.All(Catalogue.Descriptors.Where(d => d.IsEnabledByDefault && d.DefaultSeverity == DiagnosticSeverity.Warning), d => Assert.Contains(d.Id, GateRules()));
        Assert.All(Catalogue.Descriptors.Where(d => Catalogue.HasFix(d.Id)), d => Assert.Contains(d.Id, FixableRules()));
        Assert.DoesNotContain(FixableRules(), id => !Catalogue.HasFix(id));
    }

    /// <summary>Every rule that reports on code, and every rule that is a warning by default.</summary>
    internal static List<string> GateRules() => Catalogue.Descriptors
        .Where(d => d.Category != Categories.Configuration || (d.IsEnabledByDefault && d.DefaultSeverity == DiagnosticSeverity.Warning))
        .Select(d => d.Id)
        .ToList();

    /// <summary>Every rule that has a code fix.</summary>
    internal static List<string> FixableRules() => Catalogue.Descriptors.Where(d => Catalogue.HasFix(d.Id)).Select(d => d.Id).ToList();

    private static IEnumerable<(string Kind, string[] Ids)> Lists(string text)
    {
        foreach (Match m in WarnAsError().Matches(text))
        {
            yield return ("-warnaserror:", m.Groups[2].Value.Split(','));
        }

        foreach (Match m in WarningsAsErrors().Matches(text))
        {
            yield return ("-warnaserror:", m.Groups[2].Value.Split(';'));
        }

        foreach (Match m in Diagnostics().Matches(text))
        {
            yield return ("--diagnostics", m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [GeneratedRegex(@"(-warnaserror:)(FE\d{4}(?:,FE\d{4})*)", RegexOptions.CultureInvariant)]
    private static partial Regex WarnAsError();

    [GeneratedRegex(@"(<WarningsAsErrors>)(FE\d{4}(?:;FE\d{4})*)(</WarningsAsErrors>)", RegexOptions.CultureInvariant)]
    private static partial Regex WarningsAsErrors();

    [GeneratedRegex(@"(--diagnostics )(FE\d{4}(?: FE\d{4})*)", RegexOptions.CultureInvariant)]
    private static partial Regex Diagnostics();
}
