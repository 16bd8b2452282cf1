using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0001 on minimal-API route handlers (issue 4).</summary>
public sealed class FE0001UndocumentedStatusCodeRouteHandlerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;

        """;

    private static string Endpoints(string body, string members = "") => Usings + $$"""
        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app)
            {
        {{body}}
            }
        {{members}}
        }

        public sealed record Flight(int Id);
        """;

    // ---- What fires -------------------------------------------------------------------------------------------

    [Fact]
    public Task Message_names_the_route()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : {|#0:Results.NotFound()|});
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "404 Not Found", ""));
    }

    [Theory]
    [InlineData("MapPost", "Results.Conflict()", "409", "Conflict", "POST /flights/{id}")]
    [InlineData("MapPut", "TypedResults.BadRequest()", "400", "Bad Request", "PUT /flights/{id}")]
    [InlineData("MapPatch", "Results.UnprocessableEntity(new ProblemDetails())", "422", "Unprocessable Content", "PATCH /flights/{id}")]
    [InlineData("MapDelete", "Results.StatusCode(StatusCodes.Status429TooManyRequests)", "429", "Too Many Requests", "DELETE /flights/{id}")]
    [InlineData("MapGet", "Results.Problem(\"no seats\", statusCode: 409)", "409", "Conflict", "GET /flights/{id}")]
    [InlineData("MapGet", "TypedResults.ValidationProblem(new Dictionary<string, string[]>())", "400", "Bad Request", "GET /flights/{id}")]
    [InlineData("MapGet", "Results.Created(\"/flights/1\", new Flight(1))", "201", "Created", "GET /flights/{id}")]
    [InlineData("MapGet", "Results.NoContent()", "204", "No Content", "GET /flights/{id}")]
    public Task Every_verb_and_result_factory(string map, string result, string code, string phrase, string endpoint)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.{{map}}("/flights/{id}", IResult (int id) => id > 0 ? Results.Ok(new Flight(id)) : {|#0:{{result}}|});
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(endpoint, code + " " + phrase, ""));
    }

    // MapMethods names its verbs, written as constants or as HttpMethods fields (issue 14, item 15).
    [Theory]
    [InlineData("new[] { HttpMethods.Options }", "OPTIONS /flights/{id}")]
    [InlineData("new[] { \"OPTIONS\" }", "OPTIONS /flights/{id}")]
    [InlineData("new[] { HttpMethods.Get, \"HEAD\" }", "GET,HEAD /flights/{id}")]
    public Task MapMethods_names_its_verbs(string methods, string endpoint)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints($$"""
                    app.MapMethods("/flights/{id}", {{methods}}, IResult (int id) => id > 0 ? Results.Ok(new Flight(id)) : {|#0:Results.NotFound()|});
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage($"'{endpoint}' can return 404 Not Found, which is not documented"));
    }

    [Fact]
    public Task Method_group_handler_is_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", [|GetFlight|]);
            """, """
                private static IResult GetFlight(int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound();
            """));
    }

    [Fact]
    public Task Block_lambda_with_locals_helpers_and_local_functions()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapPost("/flights/{id}/book", async (int id) =>
                    {
                        await Task.Yield();
                        if (id < 0)
                        {
                            return [|Invalid()|];
                        }

                        IResult result = id == 0 ? [|Errors.Taken()|] : Results.Ok(new Flight(id));
                        return result;

                        static IResult Invalid() => Results.BadRequest(new ProblemDetails());
                    });
            """) + """

            public static class Errors
            {
                public static IResult Taken() => Results.Conflict(new ProblemDetails());
            }
            """);
    }

    [Fact]
    public Task Group_prefixes_make_the_route()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var api = app.MapGroup("/api/");
                    var flights = api.MapGroup("flights");
                    flights.MapDelete("/{id}", (int id) => id > 0 ? Results.NoContent() : {|#0:Results.NotFound()|})
                        .Produces(StatusCodes.Status204NoContent);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DELETE /api/flights/{id}", "404 Not Found", ""));
    }

    [Fact]
    public Task Once_metadata_applies_the_implicit_200_is_gone()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? [|Results.Ok(new Flight(id))|] : Results.NotFound())
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """));
    }

    // ---- What documents a code ----------------------------------------------------------------------------------

    [Fact]
    public Task Produces_calls_on_the_endpoint_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch
                        {
                            0 => Results.NotFound(),
                            1 => Results.BadRequest(new ProblemDetails()),
                            2 => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                            3 => Results.Conflict(),
                            _ => Results.Ok(new Flight(id)),
                        })
                        .WithName("GetFlight")
                        .Produces<Flight>()
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        .ProducesValidationProblem()
                        .Produces(503)
                        .WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status409Conflict));
            """));
    }

    [Fact]
    public Task Calls_on_a_local_holding_the_endpoint_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var get = app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
                    get.Produces<Flight>();
                    get.ProducesProblem(404);
            """));
    }

    [Fact]
    public Task Metadata_on_enclosing_groups_documents()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var api = app.MapGroup("/api").WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status503ServiceUnavailable));
                    var flights = api.MapGroup("/flights");
                    flights.WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status404NotFound));
                    flights.MapGet("/{id}", (int id) => id switch
                    {
                        0 => Results.NotFound(),
                        1 => Results.StatusCode(503),
                        _ => Results.Ok(new Flight(id)),
                    }).Produces<Flight>();
            """));
    }

    [Fact]
    public Task Group_produces_problem_documents_on_aspnet_10()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = Endpoints("""
                    var flights = app.MapGroup("/flights").ProducesProblem(StatusCodes.Status404NotFound);
                    flights.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.Problem(statusCode: 409)|])
                        .Produces<Flight>();
                    flights.MapGet("/{id}/seats", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound())
                        .Produces<int>();
            """),
        }.RunAsync();
    }

    [Fact]
    public Task Results_union_documents_each_member()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<Flight>, NotFound, ProblemHttpResult> (int id) => id switch
                    {
                        0 => TypedResults.NotFound(),
                        1 => {|#0:TypedResults.Problem(statusCode: 409)|},
                        _ => TypedResults.Ok(new Flight(id)),
                    });
                    app.MapGet("/flights/{id}/status", async Task<Results<Ok<string>, NotFound>> (int id) =>
                    {
                        await Task.Yield();
                        return id > 0 ? TypedResults.Ok("on time") : TypedResults.NotFound();
                    });
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}", "409 Conflict", ""));
    }

    [Fact]
    public Task Response_attributes_on_the_handler_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", [ProducesResponseType<Flight>(200)] [ProducesResponseType(404)] (int id) =>
                        id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
                    app.MapGet("/flights/{id}/seats", GetSeats);
            """, """
                /// <response code="200">The seats.</response>
                /// <response code="404">No such flight.</response>
                private static IResult GetSeats(int id) => id > 0 ? Results.Ok(id) : Results.NotFound();
            """));
    }

    // A method handler's XML <response> counts where the OpenAPI generator reads it (issue 14, item 12): not with
    // Microsoft.AspNetCore.OpenApi alone, nor with xml_responses = ignored.
    [Theory]
    [InlineData("", true)]
    [InlineData("ignored", false)]
    public Task Xml_responses_of_a_handler_method_do_not_count_where_the_generator_does_not_read_them(string setting, bool microsoftOpenApi)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Endpoints("""
                    app.MapGet("/flights/{id}/seats", {|#0:GetSeats|});
            """, """
                /// <response code="200">The seats.</response>
                /// <response code="404">No such flight.</response>
                private static IResult GetSeats(int id) => id > 0 ? Results.Ok(id) : Results.NotFound();
            """),
            EditorConfig = setting.Length == 0 ? null : $"{OptionKeys.XmlResponses()} = {setting}",
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}/seats", "404 Not Found", ""),
            },
        };
        if (microsoftOpenApi)
        {
            test.TestState.Sources.Add("namespace Microsoft.AspNetCore.OpenApi { public sealed class OpenApiOptions { } }");
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_convention_helper_in_source_is_read()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .WithFlightErrors();
                    app.MapGet("/flights/{id}/seats", (int id) => id > 0 ? Results.Ok(id) : [|Results.Conflict()|])
                        .WithFlightErrors();
            """, """
                private static RouteHandlerBuilder WithFlightErrors(this RouteHandlerBuilder builder) =>
                    builder.Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
            """));
    }

    [Fact]
    public Task Configured_codes_document()
    {
        return new VerifyCS.Test
        {
            TestCode = Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
            """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = 404",
        }.RunAsync();
    }

    // ---- What stays silent --------------------------------------------------------------------------------------

    // Map and MapFallback answer every HTTP method: no HTTP-method metadata, so ApiExplorer does not describe them.
    [Fact]
    public Task Endpoints_without_http_methods_are_skipped()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.Map("/", () => Results.Redirect("/scalar/v1"));
                    app.Map("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
                    app.MapFallback(() => Results.NotFound());
            """));
    }

    // ApiExplorer ignores MVC's [ApiExplorerSettings] on a route handler: the endpoint stays in the description and
    // in the OpenAPI document (the end-to-end referee's MinimalExcludedFromDescription case), so it is checked.
    [Fact]
    public Task Api_explorer_settings_on_a_route_handler_do_not_hide_it()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/hangars/{id}", [ApiExplorerSettings(IgnoreApi = true)] (int id) => id > 0 ? Results.Ok(id) : {|#0:Results.NotFound()|});
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /hangars/{id}", "404 Not Found", ""));
    }

    [Fact]
    public Task Builders_out_of_sight_and_excluded_endpoints_are_skipped()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .ExcludeFromDescription();
                    app.MapGet("/gates/{id}", [ExcludeFromDescription] (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
            """, """
                public static RouteHandlerBuilder MapStatus(this IEndpointRouteBuilder app) =>
                    app.MapGet("/status/{id}", (int id) => id > 0 ? Results.Ok() : Results.NotFound());

                public static void MapSeats(RouteGroupBuilder flights) =>
                    flights.MapGet("/{id}/seats", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());

                public static void MapOpenApi(IEndpointRouteBuilder app) =>
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound())
                        .WithMetadata(Metadata());

                private static object Metadata() => new ProducesResponseTypeAttribute(404);
            """));
    }

    [Fact]
    public Task Plain_values_and_request_delegates_are_fine()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => new Flight(id));
                    app.MapGet("/flights", () => Task.FromResult(new[] { new Flight(1) }));
                    app.MapGet("/ping", async context =>
                    {
                        context.Response.StatusCode = 404;
                        await context.Response.WriteAsync("gone");
                    });
                    app.MapPost("/flights", (Flight flight) => { });
            """));
    }

    // ---- Review findings (issue 4) --------------------------------------------------------------------------------

    [Fact]
    public Task A_plain_return_type_documents_its_200_itself()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? new Flight(id) : throw new ArgumentException("id"))
                        .ProducesProblem(StatusCodes.Status400BadRequest);
                    app.MapGet("/flights", async () => { await Task.Yield(); return new Flight(1); })
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """));
    }

    [Fact]
    public Task Metadata_out_of_sight_silences_the_rule()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var api = app.MapApi();
                    api.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.Unauthorized()).Produces<int>();
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound())
                        .Produces<int>()
                        .Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeAttribute(404)));
                    Action<RouteHandlerBuilder> document = builder => builder.ProducesProblem(404);
                    document(app.MapGet("/hangars/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound()).Produces<int>());
            """, """
                private static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app) =>
                    app.MapGroup("/api").WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status401Unauthorized));
            """));
    }

    [Fact]
    public Task A_group_held_as_IEndpointRouteBuilder_is_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    IEndpointRouteBuilder flights = app.MapGroup("/flights").WithMetadata(new ProducesResponseTypeAttribute(404));
                    flights.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound()).Produces<int>();
                    flights.MapGet("/{id}/seats", (int id) => id > 0 ? Results.Ok(id) : {|#0:Results.Conflict()|}).Produces<int>();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id}/seats", "409 Conflict", ""));
    }

    // ---- Fixes --------------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_appends_produces_problem_and_keeps_the_implicit_200()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.NotFound()|]);
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    // An error body of the application's own type is documented as sent: .Produces<T>, not .ProducesProblem (issue 15,
    // item 3).
    [Fact]
    public Task Fix_documents_an_own_error_body_with_produces_of_its_type()
    {
        const string error = "\npublic sealed record ErrorResponse(string Code, string Message);\n";
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.BadRequest(new ErrorResponse("bad_id", "Ids are positive."))|])
                        .Produces<Flight>(StatusCodes.Status200OK);
            """) + error, Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.BadRequest(new ErrorResponse("bad_id", "Ids are positive.")))
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
            """) + error, UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_writes_keyword_types()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok(id) : [|Results.NotFound()|])
                        .WithName("GetGate");
            """), Endpoints("""
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound())
                        .WithName("GetGate")
                        .Produces<int>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_keeps_comments_in_the_chain()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => [|Results.NotFound()|], 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .Produces<Flight>() // the flight
                        // conflicts are documented
                        .ProducesProblem(409)
                        // the public name
                        .WithName("GetFlight");
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => Results.NotFound(), 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .Produces<Flight>() // the flight
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        // conflicts are documented
                        .ProducesProblem(409)
                        // the public name
                        .WithName("GetFlight");
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_does_not_name_an_inaccessible_type()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", [|FlightHandlers.Get|]);
            """) + """

            public static class FlightHandlers
            {
                public static IResult Get(int id) => id > 0 ? Results.Ok(new Seat(id)) : Results.NotFound();

                private sealed record Seat(int Number);
            }
            """, Endpoints("""
                    app.MapGet("/flights/{id}", FlightHandlers.Get)
                        .Produces(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """) + """

            public static class FlightHandlers
            {
                public static IResult Get(int id) => id > 0 ? Results.Ok(new Seat(id)) : Results.NotFound();

                private sealed record Seat(int Number);
            }
            """, UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_keeps_one_call_per_line()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapPost("/flights", (Flight flight) => flight.Id switch
                        {
                            0 => [|Results.BadRequest(new ProblemDetails())|],
                            1 => [|Results.Conflict()|],
                            _ => [|Results.Created($"/flights/{flight.Id}", flight)|],
                        })
                        .WithName("CreateFlight")
                        .Produces(StatusCodes.Status200OK);
            """), Endpoints("""
                    app.MapPost("/flights", (Flight flight) => flight.Id switch
                        {
                            0 => Results.BadRequest(new ProblemDetails()),
                            1 => Results.Conflict(),
                            _ => Results.Created($"/flights/{flight.Id}", flight),
                        })
                        .WithName("CreateFlight")
                        .Produces(StatusCodes.Status200OK)
                        .Produces<Flight>(StatusCodes.Status201Created)
                        .ProducesProblem(StatusCodes.Status400BadRequest)
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_on_a_method_handler_and_a_stored_builder()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    var get = app.MapGet("/flights/{id}", [|GetFlight|])
                        .WithName("GetFlight");
                    get.Produces<Flight>();
            """, """
                private static IResult GetFlight(int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound();
            """), Endpoints("""
                    var get = app.MapGet("/flights/{id}", GetFlight)
                        .WithName("GetFlight")
                        .ProducesProblem(StatusCodes.Status404NotFound);
                    get.Produces<Flight>();
            """, """
                private static IResult GetFlight(int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound();
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_all_documents_every_code_of_every_endpoint()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => [|Results.NotFound()|], 1 => [|Results.StatusCode(429)|], _ => Results.NoContent() })
                        .Produces(StatusCodes.Status204NoContent);
                    app.MapDelete("/flights/{id}", (int id) => id > 0 ? [|Results.NoContent()|] : [|Results.Conflict()|]);
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => Results.NotFound(), 1 => Results.StatusCode(429), _ => Results.NoContent() })
                        .Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        .ProducesProblem(StatusCodes.Status429TooManyRequests);
                    app.MapDelete("/flights/{id}", (int id) => id > 0 ? Results.NoContent() : Results.Conflict())
                        .Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public async Task Fix_all_documents_actions_and_route_handlers_together()
    {
        // dotnet format starts Fix All from the first diagnostic's key, whichever form it belongs to; one at a time,
        // each key documents only the form it belongs to.
        const string Controller = """

            [ApiController]
            public sealed class GatesController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|NotFound()|];
            }
            """;
        const string FixedController = """

            [ApiController]
            public sealed class GatesController : ControllerBase
            {
                [ProducesResponseType(200)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
            }
            """;
        var endpoints = Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.NotFound()|]);
            """);
        var source = endpoints + Controller;
        var fixedEndpoints = Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """);
        var batchFixed = fixedEndpoints + FixedController;
        await VerifyCS.VerifyCodeFixAsync(source, endpoints + FixedController, batchFixed, UndocumentedStatusCodeCodeFix.DocumentOneKey);
        await VerifyCS.VerifyCodeFixAsync(source, fixedEndpoints + Controller, batchFixed, UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task Fix_adds_the_typed_result_to_the_union()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<Flight>, ProblemHttpResult> (int id) => id switch
                    {
                        0 => [|TypedResults.Problem(statusCode: StatusCodes.Status404NotFound)|],
                        1 => [|TypedResults.Problem(statusCode: StatusCodes.Status409Conflict)|],
                        _ => TypedResults.Ok(new Flight(id)),
                    });
            """), Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<Flight>, ProblemHttpResult, NotFound, Conflict> (int id) => id switch
                    {
                        0 => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound),
                        1 => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict),
                        _ => TypedResults.Ok(new Flight(id)),
                    });
            """), UndocumentedStatusCodeCodeFix.AddToUnionKey);
    }

    [Fact]
    public Task Union_fix_on_a_method_handler_and_the_chain_alternative()
    {
        var source = Endpoints("""
                    app.MapGet("/flights/{id}", [|GetFlight|]);
            """, """
                private static async Task<Results<Ok<Flight>, ProblemHttpResult>> GetFlight(int id)
                {
                    await Task.Yield();
                    return id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.Problem(statusCode: 404);
                }
            """);
        return Task.WhenAll(
            VerifyCS.VerifyCodeFixAsync(source, Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight);
            """, """
                private static async Task<Results<Ok<Flight>, ProblemHttpResult, NotFound>> GetFlight(int id)
                {
                    await Task.Yield();
                    return id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.Problem(statusCode: 404);
                }
            """), UndocumentedStatusCodeCodeFix.AddToUnionKey),
            VerifyCS.VerifyCodeFixAsync(source, Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight).ProducesProblem(StatusCodes.Status404NotFound);
            """, """
                private static async Task<Results<Ok<Flight>, ProblemHttpResult>> GetFlight(int id)
                {
                    await Task.Yield();
                    return id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.Problem(statusCode: 404);
                }
            """), UndocumentedStatusCodeCodeFix.AppendOneKey));
    }

    [Fact]
    public Task Handler_whose_return_type_does_not_bind_is_not_reported()
    {
        // Half-typed code (issue 6): what the unbound Results<...> documents cannot be read, so nothing is reported
        // and no union fix that would change nothing is offered.
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", GetFlight);
            """, """
                private static async {|CS0246:Tusk<Results<Ok<Flight>, ProblemHttpResult, NotFound>>|} GetFlight(int id)
                {
                    await Task.Yield();
                    return id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.Problem(statusCode: 404);
                }
            """));
    }

    [Fact]
    public Task Full_union_gets_no_union_fix()
    {
        var source = Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<Flight>, ProblemHttpResult, BadRequest, Conflict, Accepted, Created> (int id) =>
                        id > 0 ? TypedResults.Ok(new Flight(id)) : [|TypedResults.Problem(statusCode: 404)|]);
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source, UndocumentedStatusCodeCodeFix.AddToUnionKey);
    }
}
