using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsAnalyzer,
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0003ErrorBodyNotProblemDetailsTests
{
    private static string Controller(string members, string attributes = "[ApiController]") => $$"""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed record FlightError(string Code, string Reason);

        {{attributes}}
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """;

    // A result whose status can take several codes is one body (issue 14, item 9): reported once, with its first
    // error code, and not rewritten, since the rewrite would write one code for all of them.
    [Fact]
    public Task A_body_whose_status_can_take_several_codes_is_reported_once_without_a_fix()
    {
        var source = Controller("""
                [HttpGet]
                public IActionResult Get(bool timeout)
                {
                    var status = timeout ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable;
                    return {|#0:StatusCode(status, "The upstream did not answer.")|};
                }
            """);
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "504 Gateway Timeout", "a string body") },
        }.RunAsync();
    }

    // A lambda whose result is thrown away makes no response (issue 14, item 5).
    [Fact]
    public Task A_discarded_lambda_is_not_reported_and_a_returned_one_is()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                public IActionResult Get(int id)
                {
                    Func<int, IActionResult> validate = x => BadRequest("Ids are positive.");
                    _ = validate(id);
                    Func<IActionResult> reject = () => {|#0:BadRequest("Ids are positive.")|};
                    return id > 0 ? Ok() : reject();
                }
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "400 Bad Request", "a string body"));
    }

    // A handler mapped on a group passed to another method is named by its full route when every call in the file
    // passes a group with the same prefix (issue 14, item 15).
    [Fact]
    public Task A_handler_on_a_group_passed_in_is_named_by_its_full_route()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Endpoints("""
                    var flights = app.MapGroup("/api/flights");
                    MapSeats(flights);
                    flights.MapBaggage();
            """, """
                private static void MapSeats(RouteGroupBuilder group) =>
                    group.MapGet("/{id}/seats", (int id) => id > 0 ? Results.Ok(id) : {|#0:Results.BadRequest("bad id")|});

                private static void MapBaggage(this RouteGroupBuilder group) =>
                    group.MapGet("/{id}/baggage", (int id) => id > 0 ? Results.Ok(id) : {|#1:Results.BadRequest("bad id")|});

                private static void MapCrew(RouteGroupBuilder group) =>
                    group.MapGet("/{id}/crew", (int id) => id > 0 ? Results.Ok(id) : {|#2:Results.BadRequest("bad id")|});

                public static void MapEverywhere(IEndpointRouteBuilder app)
                {
                    MapCrew(app.MapGroup("/a"));
                    MapCrew(app.MapGroup("/b"));
                }
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /api/flights/{id}/seats", "400 Bad Request", "a string body"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("GET /api/flights/{id}/baggage", "400 Bad Request", "a string body"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("GET /{id}/crew", "400 Bad Request", "a string body"));
    }

    // A body whose type does not bind yet could be Problem Details once written (issue 14, item 11): not reported,
    // while the string body beside it is.
    [Fact]
    public Task A_body_of_a_type_that_does_not_bind_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                public IActionResult Get(int id)
                {
                    if (id == 0)
                    {
                        return NotFound(new {|CS0246:FlightProblem|}("no such flight"));
                    }

                    return id > 0 ? Ok() : {|#0:BadRequest("Ids are positive.")|};
                }
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "400 Bad Request", "a string body"));
    }

    // Found by the end-to-end sample (issue 5): parameter attributes are operation blocks that may come first.
    [Fact]
    public Task Actions_with_attributed_parameters_are_read()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                public IActionResult Search([FromQuery(Name = "from")] string? origin, int page = 1) =>
                    origin is { Length: 3 } ? Ok(page) : {|#0:BadRequest("Airport codes have three letters.")|};
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Search", "400 Bad Request", "a string body"));
    }

    // A code without a registered reason phrase prints alone, with no stray space (issue 14, item 13).
    [Fact]
    public Task Message_prints_a_code_without_a_reason_phrase_cleanly()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public IActionResult Brew(int id) => id > 0 ? Ok() : {|#0:StatusCode(499, "Client closed the request.")|};
            """), VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Brew' returns 499 with a string body, which is not Problem Details"));
    }

    [Theory]
    [InlineData("BadRequest(\"bad building code\")", "400", "Bad Request", "a string body")]
    [InlineData("NotFound(new { error = \"no such flight\" })", "404", "Not Found", "an anonymous object body")]
    [InlineData("Conflict(new FlightError(\"F1\", \"taken\"))", "409", "Conflict", "a 'FlightError' body")]
    [InlineData("BadRequest(ModelState)", "400", "Bad Request", "a ModelStateDictionary body (written as SerializableError)")]
    [InlineData("StatusCode(409, \"taken\")", "409", "Conflict", "a string body")]
    [InlineData("new ObjectResult(\"x\") { StatusCode = 400 }", "400", "Bad Request", "a string body")]
    [InlineData("new JsonResult(new { message = \"gone\" }) { StatusCode = 404 }", "404", "Not Found", "an anonymous object body")]
    [InlineData("new ContentResult { StatusCode = 422, Content = \"bad\" }", "422", "Unprocessable Content", "a string body")]
    public Task Error_bodies_that_are_not_problem_details_are_reported(string expression, string code, string phrase, string body)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                public IActionResult Get(int id) => id > 0 ? Ok("fine") : {|#0:{{expression}}|};
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", code + " " + phrase, body));
    }

    [Fact]
    public Task Problem_details_and_mapped_bodyless_errors_are_fine()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public IActionResult Get(int id, object payload) => id switch
                {
                    0 => NotFound(),
                    1 => StatusCode(409),
                    2 => Problem("no seats", statusCode: 409),
                    3 => ValidationProblem(ModelState),
                    4 => BadRequest(new ProblemDetails { Title = "bad" }),
                    5 => Forbid(),
                    6 => BadRequest(payload),
                    _ => Ok("fine"),
                };
            """));
    }

    [Fact]
    public Task Bodyless_errors_fire_when_client_error_mapping_is_suppressed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public IActionResult Get(int id) => id > 0 ? Ok("fine") : [|NotFound()|];

                public static void Configure(ApiBehaviorOptions options) => options.SuppressMapClientErrors = true;
            """));
    }

    [Fact]
    public Task String_body_becomes_problem_detail()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get(string code) => code.Length == 3 ? Ok(code) : [|BadRequest("bad building code")|];

                public IActionResult Put(int id) => [|NotFound(new { error = $"no flight {id}" })|];
            """), Controller("""
                public IActionResult Get(string code) => code.Length == 3 ? Ok(code) : Problem(detail: "bad building code", statusCode: StatusCodes.Status400BadRequest);

                public IActionResult Put(int id) => Problem(detail: $"no flight {id}", statusCode: StatusCodes.Status404NotFound);
            """));
    }

    [Fact]
    public Task Model_state_becomes_validation_problem()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Post() => ModelState.IsValid ? Ok("fine") : [|BadRequest(ModelState)|];

                public IActionResult Put() => [|UnprocessableEntity(ModelState)|];
            """), Controller("""
                public IActionResult Post() => ModelState.IsValid ? Ok("fine") : ValidationProblem(ModelState);

                public IActionResult Put() => ValidationProblem(statusCode: StatusCodes.Status422UnprocessableEntity, modelStateDictionary: ModelState);
            """));
    }

    // A DTO created in place maps onto Problem Details (FE0003ErrorBodyNotProblemDetailsDtoTests); one that arrives
    // from elsewhere shows nothing of what it carries, so it has no fix.
    [Fact]
    public Task Dto_from_elsewhere_has_no_fix()
    {
        var source = Controller("""
                public IActionResult Get(FlightError error) => [|Conflict(error)|];
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Fix_all_rewrites_every_error_body()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get(int id) => id switch { 0 => [|NotFound("none")|], 1 => [|Conflict("taken")|], _ => Ok("fine") };
            """), Controller("""
                public IActionResult Get(int id) => id switch { 0 => Problem(detail: "none", statusCode: StatusCodes.Status404NotFound), 1 => Problem(detail: "taken", statusCode: StatusCodes.Status409Conflict), _ => Ok("fine") };
            """));
    }

    // dotnet format runs Fix All with the key of the first diagnostic it meets (issue 5): whichever kind starts it,
    // every error body is rewritten in one pass.
    [Fact]
    public async Task Fix_all_rewrites_text_and_field_error_bodies_together()
    {
        var source = Controller("""
                public IActionResult Get(int id) => id switch { 0 => [|BadRequest("bad building code")|], 1 => [|BadRequest(ModelState)|], _ => Ok("fine") };
            """);
        var batchFixed = Controller("""
                public IActionResult Get(int id) => id switch { 0 => Problem(detail: "bad building code", statusCode: StatusCodes.Status400BadRequest), 1 => ValidationProblem(ModelState), _ => Ok("fine") };
            """);

        // One at a time, a key fixes only the bodies it applies to; Fix All started from either fixes both.
        await VerifyCS.VerifyCodeFixAsync(source, Controller("""
                public IActionResult Get(int id) => id switch { 0 => Problem(detail: "bad building code", statusCode: StatusCodes.Status400BadRequest), 1 => [|BadRequest(ModelState)|], _ => Ok("fine") };
            """), batchFixed, ErrorBodyNotProblemDetailsCodeFix.UseProblemKey);
        await VerifyCS.VerifyCodeFixAsync(source, Controller("""
                public IActionResult Get(int id) => id switch { 0 => [|BadRequest("bad building code")|], 1 => ValidationProblem(ModelState), _ => Ok("fine") };
            """), batchFixed, ErrorBodyNotProblemDetailsCodeFix.UseValidationProblemKey);
    }

    [Fact]
    public Task Bodyless_error_becomes_problem_when_mapping_is_suppressed()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                public IActionResult Get(int id) => id > 0 ? Ok("fine") : [|NotFound()|];

                public static void Configure(ApiBehaviorOptions options) => options.SuppressMapClientErrors = true;
            """), Controller("""
                public IActionResult Get(int id) => id > 0 ? Ok("fine") : Problem(statusCode: StatusCodes.Status404NotFound);

                public static void Configure(ApiBehaviorOptions options) => options.SuppressMapClientErrors = true;
            """));
    }

    // ---- Minimal APIs (issue 4) ---------------------------------------------------------------------------------

    private static string Endpoints(string body, string members = "") => $$"""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;

        public sealed record FlightError(string Code, string Reason);

        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app)
            {
        {{body}}
            }
        {{members}}
        }
        """;

    // A minimal API's bodyless error names its one-line cure (issue 14, item 16).
    private const string MinimalApiEmptyBody = "an empty body (AddProblemDetails() with UseStatusCodePages() would write Problem Details for it)";

    [Theory]
    [InlineData("Results.BadRequest(\"bad building code\")", "400", "Bad Request", "a string body")]
    [InlineData("TypedResults.Conflict(new FlightError(\"F1\", \"taken\"))", "409", "Conflict", "a 'FlightError' body")]
    [InlineData("Results.NotFound()", "404", "Not Found", MinimalApiEmptyBody)]
    [InlineData("Results.StatusCode(409)", "409", "Conflict", MinimalApiEmptyBody)]
    [InlineData("TypedResults.Conflict()", "409", "Conflict", MinimalApiEmptyBody)]
    [InlineData("Results.UnprocessableEntity(new Dictionary<string, string[]> { [\"code\"] = [\"bad\"] })", "422", "Unprocessable Content", "a field-error dictionary body")]
    [InlineData("Results.Json(new { error = \"gone\" }, statusCode: 404)", "404", "Not Found", "an anonymous object body")]
    public Task Route_handler_error_bodies_are_reported(string expression, string code, string phrase, string body)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok("fine") : {|#0:{{expression}}|});
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", code + " " + phrase, body));
    }

    // Left out of the API description, the endpoint still answers: its error bodies are still checked (issue 14).
    [Fact]
    public Task Endpoints_left_out_of_the_api_description_are_still_checked()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.Map("/legacy/{id}", (int id) => id > 0 ? Results.Ok("fine") : {|#0:Results.BadRequest("bad id")|});
                    app.MapGet("/hidden/{id}", [ApiExplorerSettings(IgnoreApi = true)] (int id) => id > 0 ? Results.Ok("fine") : {|#1:Results.BadRequest("bad id")|});
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'/legacy/{id}' returns 400 Bad Request with a string body, which is not Problem Details"),
            VerifyCS.Diagnostic().WithLocation(1).WithMessage("'GET /hidden/{id}' returns 400 Bad Request with a string body, which is not Problem Details"));
    }

    [Fact]
    public Task Route_handler_problem_details_and_auth_results_are_fine()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch
                    {
                        0 => Results.Problem("no seats", statusCode: 409),
                        1 => Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["too small"] }),
                        2 => Results.BadRequest(new ProblemDetails { Title = "bad" }),
                        3 => Results.Unauthorized(),
                        4 => Results.Forbid(),
                        _ => Results.Ok("fine"),
                    });
            """));
    }

    [Fact]
    public Task Bodyless_results_are_fine_when_status_code_pages_write_problem_details()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok("fine") : Results.NotFound());
            """, """
                public static void Configure(WebApplicationBuilder builder, WebApplication app)
                {
                    Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions.AddProblemDetails(builder.Services);
                    app.UseStatusCodePages();
                }
            """));
    }

    // One change to the application makes every bodyless error Problem Details (issue 15, item 1): where the host is in
    // the compilation and can be edited, the fix adds the missing pipeline, and Fix All applies it once, whichever fix
    // started it, instead of rewriting each handler.
    [Theory]
    [InlineData(ErrorBodyNotProblemDetailsCodeFix.CompletePipelineKey)]
    [InlineData(ErrorBodyNotProblemDetailsCodeFix.UseProblemKey)]
    public Task Bodyless_errors_get_the_application_level_fix_where_the_host_is_in_sight(string startedWith)
    {
        const string usings = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.Extensions.DependencyInjection;

            """;
        var source = usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/flights/{id}", Results<Ok<int>, NotFound> (int id) => id > 0 ? TypedResults.Ok(id) : [|TypedResults.NotFound()|]);
            app.MapDelete("/flights/{id}", (int id) => id > 0 ? Results.NoContent() : [|Results.NotFound()|]);
            app.Run();
            """;
        var fixedSource = usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapGet("/flights/{id}", Results<Ok<int>, NotFound> (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.NotFound());
            app.MapDelete("/flights/{id}", (int id) => id > 0 ? Results.NoContent() : Results.NotFound());
            app.Run();
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            FixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            BatchFixedState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            BatchFixedCode = fixedSource,
            CodeActionEquivalenceKey = startedWith,
        };
        if (startedWith == ErrorBodyNotProblemDetailsCodeFix.CompletePipelineKey)
        {
            test.FixedCode = fixedSource;
        }
        else
        {
            // One at a time, each handler is rewritten on its own.
            test.FixedCode = usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/flights/{id}", Results<Ok<int>, ProblemHttpResult> (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
                    .ProducesProblem(StatusCodes.Status404NotFound);
                app.MapDelete("/flights/{id}", (int id) => id > 0 ? Results.NoContent() : Results.Problem(statusCode: StatusCodes.Status404NotFound));
                app.Run();
                """;
        }

        return test.RunAsync();
    }

    // ---- flight_errors.status_code_pages (issue 14, item 18) ------------------------------------------------------

    private const string HostConfiguration = """
            public static void Configure(WebApplicationBuilder builder, WebApplication app)
            {
                Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions.AddProblemDetails(builder.Services);
                app.UseStatusCodePages();
            }
        """;

    private const string BodylessHandler = """
                app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok("fine") : {|#0:Results.NotFound()|});
        """;

    // A class library maps endpoints; its host, which calls AddProblemDetails() and UseStatusCodePages(), is elsewhere.
    [Theory]
    [InlineData("enabled")]
    [InlineData("Enabled")]
    [InlineData(" enabled ")]
    public Task Status_code_pages_enabled_makes_bodyless_errors_fine_without_a_host_in_the_compilation(string value)
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler.Replace("{|#0:", "").Replace("|}", "")),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = {value}",
        }.RunAsync();
    }

    [Fact]
    public Task Status_code_pages_enabled_also_covers_controllers_without_client_error_mapping()
    {
        return new VerifyCS.Test
        {
            TestCode = Controller("""
                    public IActionResult Get(int id) => id > 0 ? Ok("fine") : NotFound();
                """, attributes: ""),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = enabled\n{OptionKeys.ControllerScope()} = all",
        }.RunAsync();
    }

    // The host's calls may sit in the compilation and still not be the host's configuration (a test host, a sample).
    [Fact]
    public Task Status_code_pages_disabled_reports_bodyless_errors_even_when_the_compilation_configures_them()
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler, HostConfiguration),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = disabled",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "404 Not Found", MinimalApiEmptyBody) },
        }.RunAsync();
    }

    // Disabled says what the status code pages do, nothing more: [ApiController]'s client-error mapping still writes
    // Problem Details for NotFound().
    [Fact]
    public Task Status_code_pages_disabled_keeps_client_error_mapping()
    {
        return new VerifyCS.Test
        {
            TestCode = Controller("""
                    public IActionResult Get(int id) => id > 0 ? Ok("fine") : NotFound();
                """),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = disabled",
        }.RunAsync();
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("")]
    public Task Status_code_pages_auto_reports_bodyless_errors_when_the_compilation_does_not_configure_them(string value)
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = {value}",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "404 Not Found", MinimalApiEmptyBody) },
        }.RunAsync();
    }

    [Fact]
    public Task Status_code_pages_auto_finds_the_configuration_in_the_compilation()
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler.Replace("{|#0:", "").Replace("|}", ""), HostConfiguration),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = auto",
        }.RunAsync();
    }

    // An invalid value falls back to auto.
    [Fact]
    public Task Status_code_pages_invalid_value_falls_back_to_auto()
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = sometimes",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "404 Not Found", MinimalApiEmptyBody) },
        }.RunAsync();
    }

    [Fact]
    public Task Status_code_pages_rule_option_overrides_the_general_one()
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints(BodylessHandler.Replace("{|#0:", "").Replace("|}", "")),
            EditorConfig = $"{OptionKeys.StatusCodePages()} = disabled\n{OptionKeys.StatusCodePages(DiagnosticIds.ErrorBodyNotProblemDetails)} = enabled",
        }.RunAsync();
    }

    // Read per file, as the .editorconfig sections match: Test1.cs's endpoints have a host that writes Problem Details,
    // Test0.cs's do not.
    [Fact]
    public Task Status_code_pages_apply_per_file()
    {
        var test = new VerifyCS.Test
        {
            EditorConfig = $"{OptionKeys.StatusCodePages()} = disabled\n\n[Test1.cs]\n{OptionKeys.StatusCodePages()} = enabled",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "404 Not Found", MinimalApiEmptyBody) },
        };
        test.TestState.Sources.Add(Endpoints(BodylessHandler));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;

            public static class GateEndpoints
            {
                public static void MapGates(this IEndpointRouteBuilder app) =>
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok("fine") : Results.NotFound());
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Status_code_pages_are_found_across_the_scan_s_chunk_boundary()
    {
        // The application scan reads each file in chunks of 8,192 characters (issue 6) and parses only a file that
        // mentions a configuration call: a mention that straddles two chunks is still found, so the bodyless 404 below
        // is not reported. The other call is in another file, so the straddling name is that file's only mention.
        const string Marker = "/*PADDING*/";
        var startup = """
            using Microsoft.AspNetCore.Builder;

            public static class Startup
            {
                public static void Configure(WebApplication app)
                {
                    /*PADDING*/app.UseStatusCodePages();
                }
            }
            """;
        var at = startup.Replace(Marker, "").IndexOf("UseStatusCodePages", System.StringComparison.Ordinal);
        startup = startup.Replace(Marker, "/*" + new string('x', 8192 - 9 - at - 4) + "*/");
        Assert.Equal(8192 - 9, startup.IndexOf("UseStatusCodePages", System.StringComparison.Ordinal));

        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok("fine") : Results.NotFound());
            """, """
                public static void Services(WebApplicationBuilder builder) =>
                    Microsoft.Extensions.DependencyInjection.ProblemDetailsServiceCollectionExtensions.AddProblemDetails(builder.Services);
            """));
        test.TestState.Sources.Add(startup);
        return test.RunAsync();
    }

    [Fact]
    public Task Method_handlers_helpers_and_filters_are_reported_where_they_produce()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight)
                        .AddEndpointFilter(async (context, next) =>
                            context.GetArgument<int>(0) < 0 ? {|#1:Results.BadRequest("negative id")|} : await next(context));
            """, """
                private static IResult GetFlight(int id) => id > 0 ? Results.Ok("fine") : Missing(id);

                private static IResult Missing(int id) => {|#0:TypedResults.NotFound($"no flight {id}")|};
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Missing", "404 Not Found", "a string body"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("MapFlights", "400 Bad Request", "a string body"));
    }

    [Fact]
    public Task Route_handler_fix_keeps_the_factory_in_use()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{code}", (string code) => code.Length == 3 ? Results.Ok(code) : [|Results.BadRequest("bad building code")|]);
                    app.MapGet("/gates/{id}", (int id) => [|TypedResults.NotFound(new { error = $"no gate {id}" })|]);
                    app.MapGet("/hangars/{id}", IResult (int id) => id > 0 ? TypedResults.Ok(id) : [|TypedResults.Conflict()|]);
            """), Endpoints("""
                    app.MapGet("/flights/{code}", (string code) => code.Length == 3 ? Results.Ok(code) : Results.Problem(detail: "bad building code", statusCode: StatusCodes.Status400BadRequest));
                    app.MapGet("/gates/{id}", (int id) => TypedResults.Problem(detail: $"no gate {id}", statusCode: StatusCodes.Status404NotFound));
                    app.MapGet("/hangars/{id}", IResult (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict));
            """));
    }

    [Fact]
    public Task Field_error_dictionaries_become_validation_problems()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapPost("/flights", (string code) =>
                    {
                        var errors = new Dictionary<string, string[]> { ["code"] = ["unknown airport"] };
                        return code.Length == 3 ? Results.Ok(code) : [|Results.BadRequest(errors)|];
                    });
                    app.MapPut("/flights/{id}", (int id) => [|TypedResults.BadRequest(new Dictionary<string, string[]> { ["id"] = ["no such flight"] })|]);
                    app.MapPatch("/flights/{id}", (int id) => [|Results.UnprocessableEntity(new Dictionary<string, string[]> { ["id"] = ["locked"] })|]);
            """), Endpoints("""
                    app.MapPost("/flights", (string code) =>
                    {
                        var errors = new Dictionary<string, string[]> { ["code"] = ["unknown airport"] };
                        return code.Length == 3 ? Results.Ok(code) : Results.ValidationProblem(errors);
                    });
                    app.MapPut("/flights/{id}", (int id) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["no such flight"] }));
                    app.MapPatch("/flights/{id}", (int id) => Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["locked"] }, statusCode: StatusCodes.Status422UnprocessableEntity));
            """));
    }

    // Issue 15 gave this shape a fix: the union gains ProblemHttpResult and loses BadRequest<string>.
    [Fact]
    public Task Typed_union_without_problem_member_gains_it()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<int>, BadRequest<string>> (int id) => id > 0 ? TypedResults.Ok(id) : [|TypedResults.BadRequest("bad id")|]);
            """), Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<int>, ProblemHttpResult> (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(detail: "bad id", statusCode: StatusCodes.Status400BadRequest))
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """));
    }

    [Fact]
    public Task A_typed_result_assigned_to_a_local_of_its_own_type_has_no_fix()
    {
        var source = Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<int>, NotFound> (int id) =>
                    {
                        NotFound missing = [|TypedResults.NotFound()|];
                        return id > 0 ? TypedResults.Ok(id) : missing;
                    });
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // The usual minimal-API shape (issue 15): a handler declared Results<Ok<T>, NotFound, …> that returns a bodyless
    // TypedResults error. The rewrite adds ProblemHttpResult to the union and drops the member no path returns any more.
    [Fact]
    public Task A_typed_result_in_a_results_union_becomes_problem_and_the_union_follows()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/hangars/{id}", Results<Ok<int>, NotFound> (int id) => id > 0 ? TypedResults.Ok(id) : [|TypedResults.NotFound()|]);
            """), Endpoints("""
                    app.MapGet("/hangars/{id}", Results<Ok<int>, ProblemHttpResult> (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """), ErrorBodyNotProblemDetailsCodeFix.UseProblemKey);
    }

    // The declaration follows the body (issue 15, item 3): a `.Produces(404)` that said the error had no body becomes
    // `.ProducesProblem(404)` in the same fix; other codes' calls stay as they are.
    [Fact]
    public Task The_chains_produces_call_for_the_code_becomes_produces_problem()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : [|Results.NotFound()|])
                        .Produces<int>(StatusCodes.Status200OK)
                        .Produces(StatusCodes.Status404NotFound, contentType: "text/plain")
                        .WithName("GetFlight");
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.Problem(statusCode: StatusCodes.Status404NotFound))
                        .Produces<int>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        .WithName("GetFlight");
            """), ErrorBodyNotProblemDetailsCodeFix.UseProblemKey);
    }

    [Fact]
    public Task Fix_all_rewrites_every_member_of_a_method_handlers_union_in_one_pass()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight);
            """, """
                private static async System.Threading.Tasks.Task<Results<Ok<int>, NotFound, BadRequest>> GetFlight(int id)
                {
                    await System.Threading.Tasks.Task.Yield();
                    if (id < 0)
                    {
                        return [|TypedResults.BadRequest()|];
                    }

                    return id == 0 ? [|TypedResults.NotFound()|] : id > 100 ? [|TypedResults.NotFound()|] : TypedResults.Ok(id);
                }
            """), Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight);
            """, """
                private static async System.Threading.Tasks.Task<Results<Ok<int>, ProblemHttpResult>> GetFlight(int id)
                {
                    await System.Threading.Tasks.Task.Yield();
                    if (id < 0)
                    {
                        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest);
                    }

                    return id == 0 ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound) : id > 100 ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(id);
                }
            """), ErrorBodyNotProblemDetailsCodeFix.UseProblemKey);
    }

    [Fact]
    public Task Typed_delegate_lambda_has_no_fix()
    {
        var source = Endpoints("""
                    System.Func<BadRequest<string>> invalid = () => [|TypedResults.BadRequest("bad")|];
                    app.MapGet("/invalid", () => invalid());
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Read_only_dictionary_has_no_validation_fix_on_aspnet_8()
    {
        var source = Endpoints("""
                    app.MapPost("/flights", IResult (string code) =>
                    {
                        IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]> { ["code"] = ["unknown"] };
                        return [|Results.BadRequest(errors)|];
                    });
            """);
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet80],
            TestCode = source,
            FixedCode = source,
        }.RunAsync();
    }
}
