using System.Threading.Tasks;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ExplicitInternalServerErrorAnalyzer,
    FlightErrors.Analyzers.ExplicitInternalServerErrorCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0002ExplicitInternalServerErrorTests
{
    private static string Controller(string members) => $$"""
        using System;
        using System.Net;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """;

    [Theory]
    [InlineData("StatusCode(500)")]
    [InlineData("StatusCode(StatusCodes.Status500InternalServerError, \"boom\")")]
    [InlineData("StatusCode((int)HttpStatusCode.InternalServerError)")]
    [InlineData("Problem()")]
    [InlineData("Problem(\"boom\")")]
    [InlineData("Problem(statusCode: 500)")]
    [InlineData("new StatusCodeResult(500)")]
    [InlineData("new ObjectResult(\"boom\") { StatusCode = 500 }")]
    [InlineData("TypedResults.Problem()")]
    public Task Deliberate_500s_are_reported(string expression)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                public object Get(int id) => id > 0 ? Ok() : {|#0:{{expression}}|};
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get"));
    }

    [Fact]
    public Task Response_status_assignments_and_helpers_are_reported_where_they_produce_the_500()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public IActionResult Get(int id)
                {
                    if (id < 0)
                    {
                        [|Response.StatusCode = 500|];
                        return new EmptyResult();
                    }

                    return id == 0 ? Fail() : Ok();
                }

                private IActionResult Fail() => [|StatusCode(500)|];
            """));
    }

    [Fact]
    public Task Throwing_and_precise_codes_are_fine()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public IActionResult Get(int id) => id switch
                {
                    0 => throw new InvalidOperationException("unexpected"),
                    1 => StatusCode(503),
                    2 => Problem(statusCode: StatusCodes.Status502BadGateway),
                    _ => Ok(),
                };
            """));
    }

    [Fact]
    public Task Rethrow_keeps_the_statements_before_the_return()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(Load(id));
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex);
                        // The caller sees a 500.
                        return [|StatusCode(500, ex.Message)|];
                    }
                }

                private static int Load(int id) => id;
            """), Controller("""
                public IActionResult Get(int id)
                {
                    try
                    {
                        return Ok(Load(id));
                    }
                    catch (Exception ex)
                    {
                        Console.WriteLine(ex);
                        // The caller sees a 500.
                        throw;
                    }
                }

                private static int Load(int id) => id;
            """), ExplicitInternalServerErrorCodeFix.RethrowKey);
    }

    [Fact]
    public Task Return_503_rewrites_into_Problem_with_the_old_body_as_detail()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get(int id) => id > 0 ? Ok() : [|StatusCode(500, "The booking service is down")|];

                public IActionResult Put(Exception error) => [|StatusCode(StatusCodes.Status500InternalServerError, error)|];

                public IActionResult Post() => [|Problem("Upstream failed")|];
            """), Controller("""
                public IActionResult Get(int id) => id > 0 ? Ok() : Problem(detail: "The booking service is down", statusCode: StatusCodes.Status503ServiceUnavailable);

                public IActionResult Put(Exception error) => Problem(detail: error.Message, statusCode: StatusCodes.Status503ServiceUnavailable);

                public IActionResult Post() => Problem("Upstream failed", statusCode: StatusCodes.Status503ServiceUnavailable);
            """), ExplicitInternalServerErrorCodeFix.Return503Key);
    }

    [Fact]
    public Task Return_502_and_504_replace_only_the_code()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get() => [|Problem(statusCode: 500, title: "Upstream")|];
            """), Controller("""
                public IActionResult Get() => Problem(statusCode: StatusCodes.Status502BadGateway, title: "Upstream");
            """), ExplicitInternalServerErrorCodeFix.Return502Key);
    }

    [Fact]
    public Task Return_504_changes_a_status_assignment()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public void Get()
                {
                    [|Response.StatusCode = 500|];
                }
            """), Controller("""
                public void Get()
                {
                    Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                }
            """), ExplicitInternalServerErrorCodeFix.Return504Key);
    }

    [Fact]
    public Task Fix_all_rethrows_in_every_catch()
    {
        return VerifyCS.VerifyFixAllAsync(Controller("""
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (InvalidOperationException) { return [|StatusCode(500)|]; }
                    catch (Exception) { return [|Problem()|]; }
                }
            """), Controller("""
                public IActionResult Get()
                {
                    try { return Ok(); }
                    catch (InvalidOperationException) { throw; }
                    catch (Exception) { throw; }
                }
            """), ExplicitInternalServerErrorCodeFix.RethrowKey);
    }

    [Fact]
    public Task A_body_with_side_effects_is_not_dropped()
    {
        var source = Controller("""
                public IActionResult Get() => [|StatusCode(500, Build())|];

                private static object Build() => new { code = 42 };
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source, ExplicitInternalServerErrorCodeFix.Return503Key);
    }
}
