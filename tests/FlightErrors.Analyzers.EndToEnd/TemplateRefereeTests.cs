using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The fixed template app, running in Production and in Development, each instance fresh and behind `prism proxy`
/// with the OpenAPI document the app serves (in Production, the one a Development instance of the same build serves:
/// the template maps it in Development only, see <see cref="TemplateWorkspace"/>). Every probe goes through Prism;
/// every error answer must be Problem Details whose `status` is the HTTP status, Prism must find no violation, and in
/// Production no answer may carry an exception's text.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class TemplateRefereeTests(TemplateWorkspace workspace)
{
    public static TheoryData<string> Environments => new([SampleWorkspace.Production, SampleWorkspace.Development]);

    [RefereeTheory]
    [MemberData(nameof(Environments))]
    public async Task Every_probe_answers_its_status_and_reaches_its_operation(string environment)
    {
        var run = await workspace.RefereeRunAsync(environment);
        var wrong = run.Results.Where(r => r.Status != r.Probe.Status).Select(r => $"{r.Probe.Name}: expected {r.Probe.Status}, {r}").ToList();
        var unrouted = run.Violations.Where(v => v.Message == Violation.RouteNotFound).Select(v => v.Probe).ToHashSet();
        foreach (var result in run.Results)
        {
            if (unrouted.Contains(result.Probe.Name) != (result.Probe.Operation is null))
            {
                wrong.Add($"{result.Probe.Name}: Prism {(result.Probe.Operation is null ? "matched it to an operation" : "matched no operation (expected " + result.Probe.Operation + ")")}, {result}");
            }
        }

        Assert.True(wrong.Count == 0, Heading(run) + string.Join(Environment.NewLine, wrong));
    }

    [RefereeTheory]
    [MemberData(nameof(Environments))]
    public async Task Every_error_answer_is_Problem_Details_whose_status_matches(string environment)
    {
        var run = await workspace.RefereeRunAsync(environment);
        var wrong = new List<string>();
        foreach (var result in run.Results.Where(r => r.Status >= 400))
        {
            if (result.MediaType != "application/problem+json")
            {
                wrong.Add($"{result.Probe.Name}: not application/problem+json: {result}");
                continue;
            }

            using var json = JsonDocument.Parse(result.Body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("status", out var status)
                || status.ValueKind != JsonValueKind.Number
                || status.GetInt32() != result.Status)
            {
                wrong.Add($"{result.Probe.Name}: its JSON `status` is not {result.Status}: {result}");
            }
        }

        Assert.True(wrong.Count == 0, Heading(run) + string.Join(Environment.NewLine, wrong));
    }

    [RefereeTheory]
    [MemberData(nameof(Environments))]
    public async Task Prism_finds_no_violation(string environment)
    {
        var run = await workspace.RefereeRunAsync(environment);
        var found = run.Violations.Where(v => v.InResponse).Select(v => $"{v}{Environment.NewLine}    answer: {run.Results.First(r => r.Probe.Name == v.Probe)}").ToList();
        Assert.True(found.Count == 0, Heading(run) + "Prism found violations against " + run.DocumentPath + ":" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    /// <summary>The team's error codes reach clients as a `code` extension of the Problem Details.</summary>
    [RefereeTheory]
    [InlineData(SampleWorkspace.Production, "update with mismatched ids", "id_mismatch")]
    [InlineData(SampleWorkspace.Production, "get an unknown product", "product_not_found")]
    [InlineData(SampleWorkspace.Production, "update an unknown product", "product_not_found")]
    [InlineData(SampleWorkspace.Development, "update with mismatched ids", "id_mismatch")]
    public async Task Error_codes_survive_as_a_code_extension(string environment, string probe, string code)
    {
        var run = await workspace.RefereeRunAsync(environment);
        var result = run.Results.Single(r => r.Probe.Name == probe);
        Assert.True(result.MediaType == "application/problem+json", result.ToString());
        using var json = JsonDocument.Parse(result.Body);
        var problem = json.RootElement;
        Assert.True(
            problem.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == result.Status
                && problem.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == code,
            result.ToString());
    }

    [RefereeFact]
    public async Task No_answer_in_Production_carries_exception_text()
    {
        var run = await workspace.RefereeRunAsync(SampleWorkspace.Production);
        var leaks = run.Results.SelectMany(r => TemplateProbes.Secrets.Where(s => r.Body.Contains(s, StringComparison.Ordinal)).Select(s => $"'{s}' leaks in {r}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));

        // The failures did happen: the service logged what the clients did not see.
        Assert.Contains("failed its checksum", run.ServiceOutput, StringComparison.Ordinal);
        Assert.Contains("rates.example.net", run.ServiceOutput, StringComparison.Ordinal);
    }

    /// <summary>The catch-all rethrows, so the exception handler writes the 500, in its own words only.</summary>
    [RefereeFact]
    public async Task The_unexpected_failure_gets_the_exception_handlers_500_in_Production()
    {
        var run = await workspace.RefereeRunAsync(SampleWorkspace.Production);
        var result = run.Results.Single(r => r.Probe.Name == "get a product whose row is corrupt");
        Assert.True(result.Status == 500, result.ToString());
        using var json = JsonDocument.Parse(result.Body);
        Assert.Equal("An error occurred while processing your request.", json.RootElement.GetProperty("title").GetString());
        Assert.False(json.RootElement.TryGetProperty("detail", out _), result.ToString());
    }

    private static string Heading(RefereeRun run) => $"In {run.Environment}:{Environment.NewLine}";
}
