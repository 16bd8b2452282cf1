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
                [HttpDelete("{id:int}")]
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
                [HttpDelete("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpDelete("{id:int}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult [|DeleteFlight|](int id) => NoContent();
            """).Replace("[|DeleteFlight|]", "{|FE0006:{|FE0006:DeleteFlight|}|}"), Controller("""
                [HttpDelete("{id:int}")]
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
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);

                [HttpDelete("{id:int}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#1:Delete|}(int id) => NoContent();
            """, "\n[Authorize]"),
            FixedCode = Controller("""
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);

                [HttpDelete("{id:int}")]
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
                [HttpGet("{id:int}")]
                public ActionResult<Flight> {|FE0006:Get|}(int id) => new Flight(id);
            """, "\n[Authorize]"), Controller("""
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
                {{actionAttributes}}
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """, controllerAttribute));
    }

    [Fact]
    public Task Documented_codes_stay_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id:int}")]
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
                [HttpDelete("{id:int}")]
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
                [HttpGet("{id:int}")]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """));
    }

    // A cookie challenge redirects to a login page rather than answering 401.
    [Fact]
    public Task A_scheme_whose_challenge_redirects_stays_silent()
    {
        var test = new VerifyCS.Test { TestCode = Controller("""
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                [HttpGet("{id:int}")]
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
                    app.MapDelete("/flights/{id:int}", {|#0:(int id)|} => Results.NoContent())
                        .RequireAuthorization("operations");
            """).Replace("{|#0:(int id)|}", "{|FE0006:{|FE0006:(int id)|}|}"), Endpoints("""
                    app.MapDelete("/flights/{id:int}", (int id) => Results.NoContent())
                        .RequireAuthorization("operations")
                        .ProducesProblem(StatusCodes.Status401Unauthorized)
                        .ProducesProblem(StatusCodes.Status403Forbidden);
            """));
    }

    [Fact]
    public Task Message_names_the_route_and_the_call()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|#0:(int id)|} => Results.Ok(new Flight(id))).RequireAuthorization();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'GET /flights/{id:int}' can answer 401 Unauthorized (.RequireAuthorization() on the endpoint), which is not documented"));
    }

    [Fact]
    public Task RequireAuthorization_on_a_group_is_documented_on_each_endpoint()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization(policy => policy.RequireRole("crew"));
                    flights.MapGet("/{id:int}", {|#0:(int id)|} => Results.Ok(new Flight(id)));
                    flights.MapGet("/public", () => Results.Ok()).AllowAnonymous();
            """).Replace("{|#0:(int id)|}", "{|FE0006:{|FE0006:(int id)|}|}"), Endpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization(policy => policy.RequireRole("crew"));
                    flights.MapGet("/{id:int}", (int id) => Results.Ok(new Flight(id)))
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
                    flights.MapGet("/{id:int}", {|#0:(int id)|} => Results.Ok(new Flight(id))).ProducesProblem(StatusCodes.Status401Unauthorized);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "503 Service Unavailable", ".RequireRateLimiting(\"search\") on its group"));
    }

    // ---- A group's cause, documented on the group (issue 17, item 2) -------------------------------------------------

    private static string GroupEndpoints(string body) => "using Microsoft.AspNetCore.Http.HttpResults;\n" + Endpoints(body);

    /// <summary>Asserts that each offered action names the group it documents the code on.</summary>
    private static System.Action<Microsoft.CodeAnalysis.CodeActions.CodeAction, Microsoft.CodeAnalysis.Testing.IVerifier> TitleNames(string where) =>
        (action, verifier) => verifier.True(action.Title.EndsWith(where, System.StringComparison.Ordinal), $"'{action.Title}' does not end with '{where}'");

    // Every endpoint declares its own responses (a plain return type, a typed result union, .Produces on an IResult): a
    // group's .ProducesProblem takes no implicit 200 and documents the code once.
    [Fact]
    public Task A_group_cause_is_documented_on_the_group_when_every_endpoint_declares_its_responses()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.MapGet("/find/{id:int}", Results<Ok<Flight>, NotFound> {|FE0006:(int id)|} => id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.NotFound());
                    flights.MapDelete("/{id:int}", {|FE0006:(int id)|} => Results.NoContent()).Produces(StatusCodes.Status204NoContent);
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
                    flights.MapGet("/{id:int}", (int id) => new Flight(id));
                    flights.MapGet("/find/{id:int}", Results<Ok<Flight>, NotFound> (int id) => id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.NotFound());
                    flights.MapDelete("/{id:int}", (int id) => Results.NoContent()).Produces(StatusCodes.Status204NoContent);
            """),
            CodeActionVerifier = TitleNames(" on group 'flights'"),
        }.RunAsync();
    }

    // A group held in no local is named by its prefix, and the code goes before the Map* call its chain ends in.
    [Fact]
    public Task A_group_in_no_local_is_documented_in_its_chain()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    app.MapGroup("/flights").RequireAuthorization().MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
            """),
            FixedCode = GroupEndpoints("""
                    app.MapGroup("/flights").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized).MapGet("/{id:int}", (int id) => new Flight(id));
            """),
            CodeActionVerifier = TitleNames(" on group '/flights'"),
        }.RunAsync();
    }

    // ASP.NET Core 8's ProducesProblem takes only an endpoint's builder: the same group is documented on each endpoint.
    [Fact]
    public Task A_group_cause_is_documented_on_each_endpoint_on_ASP_NET_Core_8()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet80],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.MapDelete("/{id:int}", {|FE0006:(int id)|} => Results.NoContent()).Produces(StatusCodes.Status204NoContent);
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", (int id) => new Flight(id)).ProducesProblem(StatusCodes.Status401Unauthorized);
                    flights.MapDelete("/{id:int}", (int id) => Results.NoContent()).Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status401Unauthorized);
            """),
        }.RunAsync();
    }

    // An endpoint returning a plain IResult is described with an implicit 200 only while it has no response metadata:
    // the group's .ProducesProblem would take it away, so each endpoint is documented, that one keeping its 200.
    [Fact]
    public Task A_group_cause_is_documented_on_each_endpoint_when_one_relies_on_the_implicit_200()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.MapGet("/", {|FE0006:()|} => Results.Ok(new Flight(1)));
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", (int id) => new Flight(id)).ProducesProblem(StatusCodes.Status401Unauthorized);
                    flights.MapGet("/", () => Results.Ok(new Flight(1)))
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status401Unauthorized);
            """),
            CodeActionVerifier = TitleNames("Document status code 401"),
        }.RunAsync();
    }

    // A group's .ProducesProblem(401) would document 401 on an anonymous endpoint too, which never answers it.
    [Theory]
    [InlineData(".AllowAnonymous()", "")]
    [InlineData("", "[Microsoft.AspNetCore.Authorization.AllowAnonymous] ")]
    public Task A_group_cause_is_documented_on_each_endpoint_when_one_is_anonymous(string chain, string attribute)
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints($$"""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.MapGet("/public", {{attribute}}() => new Flight(0)){{chain}};
            """),
            FixedCode = GroupEndpoints($$"""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", (int id) => new Flight(id)).ProducesProblem(StatusCodes.Status401Unauthorized);
                    flights.MapGet("/public", {{attribute}}() => new Flight(0)){{chain}};
            """),
        }.RunAsync();
    }

    // The limiter's cause applied by a statement of its own: the code goes on that statement.
    [Fact]
    public Task A_limiter_applied_to_the_group_by_a_statement_is_documented_there()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights");
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.RequireRateLimiting("search");
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights");
                    flights.MapGet("/{id:int}", (int id) => new Flight(id));
                    flights.RequireRateLimiting("search").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
            """),
            CodeActionVerifier = TitleNames(" on group 'flights'"),
        }.RunAsync();
    }

    // An endpoint that disables the limiter never answers its 503: the group's limiter is documented on each endpoint.
    [Fact]
    public Task A_group_limiter_is_documented_on_each_endpoint_when_one_disables_it()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights");
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    flights.RequireRateLimiting("search");
                    flights.MapGet("/public", () => new Flight(0)).DisableRateLimiting();
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights");
                    flights.MapGet("/{id:int}", (int id) => new Flight(id)).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
                    flights.RequireRateLimiting("search");
                    flights.MapGet("/public", () => new Flight(0)).DisableRateLimiting();
            """),
        }.RunAsync();
    }

    // Two codes over several endpoints: one pass of Fix All writes each code once, on the group, in status order.
    [Fact]
    public Task Fix_All_documents_each_code_of_a_group_once()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization("operations");
                    flights.MapGet("/{id:int}", {|FE0006:{|FE0006:(int id)|}|} => new Flight(id));
                    flights.MapGet("/", {|FE0006:{|FE0006:()|}|} => TypedResults.Ok(new[] { new Flight(1) }));
                    flights.MapDelete("/{id:int}", {|FE0006:{|FE0006:(int id)|}|} => TypedResults.NoContent());
            """),
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization("operations")
                        .ProducesProblem(StatusCodes.Status401Unauthorized)
                        .ProducesProblem(StatusCodes.Status403Forbidden);
                    flights.MapGet("/{id:int}", (int id) => new Flight(id));
                    flights.MapGet("/", () => TypedResults.Ok(new[] { new Flight(1) }));
                    flights.MapDelete("/{id:int}", (int id) => TypedResults.NoContent());
            """),
            CodeActionVerifier = TitleNames(" on group 'flights'"),
        }.RunAsync();
    }

    // A nested group's endpoints get the outer group's metadata too: they are checked with the outer group's own.
    [Fact]
    public Task A_nested_groups_endpoints_are_checked_too()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var api = app.MapGroup("/api").RequireAuthorization();
                    api.MapGet("/status", {|FE0006:()|} => "up");
                    var flights = api.MapGroup("/flights");
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
            """),
            FixedCode = GroupEndpoints("""
                    var api = app.MapGroup("/api").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
                    api.MapGet("/status", () => "up");
                    var flights = api.MapGroup("/flights");
                    flights.MapGet("/{id:int}", (int id) => new Flight(id));
            """),
            CodeActionVerifier = TitleNames(" on group 'api'"),
        }.RunAsync();
    }

    [Fact]
    public Task A_nested_group_endpoint_that_relies_on_the_implicit_200_keeps_the_fix_on_each_endpoint()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var api = app.MapGroup("/api").RequireAuthorization();
                    api.MapGet("/status", {|FE0006:()|} => "up");
                    var flights = api.MapGroup("/flights");
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => Results.Ok(new Flight(id)));
            """),
            FixedCode = GroupEndpoints("""
                    var api = app.MapGroup("/api").RequireAuthorization();
                    api.MapGet("/status", () => "up").ProducesProblem(StatusCodes.Status401Unauthorized);
                    var flights = api.MapGroup("/flights");
                    flights.MapGet("/{id:int}", (int id) => Results.Ok(new Flight(id)))
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status401Unauthorized);
            """),
        }.RunAsync();
    }

    // Endpoints mapped where the fix cannot see them (a method the group is handed to) may rely on their implicit 200.
    private const string More = """

        public static class More
        {
            public static void Map(RouteGroupBuilder group) => group.MapGet("/", () => Results.Ok());
        }
        """;

    [Fact]
    public Task A_group_handed_to_another_method_is_documented_on_each_endpoint()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => new Flight(id));
                    More.Map(flights);
            """) + More,
            FixedCode = GroupEndpoints("""
                    var flights = app.MapGroup("/flights").RequireAuthorization();
                    flights.MapGet("/{id:int}", (int id) => new Flight(id)).ProducesProblem(StatusCodes.Status401Unauthorized);
                    More.Map(flights);
            """) + More,
        }.RunAsync();
    }

    [Theory]
    [InlineData(".RequireAuthorization().AllowAnonymous()")]
    [InlineData(".RequireRateLimiting(\"search\").DisableRateLimiting()")]
    [InlineData(".RequireAuthorization().ProducesProblem(401)")]
    public Task Lifted_or_documented_endpoints_stay_silent(string chain)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapGet("/flights/{id:int}", (int id) => Results.Ok(new Flight(id))){{chain}};
            """));
    }

    [Fact]
    public Task Attributes_on_a_lambda_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", [Microsoft.AspNetCore.Authorization.Authorize(Roles = "crew")] {|#0:(int id)|} => Results.Ok(new Flight(id)));
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "401 Unauthorized", "[Authorize(Roles = \"crew\")] on the handler"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "403 Forbidden", "[Authorize(Roles = \"crew\")] on the handler"));
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
                    flights.MapGet("/{id:int}", (int id) => Results.Ok(new Flight(id))).RequireAuthorization();
                }
            }

            public sealed record Flight(int Id);
            """);
    }

    // ---- Reading the request: 400 and 415 -------------------------------------------------------------------------

    [Fact]
    public Task An_unconstrained_route_value_that_can_fail_to_parse_answers_400_under_ApiController()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """).Replace("{|#0:Get|}", "{|FE0006:Get|}"), Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """));
    }

    [Fact]
    public Task The_400_message_names_the_parameter()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("search")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Search|}(string? origin, int page) => new Flight(page);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Search' can answer 400 Bad Request ([ApiController] model validation of the query value 'page' as int), which is not documented"));
    }

    // A constrained route value that does not parse matches no route (404); a string never fails to parse; a nullable
    // string may be missing; a value type missing from the query keeps its default.
    [Theory]
    [InlineData("[HttpGet(\"{id:int}\")]", "int id")]
    [InlineData("[HttpGet(\"{id:guid}\")]", "System.Guid id")]
    [InlineData("[HttpGet(\"{code}\")]", "string code")]
    [InlineData("[HttpGet]", "string? code")]
    [InlineData("[HttpGet]", "string code = \"LHR\"")]
    [InlineData("[HttpGet]", "[FromServices] Flight flight")]
    [InlineData("[HttpGet]", "System.Threading.CancellationToken cancellationToken")]
    public Task Parameters_that_cannot_fail_to_bind_stay_silent(string route, string parameter)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                {{route}}
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get({{parameter}}) => new Flight(1);
            """));
    }

    [Fact]
    public Task A_required_string_from_the_query_answers_400()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Search|}(string origin) => new Flight(1);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Search", "400 Bad Request", "[ApiController] model validation of the required query value 'origin'"));
    }

    [Fact]
    public Task A_validation_attribute_answers_400()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Search|}([System.ComponentModel.DataAnnotations.StringLength(3)] string? origin) => new Flight(1);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Search", "400 Bad Request", "[ApiController] model validation of [StringLength] on 'origin'"));
    }

    [Fact]
    public Task A_JSON_body_answers_400_and_415_and_the_fix_documents_both()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public ActionResult<Flight> {|#0:Create|}(Flight flight) => Created("", flight);
            """).Replace("{|#0:Create|}", "{|FE0006:{|FE0006:Create|}|}"), Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
                [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
                public ActionResult<Flight> Create(Flight flight) => Created("", flight);
            """));
    }

    [Fact]
    public Task The_415_message_names_the_body()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType(StatusCodes.Status400BadRequest)]
                public ActionResult<Flight> {|#0:Create|}(Flight flight) => Created("", flight);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Create' can answer 415 Unsupported Media Type (the JSON body 'flight' in another content type), which is not documented"));
    }

    // With the filter suppressed the action sees invalid model state itself: no automatic 400; the 415 stays.
    [Fact]
    public Task SuppressModelStateInvalidFilter_lifts_the_400()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public ActionResult<Flight> {|#0:Create|}(Flight flight) => Created("", flight);
            """),
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddControllers().ConfigureApiBehaviorOptions(options => options.SuppressModelStateInvalidFilter = true);
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Create", "415 Unsupported Media Type", "the JSON body 'flight' in another content type"));
        return test.RunAsync();
    }

    [Fact]
    public Task SuppressImplicitRequiredAttribute_lifts_the_required_string()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Search(string origin) => new Flight(1);
            """),
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddControllers(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
            """));
        return test.RunAsync();
    }

    // A complex type registered as a service is resolved from the services, not read from the body.
    [Fact]
    public Task A_registered_service_is_not_a_body()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public ActionResult<Flight> Create(FlightStore store) => Created("", new Flight(1));
            """) + """

                public sealed class FlightStore;
                """,
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddSingleton<FlightStore>();
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Consumes_on_the_controller_is_documented_on_the_controller()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpPost("{id:int}/cancel")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#0:Cancel|}(int id) => NoContent();
            """, "\n[Consumes(\"application/json\")]"),
            FixedCode = Controller("""
                [HttpPost("{id:int}/cancel")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult Cancel(int id) => NoContent();
            """, "\n[Consumes(\"application/json\")]\n[ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]"),
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Cancel", "415 Unsupported Media Type", "[Consumes(\"application/json\")] on FlightsController"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_minimal_API_route_value_that_can_fail_to_parse_answers_400()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapDelete("/flights/{id}", {|#0:(int id)|} => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent);
            """).Replace("{|#0:(int id)|}", "{|FE0006:(int id)|}"), Endpoints("""
                    app.MapDelete("/flights/{id}", (int id) => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """));
    }

    [Theory]
    [InlineData("(int page)", "binding the query value 'page' as int")]
    [InlineData("(int? page)", "binding the query value 'page' as int?")]
    [InlineData("(string origin)", "binding the required query value 'origin'")]
    [InlineData("([Microsoft.AspNetCore.Mvc.FromHeader(Name = \"X-Page\")] int page)", "binding the header 'page' as int")]
    public Task Minimal_API_values_that_can_fail_to_bind_answer_400(string parameters, string cause)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapGet("/flights", {|#0:{{parameters}}|} => Results.NoContent()).Produces(StatusCodes.Status204NoContent);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights", "400 Bad Request", cause));
    }

    [Theory]
    [InlineData("/flights/{id:int}", "(int id)")]
    [InlineData("/flights/{code}", "(string code)")]
    [InlineData("/flights", "(string? origin)")]
    [InlineData("/flights", "(HttpContext context, System.Threading.CancellationToken cancellationToken)")]
    [InlineData("/flights", "(Flight flight)")] // a GET infers no body: a complex type is a service
    public Task Minimal_API_values_that_cannot_fail_to_bind_stay_silent(string route, string parameters)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapGet("{{route}}", {{parameters}} => Results.NoContent()).Produces(StatusCodes.Status204NoContent);
            """));
    }

    [Fact]
    public Task A_minimal_API_JSON_body_answers_400_and_415()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapPost("/flights", {|#0:(Flight flight)|} => Results.Created("", flight))
                        .Produces<Flight>(StatusCodes.Status201Created);
            """).Replace("{|#0:(Flight flight)|}", "{|FE0006:{|FE0006:(Flight flight)|}|}"), Endpoints("""
                    app.MapPost("/flights", (Flight flight) => Results.Created("", flight))
                        .Produces<Flight>(StatusCodes.Status201Created)
                        .ProducesProblem(StatusCodes.Status400BadRequest)
                        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
            """));
    }

    [Fact]
    public Task A_minimal_API_body_message_names_the_parameter()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapPut("/flights/{code}", {|#0:(string code, Flight flight)|} => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'PUT /flights/{code}' can answer 400 Bad Request (binding the JSON body 'flight'), which is not documented"));
    }

    [Fact]
    public Task A_registered_service_in_a_minimal_API_handler_is_not_a_body()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Endpoints("""
                    app.MapPost("/flights/{code}/board", (string code, FlightStore store) => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent);
            """) + """

                public sealed class FlightStore;
                """,
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddSingleton(typeof(FlightStore));
            """));
        return test.RunAsync();
    }

    // .NET 10's validation answers 400 for a validation attribute.
    [Fact]
    public Task AddValidation_checks_validation_attributes()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Endpoints("""
                    app.MapGet("/flights", {|#0:([System.ComponentModel.DataAnnotations.StringLength(3)] string? origin)|} => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent);
            """),
            ReferenceSets = [ReferenceSets.AspNet100],
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddValidation();
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights", "400 Bad Request", "AddValidation() checking [StringLength] on 'origin'"));
        return test.RunAsync();
    }

    // Without AddValidation() nothing checks the attribute of a route handler's parameter.
    [Fact]
    public Task Validation_attributes_without_AddValidation_stay_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights", ([System.ComponentModel.DataAnnotations.StringLength(3)] string? origin) => Results.NoContent())
                        .Produces(StatusCodes.Status204NoContent);
            """));
    }

    // The action answers 400 itself too: its 400 is not only the framework's, so the fix writes no body type for it.
    [Fact]
    public Task A_400_the_action_returns_too_is_documented_with_the_usual_error_type()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
                public ActionResult<Flight> {|FE0006:Create|}(Flight flight) => flight.Id < 0 ? BadRequest() : Created("", flight);
            """), Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType(StatusCodes.Status400BadRequest)]
                [ProducesResponseType(StatusCodes.Status415UnsupportedMediaType)]
                public ActionResult<Flight> Create(Flight flight) => flight.Id < 0 ? BadRequest() : Created("", flight);
            """));
    }

    // ---- Action filters that short-circuit ------------------------------------------------------------------------

    private const string ModelStateFilter = """

        public sealed class ValidateModelFilter : Microsoft.AspNetCore.Mvc.Filters.IActionFilter
        {
            public void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
            {
                if (!context.ModelState.IsValid)
                {
                    context.Result = new UnprocessableEntityObjectResult(context.ModelState);
                }
            }

            public void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext context)
            {
            }
        }
        """;

    [Fact]
    public Task A_global_model_state_filter_answers_422_when_the_automatic_400_is_suppressed()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """) + ModelStateFilter,
            FixedCode = Controller("""
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """) + ModelStateFilter,
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddControllers(options => options.Filters.Add<ValidateModelFilter>())
                        .ConfigureApiBehaviorOptions(options => options.SuppressModelStateInvalidFilter = true);
            """));
        test.FixedState.Sources.Add(Setup("""
                    services.AddControllers(options => options.Filters.Add<ValidateModelFilter>())
                        .ConfigureApiBehaviorOptions(options => options.SuppressModelStateInvalidFilter = true);
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "422 Unprocessable Content", "ValidateModelFilter, a global action filter"));
        return test.RunAsync();
    }

    // Under [ApiController] the framework's own model-state filter answers 400 first: the 422 never comes.
    [Fact]
    public Task A_model_state_filter_behind_the_automatic_400_stays_silent()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Get(int id) => new Flight(id);
            """) + ModelStateFilter,
        };
        test.TestState.Sources.Add(Setup("""
                    services.AddControllers(options => options.Filters.Add(new ValidateModelFilter()));
            """));
        return test.RunAsync();
    }

    private const string TenantFilter = """

        public sealed class RequireTenantAttribute : Microsoft.AspNetCore.Mvc.Filters.ActionFilterAttribute
        {
            public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
            {
                if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
                {
                    context.Result = new BadRequestObjectResult("X-Tenant is required.");
                }
            }
        }
        """;

    [Fact]
    public Task A_filter_attribute_on_the_controller_answers_for_its_actions()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id:int}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);
            """, "\n[RequireTenant]") + TenantFilter,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "400 Bad Request", "[RequireTenant] on FlightsController"));
    }

    [Fact]
    public Task A_service_filter_on_the_action_answers_for_it()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id:int}")]
                [ServiceFilter(typeof(RequireTenantAttribute))]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> {|#0:Get|}(int id) => new Flight(id);

                [HttpGet("{id:int}/crew")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> Crew(int id) => new Flight(id);
            """) + TenantFilter,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "400 Bad Request", "[ServiceFilter(typeof(RequireTenantAttribute))] on 'Get'"));
    }

    // ---- Codes the OpenAPI setup adds (stand-ins of the same shape as Microsoft.AspNetCore.OpenApi's and
    // Swashbuckle's types: the rule reads the setup's syntax) ---------------------------------------------------------

    private const string OpenApiStandIns = """

        namespace Microsoft.OpenApi
        {
            public sealed class OpenApiResponse { public string? Description { get; set; } }
            public sealed class OpenApiOperation { public System.Collections.Generic.Dictionary<string, OpenApiResponse>? Responses { get; set; } }
        }

        namespace Microsoft.AspNetCore.OpenApi
        {
            public interface IOpenApiOperationTransformer
            {
                System.Threading.Tasks.Task TransformAsync(Microsoft.OpenApi.OpenApiOperation operation, object context, System.Threading.CancellationToken cancellationToken);
            }
        }

        namespace Swashbuckle.AspNetCore.Filters
        {
            public sealed class SecurityRequirementsOperationFilter
            {
                public SecurityRequirementsOperationFilter(bool includeUnauthorizedAndForbiddenResponses = true) { }
            }

            public sealed class SwaggerGenOptions
            {
                public void OperationFilter<TFilter>(params object[] arguments) { }
            }
        }
        """;

    [Fact]
    public Task An_operation_transformer_that_adds_the_code_documents_it()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id:int}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#0:DeleteFlight|}(int id) => NoContent();
            """) + OpenApiStandIns + """

            public sealed class UnauthorizedResponses : Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer
            {
                public System.Threading.Tasks.Task TransformAsync(Microsoft.OpenApi.OpenApiOperation operation, object context, System.Threading.CancellationToken cancellationToken)
                {
                    operation.Responses ??= new();
                    operation.Responses["401"] = new Microsoft.OpenApi.OpenApiResponse { Description = "Unauthorized" };
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DeleteFlight", "403 Forbidden", "[Authorize(Policy = \"operations\")] on 'DeleteFlight'"));
    }

    [Theory]
    [InlineData("options.OperationFilter<SecurityRequirementsOperationFilter>();", false)]
    [InlineData("options.OperationFilter<SecurityRequirementsOperationFilter>(true);", false)]
    [InlineData("options.OperationFilter<SecurityRequirementsOperationFilter>(false);", true)]
    public Task Swashbuckles_security_requirements_filter_documents_401_and_403(string registration, bool reported)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                [HttpDelete("{id:int}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult {|#0:DeleteFlight|}(int id) => NoContent();
            """) + OpenApiStandIns + $$"""

            public static class Swagger
            {
                public static void Configure(Swashbuckle.AspNetCore.Filters.SwaggerGenOptions options)
                {
                    {{registration.Replace("SecurityRequirementsOperationFilter", "Swashbuckle.AspNetCore.Filters.SecurityRequirementsOperationFilter")}}
                }
            }
            """,
        };
        if (reported)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("DeleteFlight", "401 Unauthorized", "[Authorize(Policy = \"operations\")] on 'DeleteFlight'"));
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("DeleteFlight", "403 Forbidden", "[Authorize(Policy = \"operations\")] on 'DeleteFlight'"));
        }

        return test.RunAsync();
    }

    // ---- Endpoints that return nothing themselves (issue 17) -----------------------------------------------------

    private const string Fleet = """

        public static class Fleet
        {
            public static void Remove(int id) { }

            public static System.Threading.Tasks.Task RemoveAsync(int id) => System.Threading.Tasks.Task.Delay(id);
        }
        """;

    // Conduit's deletes: nothing the action returns says what it answers, yet the authorization middleware answers 401.
    [Theory]
    [InlineData("public void {|#0:Delete|}(int id) => Fleet.Remove(id);")]
    [InlineData("public void {|#0:Delete|}(int id) { }")]
    [InlineData("public async System.Threading.Tasks.Task {|#0:Delete|}(int id) => await Fleet.RemoveAsync(id);")]
    [InlineData("public System.Threading.Tasks.Task {|#0:Delete|}(int id) => Fleet.RemoveAsync(id);")]
    [InlineData("public System.Threading.Tasks.ValueTask {|#0:Delete|}(int id) => new(Fleet.RemoveAsync(id));")]
    public Task An_action_that_returns_nothing_is_checked(string action)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                [HttpDelete("{id:int}")]
                [Authorize]
                {{action}}
            """) + Fleet,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "401 Unauthorized", "[Authorize] on 'Delete'"));
    }

    [Fact]
    public Task A_route_handler_that_returns_nothing_is_checked()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapDelete("/flights/{id:int}", {|#0:(int id)|} => Fleet.Remove(id)).RequireAuthorization();
                    app.MapPost("/flights/{id:int}/board", async {|#1:(int id)|} => await Fleet.RemoveAsync(id)).RequireAuthorization();
            """) + Fleet,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DELETE /flights/{id:int}", "401 Unauthorized", ".RequireAuthorization() on the endpoint"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("POST /flights/{id:int}/board", "401 Unauthorized", ".RequireAuthorization() on the endpoint"));
    }

    [Fact]
    public Task An_anonymous_or_documented_action_that_returns_nothing_stays_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id:int}")]
                public void Delete(int id) => Fleet.Remove(id);

                [HttpPost("{id:int}/board")]
                [Authorize]
                [AllowAnonymous]
                public System.Threading.Tasks.Task Board(int id) => Fleet.RemoveAsync(id);

                [HttpPost("{id:int}/cancel")]
                [Authorize]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public async System.Threading.Tasks.Task Cancel(int id) => await Fleet.RemoveAsync(id);
            """) + Fleet);
    }

    // ApiExplorer describes an action that returns nothing, and has no response metadata, with an implicit "200 OK"; a
    // [ProducesResponseType] takes it away (checked against ASP.NET Core 10's ApiExplorer), so the fix keeps it.
    [Fact]
    public Task The_fix_keeps_the_implicit_200_of_an_action_that_returns_nothing()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpDelete("{id:int}")]
                [Authorize]
                public async System.Threading.Tasks.Task [|Delete|](int id) => await Fleet.RemoveAsync(id);
            """) + Fleet, Controller("""
                [HttpDelete("{id:int}")]
                [Authorize]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public async System.Threading.Tasks.Task Delete(int id) => await Fleet.RemoveAsync(id);
            """) + Fleet);
    }

    // Two codes, one 200: each fix and Fix All write it once.
    [Fact]
    public Task The_fix_keeps_the_implicit_200_once_for_two_codes()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpDelete("{id:int}")]
                [Authorize(Policy = "operations")]
                public void {|FE0006:{|FE0006:Delete|}|}(int id) => Fleet.Remove(id);
            """) + Fleet, Controller("""
                [HttpDelete("{id:int}")]
                [Authorize(Policy = "operations")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                [ProducesResponseType(StatusCodes.Status403Forbidden)]
                public void Delete(int id) => Fleet.Remove(id);
            """) + Fleet);
    }

    [Fact]
    public Task The_fix_keeps_the_implicit_200_of_a_route_handler_that_returns_nothing()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapDelete("/flights/{id:int}", [|(int id)|] => Fleet.Remove(id))
                        .RequireAuthorization();
            """) + Fleet, Endpoints("""
                    app.MapDelete("/flights/{id:int}", (int id) => Fleet.Remove(id))
                        .RequireAuthorization()
                        .Produces(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status401Unauthorized);
            """) + Fleet);
    }

    // A controller's cause on an action that returns nothing and declares no response: a class-level attribute would take
    // the action's implicit 200, so the fix documents the action, with its 200.
    [Fact]
    public Task A_controller_cause_is_documented_on_an_action_that_returns_nothing()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpDelete("{id:int}")]
                public void [|Delete|](int id) => Fleet.Remove(id);
            """, "\n[Authorize]") + Fleet, Controller("""
                [HttpDelete("{id:int}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public void Delete(int id) => Fleet.Remove(id);
            """, "\n[Authorize]") + Fleet);
    }

    // Half-typed code: the return type or the call does not bind yet.
    [Fact]
    public Task An_action_that_returns_nothing_in_half_typed_code_does_not_crash()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id:int}")]
                [Authorize]
                public void {|#0:Delete|}(int id) => Fleet.{|CS0117:Remov|}(id);

                [HttpDelete("all")]
                [Authorize]
                public {|CS0246:Taskk|} DeleteAll() => Fleet.RemoveAsync(0);
            """) + Fleet,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "401 Unauthorized", "[Authorize] on 'Delete'"));
    }

    // ---- 415 outside [ApiController] ---------------------------------------------------------------------------

    private static string MvcController(string members) => Usings + $$"""
        [Route("flights")]
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """ + Model;

    private const string AllControllers = "flight_errors.controller_scope = all";

    // MVC's global unsupported-content-type filter answers 415 for a [FromBody] parameter of any controller (Conduit's six;
    // checked on ASP.NET Core 10: a text/plain body, a form, or none at all). Nothing answers 400: invalid JSON leaves
    // invalid model state for the action.
    [Fact]
    public Task FromBody_outside_ApiController_answers_415()
    {
        var test = new VerifyCS.Test
        {
            TestCode = MvcController("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public IActionResult {|#0:Create|}([FromBody] Flight flight, int page) => Created("", flight);
            """),
            EditorConfig = AllControllers,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Create", "415 Unsupported Media Type", "the JSON body 'flight' in another content type"));
        return test.RunAsync();
    }

    // Typed as every error outside [ApiController] is (see "How to fix" in docs/rules/FE0006.md).
    [Fact]
    public Task The_fix_documents_415_outside_ApiController()
    {
        var test = new VerifyCS.Test
        {
            TestCode = MvcController("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public IActionResult [|Create|]([FromBody] Flight flight) => Created("", flight);
            """),
            FixedCode = MvcController("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
                public IActionResult Create([FromBody] Flight flight) => Created("", flight);
            """),
            EditorConfig = AllControllers,
        };
        return test.RunAsync();
    }

    // Without [ApiController] a complex type without [FromBody] binds from the form and the query (checked on ASP.NET
    // Core 10: a text/plain request reaches the action), and the default scope leaves such controllers alone.
    [Theory]
    [InlineData(AllControllers, "public IActionResult Create(Flight flight) => Created(\"\", flight);")]
    [InlineData(AllControllers, "public IActionResult Create(int id, string code) => Created(\"\", new Flight(id));")]
    [InlineData("", "public IActionResult Create([FromBody] Flight flight) => Created(\"\", flight);")]
    public Task No_415_outside_ApiController_without_FromBody_or_in_the_default_scope(string editorConfig, string action)
    {
        return new VerifyCS.Test
        {
            TestCode = MvcController($$"""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                {{action}}
            """),
            EditorConfig = editorConfig,
        }.RunAsync();
    }

    // The content-type constraint applies to any controller (checked on ASP.NET Core 10: text/plain answered 415).
    [Fact]
    public Task Consumes_outside_ApiController_answers_415()
    {
        var test = new VerifyCS.Test
        {
            TestCode = MvcController("""
                [HttpPost]
                [Consumes("application/json")]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public IActionResult {|#0:Create|}(Flight flight) => Created("", flight);
            """),
            EditorConfig = AllControllers,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Create", "415 Unsupported Media Type", "[Consumes(\"application/json\")] on 'Create'"));
        return test.RunAsync();
    }
}
