using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The independent referee (issue 15): a validator nobody here wrote, Prism in proxy mode, checks the fixed sample's
/// real answers to every probe against the OpenAPI document the service serves itself. An undocumented status code,
/// a media type the document does not list for it, or a body its schema rejects is a violation. Prism matches media
/// types by their structured suffix (an `application/problem+json` answer matches a documented `application/json`), and
/// checks neither media type nor body of an answer documented with no content.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class PrismRefereeTests(SampleWorkspace workspace)
{
    /// <summary>
    /// Known violations: Prism's findings not mended yet, each as "probe: status location severity [code]: message"
    /// (<see cref="Violation"/>). The list is asserted exactly, so a mended one fails the test until its line goes.
    /// </summary>
    private static readonly string[] KnownViolations =
    [
    ];

    /// <summary>
    /// The referee saw what the other tests see: each probe got its expected status through the proxy, and Prism
    /// matched every probe that names an operation to an operation of the document (an unmatched request is forwarded
    /// unchecked, so a path Prism cannot match would pass silently).
    /// </summary>
    [RefereeFact]
    public async Task Every_probe_through_Prism_answers_as_it_does_directly_and_reaches_its_operation()
    {
        var run = await workspace.RefereeRunAsync();
        var wrong = run.Results.Where(r => r.Status != r.Probe.Status).Select(r => $"{r.Probe.Name}: expected {r.Probe.Status}, {r}").ToList();
        var unrouted = run.Violations.Where(v => v.Message == Violation.RouteNotFound).Select(v => v.Probe).ToHashSet();
        foreach (var result in run.Results)
        {
            if (unrouted.Contains(result.Probe.Name) != (result.Probe.Operation is null))
            {
                wrong.Add($"{result.Probe.Name}: Prism {(result.Probe.Operation is null ? "matched it to an operation" : "matched no operation (expected " + result.Probe.Operation + ")")}, {result}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong) + Environment.NewLine + "Prism's log:" + Environment.NewLine + run.PrismOutput);
    }

    [RefereeFact]
    public async Task Prism_finds_no_violation_in_the_fixed_samples_answers()
    {
        var run = await workspace.RefereeRunAsync();
        var found = run.Violations.Where(v => v.InResponse).Select(v => v.ToString()).ToList();
        var unexpected = found.Except(KnownViolations, StringComparer.Ordinal).ToList();
        var mended = KnownViolations.Except(found, StringComparer.Ordinal).ToList();
        Assert.True(
            unexpected.Count == 0 && mended.Count == 0,
            Describe("Prism found violations against " + run.DocumentPath, unexpected, run)
                + Describe("Known violations Prism no longer finds (remove them from KnownViolations)", mended, run));
    }

    private static string Describe(string heading, IReadOnlyList<string> lines, RefereeRun run)
    {
        if (lines.Count == 0)
        {
            return "";
        }

        var text = new System.Text.StringBuilder().AppendLine(heading + ":");
        foreach (var line in lines)
        {
            text.AppendLine("  " + line);
            var probe = line[..line.IndexOf(':', StringComparison.Ordinal)];
            if (run.Results.FirstOrDefault(r => r.Probe.Name == probe) is { } result)
            {
                text.AppendLine("    answer: " + result);
            }
        }

        return text.ToString();
    }
}

/// <summary>A fact that needs Prism: skipped, with the reason, where node or npm is absent.</summary>
public sealed class RefereeFactAttribute : FactAttribute
{
    public RefereeFactAttribute()
    {
        if (PrismProxy.MissingTool() is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs Prism: skipped, with the reason, where node or npm is absent.</summary>
public sealed class RefereeTheoryAttribute : TheoryAttribute
{
    public RefereeTheoryAttribute()
    {
        if (PrismProxy.MissingTool() is { } reason)
        {
            Skip = reason;
        }
    }
}
