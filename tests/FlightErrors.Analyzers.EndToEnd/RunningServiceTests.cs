using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The fixed sample, running: every error answers with Problem Details, nothing leaks, unexpected failures reach the
/// exception handler, and the OpenAPI document lists every status code each operation answered with.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class RunningServiceTests(SampleWorkspace workspace)
{
    public static TheoryData<string> ProbeNames => new(Probes.All.Select(p => p.Name));

    public static TheoryData<string> ErrorProbeNames => new(Probes.All.Where(p => p.Status >= 400).Select(p => p.Name));

    public static TheoryData<string> Operations => new(Probes.All.Where(p => p.Operation is not null).Select(p => p.Operation!).Distinct());

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Probe_answers_with_the_expected_status(string name)
    {
        var result = await ResultAsync(name);
        Assert.True(result.Probe.Status == result.Status, result.ToString());
    }

    [Theory]
    [MemberData(nameof(ErrorProbeNames))]
    public async Task Error_answers_are_problem_details_whose_status_matches(string name)
    {
        var result = await ResultAsync(name);
        Assert.True(result.MediaType == "application/problem+json", result.ToString());
        using var json = JsonDocument.Parse(result.Body);
        var problem = json.RootElement;
        Assert.True(problem.TryGetProperty("status", out var status) && status.GetInt32() == result.Status, result.ToString());
        Assert.True(problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()), result.ToString());

        // RFC 9457: "type" may be left out, and then means "about:blank".
        Assert.True(!problem.TryGetProperty("type", out var type) || !string.IsNullOrWhiteSpace(type.GetString()), result.ToString());
    }

    [Theory]
    [InlineData("book an unknown flight", "FlightNumber")]
    [InlineData("book zero seats", "Seats")]
    [InlineData("list hangars with a bad building code", "buildingCode")]
    public async Task Field_errors_come_in_the_errors_extension(string name, string field)
    {
        var result = await ResultAsync(name);
        using var json = JsonDocument.Parse(result.Body);
        Assert.True(json.RootElement.TryGetProperty("errors", out var errors), result.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, result.ToString());
    }

    [Fact]
    public async Task No_answer_leaks_an_exception_message()
    {
        var results = await workspace.ProbeResultsAsync();
        foreach (var result in results)
        {
            foreach (var secret in Probes.Secrets)
            {
                Assert.False(result.Body.Contains(secret, StringComparison.Ordinal), $"'{secret}' leaks in {result}");
            }
        }
    }

    [Theory]
    [InlineData("change status of a corrupt flight", "FlightStoreException")]
    public async Task Unexpected_failures_get_the_exception_handlers_500(string name, string exception)
    {
        var result = await ResultAsync(name);
        Assert.Equal(500, result.Status);
        using var json = JsonDocument.Parse(result.Body);
        Assert.Equal("An error occurred while processing your request.", json.RootElement.GetProperty("title").GetString());
        Assert.False(json.RootElement.TryGetProperty("detail", out _), result.ToString());

        // The handler, not the action, answered: it logged the exception the action let through.
        var service = await workspace.ServiceAsync();
        Assert.Contains(exception, service.Output, StringComparison.Ordinal);
    }

    // A caught upstream failure is answered as one (issue 15): 502 Problem Details that names no exception.
    [Fact]
    public async Task A_caught_upstream_failure_answers_502_without_the_exceptions_text()
    {
        var result = await ResultAsync("pay while the provider fails");
        Assert.Equal(502, result.Status);
        Assert.Equal("application/problem+json", result.MediaType);
        Assert.DoesNotContain("HttpRequestException", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenges_and_rate_limits_tell_the_client_what_to_do()
    {
        var unauthorized = await ResultAsync("change status anonymously");
        Assert.StartsWith("ApiKey", string.Join(",", unauthorized.Headers.WwwAuthenticate), StringComparison.Ordinal);
        var limited = await ResultAsync("list hangars too often");
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task OpenApi_lists_every_status_the_operation_answered_with(string operation)
    {
        var results = await workspace.ProbeResultsAsync();
        var service = await workspace.ServiceAsync();
        using var document = JsonDocument.Parse(await service.Client.GetStringAsync("/openapi/v1.json"));
        var method = operation.Split(' ')[0].ToLowerInvariant();
        var path = operation.Split(' ')[1];
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"no path {path} in the OpenAPI document");
        Assert.True(item.TryGetProperty(method, out var description), $"no {method} operation at {path}");
        var documented = description.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        var seen = results.Where(r => r.Probe.Operation == operation).Select(r => r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(seen);
        var undocumented = seen.Except(documented).Order().ToList();
        Assert.True(undocumented.Count == 0, $"{operation} answered {string.Join(", ", undocumented)}, which its OpenAPI description does not list ({string.Join(", ", documented.Order())})");
    }

    private async Task<ProbeResult> ResultAsync(string name)
    {
        var results = await workspace.ProbeResultsAsync();
        return results.Single(r => r.Probe.Name == name);
    }
}
