using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// What the fuzzer found (issue 6), reduced to a source each: the source and its first few prefixes go through the
/// fuzzer's checks. docs/robustness.md has the details.
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
        """);

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

    private static async Task AssertNoFailureAsync(string source)
    {
        var fuzzCase = new FuzzCase("finding", ImmutableArray.Create(new FuzzDocument("Test0.cs", source)), ReferenceAssemblies.AspNet100);
        var fuzzer = new Fuzzer(new FuzzSettings(new MutationBudget(StridePrefixes: 0, TargetedPrefixes: 0, Deletions: 0, Duplications: 0), BrokenSourceFixInterval: 1));
        await fuzzer.RunAsync(new[] { fuzzCase }, degreeOfParallelism: 1);
        Assert.True(fuzzer.Failures.Count == 0, string.Join(Environment.NewLine, fuzzer.Failures.Select(f => f.ToString())));
        Assert.True(fuzzer.UnchangedActions.Count == 0, "Code actions that change nothing:" + Environment.NewLine + string.Join(Environment.NewLine, fuzzer.UnchangedActions));
    }
}
