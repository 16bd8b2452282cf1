using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsAnalyzer,
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>
/// FE0003's fix for an error DTO (issue 15, items 3 and 4): what the DTO carries becomes Problem Details — a message
/// <c>detail</c>, a title <c>title</c>, an error code the extension <c>code</c>, other simple members camel-cased
/// extensions — and the declarations that named the DTO for that code follow.
/// </summary>
public sealed class FE0003ErrorBodyNotProblemDetailsDtoTests
{
    private const string Dtos = """
        public sealed record ErrorResponse(string Code, string Message);
        public sealed record Notice(string Title, string Message);
        public sealed record Flight(int Id);
        """;

    private static string Controller(string members, string attributes = "[ApiController]", string usings = "", string types = "") => $$"""
        using System;
        {{usings}}using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        {{Dtos}}{{types}}

        {{attributes}}
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """;

    private static string Endpoints(string body, string usings = "") => $$"""
        using System;
        {{usings}}using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Routing;

        {{Dtos}}

        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app)
            {
        {{body}}
            }
        }
        """;

    private const string Generic = "using System.Collections.Generic;\n";

    // The example. ASP.NET Core 10's controller Problem(...) takes extensions, and its factory fills in `type`
    // and `traceId`.
    [Fact]
    public Task Controller_dto_becomes_problem_with_extensions_on_aspnet_10()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = Controller("""
                    [HttpPut("{id}")]
                    public IActionResult Put(int id, Flight flight) =>
                        id == flight.Id ? Ok(flight) : [|BadRequest(new ErrorResponse("id_mismatch", "The id in the route does not match the body."))|];
                """),
            FixedCode = Controller("""
                    [HttpPut("{id}")]
                    public IActionResult Put(int id, Flight flight) =>
                        id == flight.Id ? Ok(flight) : Problem(detail: "The id in the route does not match the body.", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = "id_mismatch" });
                """, usings: Generic),
            CodeActionEquivalenceKey = ErrorBodyNotProblemDetailsCodeFix.MapToProblemKey,
        }.RunAsync();
    }

    // ASP.NET Core 8's controller Problem(...) has no extensions: the helper keeps its status and takes a ProblemDetails.
    [Fact]
    public Task Controller_dto_becomes_a_problem_details_body_on_aspnet_8()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet80],
            TestCode = Controller("""
                    [HttpPut("{id}")]
                    public IActionResult Put(int id, Flight flight) =>
                        id == flight.Id ? Ok(flight) : [|BadRequest(new ErrorResponse("id_mismatch", "The id in the route does not match the body."))|];
                """),
            FixedCode = Controller("""
                    [HttpPut("{id}")]
                    public IActionResult Put(int id, Flight flight) =>
                        id == flight.Id ? Ok(flight) : BadRequest(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = "The id in the route does not match the body.", Extensions = { ["code"] = "id_mismatch" } });
                """),
        }.RunAsync();
    }

    // Without extensions, both versions write Problem(...).
    [Fact]
    public Task Controller_dto_without_extensions_becomes_problem_on_every_version()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : [|Conflict(new Notice("Gate closed", $"Flight {id} has left the gate."))|];
                """), Controller("""
                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : Problem(detail: $"Flight {id} has left the gate.", statusCode: StatusCodes.Status409Conflict, title: "Gate closed");
                """));
    }

    // Under [ApiController] a 4xx declared without a type is described as ProblemDetails, so the type goes; both forms
    // of the attribute follow, and the other codes' attributes stay.
    [Fact]
    public Task The_actions_attributes_for_the_dto_follow_under_api_controller()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    [ProducesResponseType<Notice>(StatusCodes.Status404NotFound)]
                    [ProducesResponseType(typeof(Notice), 409)]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => [|NotFound(new Notice("No flight", "There is no flight 0."))|],
                        < 0 => [|Conflict(new Notice("Bad id", "Ids are positive."))|],
                        _ => Ok(new Flight(id)),
                    };
                """), Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    [ProducesResponseType(409)]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => Problem(detail: "There is no flight 0.", statusCode: StatusCodes.Status404NotFound, title: "No flight"),
                        < 0 => Problem(detail: "Ids are positive.", statusCode: StatusCodes.Status409Conflict, title: "Bad id"),
                        _ => Ok(new Flight(id)),
                    };
                """));
    }

    // Outside [ApiController] nothing implies Problem Details: the attribute names it.
    [Fact]
    public Task The_actions_attributes_for_the_dto_name_problem_details_outside_api_controllers()
    {
        return new VerifyCS.Test
        {
            TestCode = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Notice>(StatusCodes.Status404NotFound)]
                    [ProducesResponseType(typeof(Notice), StatusCodes.Status500InternalServerError)]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => [|NotFound(new Notice("No flight", "There is no flight 0."))|],
                        < 0 => [|StatusCode(500, new Notice("Broken", "The store is down."))|],
                        _ => Ok(new Flight(id)),
                    };
                """, attributes: ""),
            FixedCode = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
                    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status500InternalServerError)]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => Problem(detail: "There is no flight 0.", statusCode: StatusCodes.Status404NotFound, title: "No flight"),
                        < 0 => Problem(detail: "The store is down.", statusCode: StatusCodes.Status500InternalServerError, title: "Broken"),
                        _ => Ok(new Flight(id)),
                    };
                """, attributes: ""),
            EditorConfig = $"{OptionKeys.ControllerScope()} = all",
        }.RunAsync();
    }

    // A path the fix cannot rewrite (the DTO comes from a local) still sends the DTO with that code: the declaration
    // stays true to it.
    [Fact]
    public Task A_declaration_stays_while_another_path_still_sends_the_dto()
    {
        var source = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Notice>(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id)
                    {
                        var gone = new Notice("Gone", "The flight was cancelled.");
                        return id switch
                        {
                            0 => [|NotFound(new Notice("No flight", "There is no flight 0."))|],
                            < 0 => [|NotFound(gone)|],
                            _ => Ok(new Flight(id)),
                        };
                    }
                """);
        var fixedSource = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Notice>(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id)
                    {
                        var gone = new Notice("Gone", "The flight was cancelled.");
                        return id switch
                        {
                            0 => Problem(detail: "There is no flight 0.", statusCode: StatusCodes.Status404NotFound, title: "No flight"),
                            < 0 => [|NotFound(gone)|],
                            _ => Ok(new Flight(id)),
                        };
                    }
                """);
        return VerifyCS.VerifyCodeFixAsync(source, fixedSource, fixedSource, ErrorBodyNotProblemDetailsCodeFix.MapToProblemKey);
    }

    [Fact]
    public Task A_dto_passed_in_has_no_fix()
    {
        var source = Controller("""
                    [HttpPost]
                    public IActionResult Post(ErrorResponse error) => [|BadRequest(error)|];
                """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // A nested object or a collection has no Problem Details member to go to without changing its shape.
    [Fact]
    public Task A_dto_with_a_member_that_does_not_map_has_no_fix()
    {
        var source = Controller("""
                    [HttpGet]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => [|BadRequest(new Envelope("bad", new Flight(id)))|],
                        1 => [|BadRequest(new Errors("bad", new[] { "id" }))|],
                        _ => Ok(id),
                    };
                """, types: """

            public sealed record Envelope(string Message, Flight Flight);
            public sealed record Errors(string Message, string[] Fields);
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // A class's constructor may do anything with its arguments; a member left to its initial value is not in sight.
    [Fact]
    public Task A_class_dto_needs_every_member_in_its_object_initializer()
    {
        var source = Controller("""
                    [HttpGet]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => [|BadRequest(new ApiError("F1") { Message = "bad" })|],
                        1 => [|BadRequest(new ApiError { Message = "bad" })|],
                        _ => Ok(id),
                    };
                """, types: """

            public sealed class ApiError
            {
                public ApiError() { }
                public ApiError(string code) => Code = code;
                public string Code { get; init; } = "unknown";
                public string Message { get; init; } = "";
            }
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // A class with an object initializer: every simple member maps, in the DTO's order, named as System.Text.Json's
    // camel case names it.
    [Fact]
    public Task Class_dto_with_an_object_initializer_maps_every_member_in_a_route_handler()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapPost("/flights/{id}/hold", (int id) => id > 0
                        ? Results.Ok(id)
                        : [|Results.Conflict(new HoldError { ErrorCode = "held", Description = $"Flight {id} is held.", RetryAfterSeconds = 30, FlightId = Guid.Empty, IsFinal = false })|]);
            """) + HoldError, Endpoints("""
                    app.MapPost("/flights/{id}/hold", (int id) => id > 0
                        ? Results.Ok(id)
                        : Results.Problem(detail: $"Flight {id} is held.", statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = "held", ["retryAfterSeconds"] = 30, ["flightId"] = Guid.Empty, ["isFinal"] = false }));
            """, usings: Generic) + HoldError);
    }

    private const string HoldError = """

        public sealed class HoldError
        {
            public string ErrorCode { get; set; } = "";
            public string Description { get; set; } = "";
            public int RetryAfterSeconds { get; init; }
            public Guid FlightId { get; init; }
            public bool IsFinal { get; init; }
        }
        """;

    // TypedResults in a handler that declares Results<…>: the union takes ProblemHttpResult and gives up
    // BadRequest<ErrorResponse>; the chain's .Produces<ErrorResponse>(400) becomes .ProducesProblem(400). (The file
    // imports System.Collections.Generic, as the SDK's implicit usings do: in a target-typed conditional the simplifier
    // cannot shorten a name the fix writes in full.)
    [Fact]
    public Task Typed_result_in_a_union_and_the_chains_produces_call_follow()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<int>, BadRequest<ErrorResponse>> (int id) =>
                            id > 0 ? TypedResults.Ok(id) : [|TypedResults.BadRequest(new ErrorResponse("bad_id", "Ids are positive."))|])
                        .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
            """, usings: Generic), Endpoints("""
                    app.MapGet("/flights/{id}", Results<Ok<int>, ProblemHttpResult> (int id) =>
                            id > 0 ? TypedResults.Ok(id) : TypedResults.Problem(detail: "Ids are positive.", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = "bad_id" }))
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """, usings: Generic));
    }

    // The chain's call stays while a path the fix cannot rewrite still sends the DTO with that code.
    [Fact]
    public Task The_chains_produces_call_stays_while_another_path_sends_the_dto()
    {
        var source = Endpoints("""
                    app.MapGet("/flights/{id}", (int id, ErrorResponse fallback) =>
                            id > 0 ? Results.Ok(id) : id == 0 ? [|Results.BadRequest(new ErrorResponse("zero", "Ids start at one."))|] : [|Results.BadRequest(fallback)|])
                        .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
            """);
        var fixedSource = Endpoints("""
                    app.MapGet("/flights/{id}", (int id, ErrorResponse fallback) =>
                            id > 0 ? Results.Ok(id) : id == 0 ? Results.Problem(detail: "Ids start at one.", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = "zero" }) : [|Results.BadRequest(fallback)|])
                        .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
            """, usings: Generic);
        return VerifyCS.VerifyCodeFixAsync(source, fixedSource, fixedSource, ErrorBodyNotProblemDetailsCodeFix.MapToProblemKey);
    }

    // Fix All over several actions, two of them sending the DTO on two paths: one pass rewrites every body, and each
    // action's attribute follows once no path sends the DTO any more.
    [Fact]
    public Task Fix_all_maps_every_dto_and_its_declarations_in_one_pass()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType<Notice>(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id == 0 ? [|NotFound(new Notice("No flight", "There is no flight 0."))|] : id < 0 ? [|NotFound(new Notice("No flight", "Ids are positive."))|] : Ok(id);

                    [HttpDelete("{id}")]
                    [ProducesResponseType(typeof(Notice), StatusCodes.Status409Conflict)]
                    public IActionResult Delete(int id)
                    {
                        if (id == 0)
                        {
                            return [|Conflict(new Notice("Boarding", "The flight is boarding."))|];
                        }

                        return id < 0 ? [|Conflict(new Notice("Gone", "The flight has left."))|] : NoContent();
                    }

                    [HttpPost]
                    public IActionResult Post(Flight flight) => flight.Id > 0 ? Ok(flight) : [|UnprocessableEntity(new Notice("Bad flight", "Ids are positive."))|];
                """), Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id == 0 ? Problem(detail: "There is no flight 0.", statusCode: StatusCodes.Status404NotFound, title: "No flight") : id < 0 ? Problem(detail: "Ids are positive.", statusCode: StatusCodes.Status404NotFound, title: "No flight") : Ok(id);

                    [HttpDelete("{id}")]
                    [ProducesResponseType(StatusCodes.Status409Conflict)]
                    public IActionResult Delete(int id)
                    {
                        if (id == 0)
                        {
                            return Problem(detail: "The flight is boarding.", statusCode: StatusCodes.Status409Conflict, title: "Boarding");
                        }

                        return id < 0 ? Problem(detail: "The flight has left.", statusCode: StatusCodes.Status409Conflict, title: "Gone") : NoContent();
                    }

                    [HttpPost]
                    public IActionResult Post(Flight flight) => flight.Id > 0 ? Ok(flight) : Problem(detail: "Ids are positive.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Bad flight");
                """), ErrorBodyNotProblemDetailsCodeFix.MapToProblemKey);
    }

    // The extension keeps the name the serializer wrote ([JsonPropertyName]); a status that repeats the response's
    // code goes, since Problem Details' status says it.
    [Fact]
    public Task Renamed_members_keep_their_name_and_a_repeated_status_goes()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = Controller("""
                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : [|NotFound(new Missing(404, $"No flight {id}.", id))|];
                """, types: Missing),
            FixedCode = Controller("""
                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : Problem(detail: $"No flight {id}.", statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["flight"] = id });
                """, usings: Generic, types: Missing),
        }.RunAsync();
    }

    private const string Missing = """

        public sealed record Missing(int Status, string Message, [property: System.Text.Json.Serialization.JsonPropertyName("flight")] int FlightId);
        """;

    // A status that is not the response's would clash with Problem Details' own; a converter makes the output unknown;
    // an initializer that sets a member the constructor set drops an expression.
    [Fact]
    public Task Dtos_whose_output_the_rewrite_cannot_keep_have_no_fix()
    {
        var source = Controller("""
                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => [|NotFound(new Missing(410, "Gone.", id))|],
                        1 => [|NotFound(new Converted("gone"))|],
                        2 => [|NotFound(new ErrorResponse("gone", "Gone.") { Message = "Really gone." })|],
                        _ => Ok(id),
                    };
                """, types: Missing + """

            [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
            public sealed record Converted(string Message);
            """);
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // Where nullable annotations are off, the dictionary's values are written `object`.
    [Fact]
    public Task The_extensions_dictionary_follows_the_nullable_context()
    {
        return VerifyCS.VerifyCodeFixAsync("#nullable disable\n" + Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : [|Results.BadRequest(new ErrorResponse("bad_id", "Ids are positive."))|]);
            """), "#nullable disable\n" + Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.Problem(detail: "Ids are positive.", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object> { ["code"] = "bad_id" }));
            """, usings: Generic));
    }

    // Fix All on ASP.NET Core 8 over several actions with extensions: every body becomes a ProblemDetails in one pass.
    [Fact]
    public Task Fix_all_writes_problem_details_bodies_on_aspnet_8()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet80],
            TestCode = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType(typeof(ErrorResponse), StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : [|NotFound(new ErrorResponse("no_flight", $"No flight {id}."))|];

                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id) => id > 0 ? NoContent() : [|StatusCode(409, new ErrorResponse("boarding", "The flight is boarding."))|];

                    [HttpPost]
                    public IActionResult Post(Flight flight) => flight.Id > 0 ? Ok(flight) : [|new ObjectResult(new ErrorResponse("bad_id", "Ids are positive.")) { StatusCode = 422 }|];
                """),
            FixedCode = Controller("""
                    [HttpGet("{id}")]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"No flight {id}.", Extensions = { ["code"] = "no_flight" } });

                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id) => id > 0 ? NoContent() : StatusCode(409, new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = "The flight is boarding.", Extensions = { ["code"] = "boarding" } });

                    [HttpPost]
                    public IActionResult Post(Flight flight) => flight.Id > 0 ? Ok(flight) : new ObjectResult(new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Detail = "Ids are positive.", Extensions = { ["code"] = "bad_id" } }) { StatusCode = 422 };
                """),
            CodeActionEquivalenceKey = ErrorBodyNotProblemDetailsCodeFix.MapToProblemKey,
        }.RunAsync();
    }

    [Theory]
    [InlineData("ErrorCode", "errorCode")]
    [InlineData("FlightId", "flightId")]
    [InlineData("URL", "url")]
    [InlineData("IPAddress", "ipAddress")]
    [InlineData("id", "id")]
    [InlineData("X", "x")]
    public void Extension_names_follow_system_text_json_camel_case(string name, string expected)
    {
        Assert.Equal(expected, ErrorDtoMapping.CamelCase(name));
    }
}
