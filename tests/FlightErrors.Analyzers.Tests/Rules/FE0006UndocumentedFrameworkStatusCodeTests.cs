using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedFrameworkStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedFrameworkStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0006: the 401, 403 and rate-limiter rejections the framework answers are documented (issue 17).</summary>
public sealed class FE0006UndocumentedFrameworkStatusCodeTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.RateLimiting;

        """;

    private const string Model = """

        public sealed record Flight(int Id);
        """;

    private static string Controller(string members, string attributes = "") => Usings + $$"""
        [ApiController]
        [Route("flights")]{{attributes}}
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """ + Model;

    private const string EndpointUsings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;

        """;

    private static string Endpoints(string body) => EndpointUsings + $$"""
        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app)
            {
        {{body}}
            }
        }

        public sealed record Flight(int Id);
        """;

    /// <summary>A host's setup, in a file of its own.</summary>
    private static string Setup(string statements) => $$"""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        public static class Setup
        {
            public static void Configure(IServiceCollection services)
            {
        {{statements}}
            }
        }
        """;

    // ---- Authorization on controllers -------------------------------------------------------------------------

    [Fact]
    public Task A_policy_on_the_action_answers_401_and_403()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#0:DeleteFlight|}(int id) => NoContent();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("""'DeleteFlight' can answer 401 Unauthorized ([Authorize(Policy = "operations")] on 'DeleteFlight'), which is not documented"""),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("""'DeleteFlight' can answer 403 Forbidden ([Authorize(Policy = "operations")] on 'DeleteFlight'), which is not documented"""));
    }

    [Theory]
    [InlineData("[Authorize(Roles = \"ops\")]")]
    [InlineData("[Authorize(\"operations\")]")]
    public Task Roles_and_policy_names_can_forbid(string attribute)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                [HttpDelete("{id}")]
                {{attribute}}
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#0:DeleteFlight|}(int id) => NoContent();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DeleteFlight", "401 Unauthorized", attribute + " on 'DeleteFlight'"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DeleteFlight", "403 Forbidden", attribute + " on 'DeleteFlight'"));
    }

    // The default policy only requires an authenticated user: an authenticated caller is never forbidden.
    [Fact]
    public Task A_bare_Authorize_answers_401_only()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [Authorize]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "401 Unauthorized", "[Authorize] on 'Get'"));
    }

    [Fact]
    public Task The_fix_documents_the_codes_on_the_action()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpDelete("{id}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult [|DeleteFlight|](int id) => NoContent();
            """).Replace("[|DeleteFlight|]", "{|FE0006:{|FE0006:DeleteFlight|}|}"), Controller("""
                [HttpDelete("{id}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                [ProducesResponseType(StatusCodes.Status403Forbidden)]
                public IActionResult DeleteFlight(int id) => NoContent();
            """));
    }

    [Fact]
    public Task A_controller_cause_is_documented_on_the_controller()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);

                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#1:Delete|}(int id) => NoContent();
            """, "\n[Authorize]"),
            FixedCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);

                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult Delete(int id) => NoContent();
            """, "\n[Authorize]\n[ProducesResponseType(StatusCodes.Status401Unauthorized)]"),
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "401 Unauthorized", "[Authorize] on FlightsController"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(1).WithArguments("Delete", "401 Unauthorized", "[Authorize] on FlightsController"));
        return test.RunAsync();
    }

    // A class-level attribute would take the implicit 200 from an action that declares nothing: the fix documents the
    // action instead, keeping its 200.
    [Fact]
    public Task A_controller_cause_is_documented_on_an_action_that_relies_on_the_implicit_200()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpGet("{id}")]
                public ActionResult<Flight> {|FE0006:Get|}(int id) => new Flight(id);
            """, "\n[Authorize]"), Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """, "\n[Authorize]"));
    }

    [Fact]
    public Task A_base_controller_cause_is_named()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """).Replace(": ControllerBase", ": SecuredController"));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize(Roles = "crew")]
            public abstract class SecuredController : ControllerBase
            {
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "401 Unauthorized", "[Authorize(Roles = \"crew\")] on SecuredController, a base of FlightsController"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "403 Forbidden", "[Authorize(Roles = \"crew\")] on SecuredController, a base of FlightsController"));
        return test.RunAsync();
    }

    // ---- Authorization lifted or documented ---------------------------------------------------------------------

    [Theory]
    [InlineData("\n[AllowAnonymous]", "[Authorize(Policy = \"operations\")]")]
    [InlineData("", "[Authorize(Policy = \"operations\")]\n    [AllowAnonymous]")]
    public Task AllowAnonymous_lifts_authorization(string controllerAttribute, string actionAttributes)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                [HttpGet("{id}")]
                {{actionAttributes}}
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """, controllerAttribute));
    }

    [Fact]
    public Task Documented_codes_stay_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                [ProducesResponseType(StatusCodes.Status403Forbidden)]
                public IActionResult DeleteFlight(int id) => NoContent();
            """));
    }

    [Fact]
    public Task Codes_documented_elsewhere_are_configured()
    {
        return new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpDelete("{id}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult DeleteFlight(int id) => NoContent();
            """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes(DiagnosticIds.UndocumentedFrameworkStatusCode)} = 401, 403",
        }.RunAsync();
    }

    [Fact]
    public Task No_authorization_no_rate_limiting_stays_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """));
    }

    // A cookie challenge redirects to a login page rather than answering 401.
    [Fact]
    public Task A_scheme_whose_challenge_redirects_stays_silent()
    {
        var test = new VerifyCS.Test { TestCode = Controller("""
                [HttpGet("{id}")]
                [Authorize]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """) };
        test.TestState.Sources.Add(Setup("""
                    services.AddAuthentication().AddCookie();
            """).Replace("using Microsoft.AspNetCore.Http;", "using Microsoft.AspNetCore.Authentication.Cookies;"));
        return test.RunAsync();
    }

    // ---- The fallback policy ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", false)]
    [InlineData("services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(\"crew\").Build());", true)]
    public Task The_fallback_policy_applies_to_endpoints_without_authorization_metadata(string setup, bool canForbid)
    {
        var test = new VerifyCS.Test { TestCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);

                [HttpGet]
                [AllowAnonymous]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public IActionResult List() => Ok();
            """) };
        test.TestState.Sources.Add(Setup(setup));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "401 Unauthorized", "the fallback authorization policy"));
        if (canForbid)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "403 Forbidden", "the fallback authorization policy"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_null_fallback_policy_authorizes_nothing()
    {
        var test = new VerifyCS.Test { TestCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """) };
        test.TestState.Sources.Add(Setup("services.AddAuthorization(options => options.FallbackPolicy = null);"));
        return test.RunAsync();
    }

    // ---- Rate limiting ------------------------------------------------------------------------------------------

    [Fact]
    public Task The_limiter_rejects_with_503_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [EnableRateLimiting("search")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "503 Service Unavailable", "[EnableRateLimiting(\"search\")] on 'Get'"));
    }

    [Theory]
    [InlineData("StatusCodes.Status429TooManyRequests")]
    [InlineData("429")]
    public Task The_limiter_rejects_with_its_RejectionStatusCode(string code)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """, "\n[EnableRateLimiting(\"search\")]"),
        };
        test.TestState.Sources.Add(Setup($"services.AddRateLimiter(options => options.RejectionStatusCode = {code});"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "429 Too Many Requests", "[EnableRateLimiting(\"search\")] on FlightsController"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_rejection_status_that_cannot_be_read_stays_silent()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id}")]
                [EnableRateLimiting("search")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """),
        };
        test.TestState.Sources.Add(Setup("services.AddRateLimiter(options => options.RejectionStatusCode = System.Environment.ProcessorCount);"));
        return test.RunAsync();
    }

    [Fact]
    public Task The_global_limiter_applies_unless_disabled()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);

                [HttpGet]
                [DisableRateLimiting]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public IActionResult List() => Ok();
            """),
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(
                            context => System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("all"));
                    });
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "429 Too Many Requests", "the global rate limiter"));
        return test.RunAsync();
    }

    // ---- Minimal APIs ---------------------------------------------------------------------------------------------

    [Fact]
    public Task RequireAuthorization_on_the_endpoint()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapDelete("/flights/{id}", {|#0:(int id)|} => Results.NoContent())
                        .RequireAuthorization("operations");
            """).Replace("{|#0:(int id)|}", "{|FE0006:{|FE0006:(int id)|}|}"), Endpoints("""
                    app.MapDelete("/flights/{id}", (int id) => Results.NoContent())
                        .RequireAuthorization("operations")
                        .ProducesProblem(StatusCodes.Status401Unauthorized)
                        .ProducesProblem(StatusCodes.Status403Forbidden);
            """));
    }

    [Fact]
    public Task Message_names_the_route_and_the_call()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", {|#0:(int id)|} => Results.Ok(new Flight(id))).RequireAuthorization();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'GET /flights/{id}' can answer 401 Unauthorized (.RequireAuthorization() on the endpoint), which is not documented"));
    }

    [Fact]
    public Task RequireAuthorization_on_a_group_is_documented_on_each_endpoint()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization(policy => policy.RequireRole("crew"));
                    flights.MapGet("/{id}", {|#0:(int id)|} => Results.Ok(new Flight(id)));
                    flights.MapGet("/public", () => Results.Ok()).AllowAnonymous();
            """).Replace("{|#0:(int id)|}", "{|FE0006:{|FE0006:(int id)|}|}"), Endpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization(policy => policy.RequireRole("crew"));
                    flights.MapGet("/{id}", (int id) => Results.Ok(new Flight(id)))
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status401Unauthorized)
                        .ProducesProblem(StatusCodes.Status403Forbidden);
                    flights.MapGet("/public", () => Results.Ok()).AllowAnonymous();
            """));
    }

    [Fact]
    public Task Group_cause_is_named()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var flights = app.MapGroup("/flights").RequireRateLimiting("search");
                    flights.MapGet("/{id}", {|#0:(int id)|} => Results.Ok(new Flight(id))).ProducesProblem(StatusCodes.Status401Unauthorized);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "503 Service Unavailable", ".RequireRateLimiting(\"search\") on its group"));
    }

    [Theory]
    [InlineData(".RequireAuthorization().AllowAnonymous()")]
    [InlineData(".RequireRateLimiting(\"search\").DisableRateLimiting()")]
    [InlineData(".RequireAuthorization().ProducesProblem(401)")]
    public Task Lifted_or_documented_endpoints_stay_silent(string chain)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapGet("/flights/{id}", (int id) => Results.Ok(new Flight(id))){{chain}};
            """));
    }

    [Fact]
    public Task Attributes_on_a_lambda_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", [Microsoft.AspNetCore.Authorization.Authorize(Roles = "crew")] {|#0:(int id)|} => Results.Ok(new Flight(id)));
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "401 Unauthorized", "[Authorize(Roles = \"crew\")] on the handler"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "403 Forbidden", "[Authorize(Roles = \"crew\")] on the handler"));
    }

    // A group handed in from elsewhere may carry what cannot be seen (an AllowAnonymous()): nothing is claimed.
    [Fact]
    public Task A_group_out_of_sight_stays_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(EndpointUsings + """
            public static class FlightEndpoints
            {
                public static void MapFlights(RouteGroupBuilder flights)
                {
                    flights.MapGet("/{id}", (int id) => Results.Ok(new Flight(id))).RequireAuthorization();
                }
            }

            public sealed record Flight(int Id);
            """);
    }
}
