using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FlightErrors.Analyzers.Tests.Meta;

public sealed class DescriptorTests
{
    [Fact]
    public void There_are_rules_to_check() => Assert.NotEmpty(Catalogue.Descriptors);

    [Fact]
    public void Ids_are_well_formed_and_unique()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.All(ids, id => Assert.Matches(new Regex("^FE\\d{4}$"), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), Catalogue.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void Help_links_point_at_existing_rule_pages()
    {
        Assert.All(Catalogue.Descriptors, d =>
        {
            Assert.Equal(Analyzers.Descriptors.DocsRoot + d.Id + ".md", d.HelpLinkUri);
            Assert.True(File.Exists(Catalogue.DocPath(d.Id)), $"docs/rules/{d.Id}.md is missing");
        });
    }

    [Fact]
    public void Titles_and_messages_follow_the_sentence_rules()
    {
        Assert.All(Catalogue.Descriptors, d =>
        {
            var title = d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.False(title.EndsWith('.'), $"{d.Id} title ends with a period");
            Assert.False(message.EndsWith('.'), $"{d.Id} message ends with a period");
            Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Fact]
    public void Rule_pages_start_with_the_title_and_document_every_option()
    {
        var keys = OptionKeys.All.Values.ToList();
        Assert.NotEmpty(keys);
        Assert.All(Catalogue.Descriptors, d =>
        {
            var page = File.ReadAllText(Catalogue.DocPath(d.Id));
            Assert.StartsWith($"# {d.Id}: {d.Title}", page, StringComparison.Ordinal);
            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## Configuration", "## When to suppress" })
            {
                Assert.Contains(section, page, StringComparison.Ordinal);
            }

            foreach (var key in keys)
            {
                Assert.Contains(OptionKeys.Prefix + key, page, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Every_rule_is_in_release_tracking()
    {
        var unshipped = File.ReadAllText(Path.Combine(Catalogue.RepositoryRoot, "src", "FlightErrors.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(Catalogue.RepositoryRoot, "src", "FlightErrors.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.All(Catalogue.Descriptors, d => Assert.True(
            unshipped.Contains(d.Id + " ", StringComparison.Ordinal) || shipped.Contains(d.Id + " ", StringComparison.Ordinal),
            $"{d.Id} is not in AnalyzerReleases"));
    }

    [Fact]
    public void Every_fixer_fixes_existing_rules_and_is_exported_under_its_name()
    {
        Assert.NotEmpty(Catalogue.Fixers);
        Assert.All(Catalogue.Fixers, fixer =>
        {
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(Catalogue.Descriptors, d => d.Id == id));
            var export = fixer.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(fixer.GetType().Name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotNull(fixer.GetFixAllProvider());
        });
    }

    [Fact]
    public void Each_fixer_and_analyzer_share_the_rule_name()
    {
        Assert.All(Catalogue.Fixers, fixer =>
        {
            var ruleName = fixer.GetType().Name.Replace("CodeFix", string.Empty, StringComparison.Ordinal);
            Assert.Contains(Catalogue.Analyzers, a => a.GetType().Name == ruleName + "Analyzer");
        });
    }
}
