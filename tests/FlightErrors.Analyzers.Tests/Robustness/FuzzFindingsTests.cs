using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// What the fuzzer found (issue 6), reduced to a source each: the source and its first few prefixes go through the
/// fuzzer's checks, and the diagnostics the analyzers report on the source itself are the ones listed (ID, line and
/// column, the reported text and the message). docs/robustness.md has the details.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public Task FE0001_fix_survives_an_unclosed_switch_expression_above_the_action() => AssertNoFailureAsync("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class FlightsController : ControllerBase
        {
            public IActionResult Get(int id) => id switch { _ => Ok() ;

            [HttpDelete]
            [ProducesResponseType(200)]
            public IActionResult Delete(int id) => id > 0 ? Ok() : StatusCode(503);
        }
        """,
        "FE0006 5,25 'Get': 'Get' can answer 400 Bad Request ([ApiController] model validation of the query value 'id' as int), which is not documented",
        "FE0006 9,25 'Delete': 'Delete' can answer 400 Bad Request ([ApiController] model validation of the query value 'id' as int), which is not documented",
        "FE0001 9,59 'StatusCode(503)': 'Delete' can return 503 Service Unavailable, which is not documented");

    // The source itself reports nothing (its union documents the 404); the finding was in a prefix of it.
    [Fact]
    public Task FE0001_offers_no_union_fix_that_changes_nothing() => AssertNoFailureAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Routing;

        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app) => app.MapGet("/flights/{id}", GetFlight);

            private static async Task<Results<Ok<int>, ProblemHttpResult, NotFound>> GetFlight(int id)
            {
                await System.Threading.Tasks.Task.Yield();
                return id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(statusCode: 404);
            }
        }
        """);

    private static async Task AssertNoFailureAsync(string source, params string[] expectedDiagnostics)
    {
        var fuzzCase = new FuzzCase("finding", ImmutableArray.Create(new FuzzDocument("Test0.cs", source)), ReferenceSets.AspNet100);
        var project = fuzzCase.CreateProject();
        var run = await AnalyzerRun.RunAsync((await project.GetCompilationAsync())!, project.AnalyzerOptions, concurrentAnalysis: false);
        Assert.False(run.Failed, run.DescribeFailure());
        var actual = run.Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} '{d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)}': {d.GetMessage(CultureInfo.InvariantCulture)}");
        var expectedText = string.Join(Environment.NewLine, expectedDiagnostics);
        var actualText = string.Join(Environment.NewLine, actual);
        Assert.True(expectedText == actualText, $"The diagnostics differ. Expected:{Environment.NewLine}{expectedText}{Environment.NewLine}Actual:{Environment.NewLine}{actualText}");

        var fuzzer = new Fuzzer(new FuzzSettings(new MutationBudget(StridePrefixes: 0, TargetedPrefixes: 0, Deletions: 0, Duplications: 0), BrokenSourceFixInterval: 1));
        await fuzzer.RunAsync(new[] { fuzzCase }, degreeOfParallelism: 1);
        Assert.True(fuzzer.Failures.Count == 0, string.Join(Environment.NewLine, fuzzer.Failures.Select(f => f.ToString())));
        Assert.True(fuzzer.UnchangedActions.Count == 0, "Code actions that change nothing:" + Environment.NewLine + string.Join(Environment.NewLine, fuzzer.UnchangedActions));
    }
}
