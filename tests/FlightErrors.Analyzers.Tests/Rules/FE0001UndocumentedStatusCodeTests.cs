using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0001UndocumentedStatusCodeTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        """;

    private const string Model = """

        public sealed record Flight(int Id);
        """;

    private static string Controller(string members, string attributes = "[ApiController]") => Usings + $$"""
        {{attributes}}
        [Route("flights")]
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }
        """ + Model;

    // ---- What fires -------------------------------------------------------------------------------------------

    [Fact]
    public Task Message_names_action_code_and_reason()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:NotFound()|};
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", ""));
    }

    // A code without a registered reason phrase prints alone, with no stray space (issue 14, item 13).
    [Fact]
    public Task Message_prints_a_code_without_a_reason_phrase_cleanly()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Brew(int id) => id > 0 ? Ok() : {|#0:StatusCode(499)|};
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Brew' can return 499, which is not documented"));
    }

    [Theory]
    [InlineData("NotFound()", "404", "Not Found")]
    [InlineData("NotFound(id)", "404", "Not Found")]
    [InlineData("BadRequest()", "400", "Bad Request")]
    [InlineData("Conflict()", "409", "Conflict")]
    [InlineData("UnprocessableEntity()", "422", "Unprocessable Content")]
    [InlineData("Unauthorized()", "401", "Unauthorized")]
    [InlineData("Forbid()", "403", "Forbidden")]
    [InlineData("Challenge()", "401", "Unauthorized")]
    [InlineData("NoContent()", "204", "No Content")]
    [InlineData("Accepted()", "202", "Accepted")]
    [InlineData("Created(\"/flights/1\", id)", "201", "Created")]
    [InlineData("CreatedAtAction(\"Get\", new { id }, id)", "201", "Created")]
    [InlineData("StatusCode(409)", "409", "Conflict")]
    [InlineData("StatusCode(StatusCodes.Status429TooManyRequests)", "429", "Too Many Requests")]
    [InlineData("StatusCode((int)System.Net.HttpStatusCode.GatewayTimeout)", "504", "Gateway Timeout")]
    [InlineData("StatusCode(LocalCode)", "412", "Precondition Failed")]
    [InlineData("StatusCode(503, \"maintenance\")", "503", "Service Unavailable")]
    [InlineData("Problem(statusCode: 502)", "502", "Bad Gateway")]
    [InlineData("Problem(\"upstream\", statusCode: StatusCodes.Status503ServiceUnavailable)", "503", "Service Unavailable")]
    [InlineData("ValidationProblem()", "400", "Bad Request")]
    [InlineData("ValidationProblem(ModelState)", "400", "Bad Request")]
    [InlineData("Redirect(\"/x\")", "302", "Found")]
    [InlineData("RedirectPermanent(\"/x\")", "301", "Moved Permanently")]
    [InlineData("new NotFoundObjectResult(id)", "404", "Not Found")]
    [InlineData("new StatusCodeResult(409)", "409", "Conflict")]
    [InlineData("new ObjectResult(id) { StatusCode = 422 }", "422", "Unprocessable Content")]
    [InlineData("new ConflictResult()", "409", "Conflict")]
    [InlineData("TypedResults.NotFound()", "404", "Not Found")]
    [InlineData("Results.Conflict()", "409", "Conflict")]
    [InlineData("TypedResults.Problem(statusCode: 503)", "503", "Service Unavailable")]
    [InlineData("Results.StatusCode(429)", "429", "Too Many Requests")]
    public Task Each_controller_helper_reports_its_code(string expression, string code, string phrase)
    {
        var source = Controller($$"""
                private const int LocalCode = 412;

                [HttpGet]
                [ProducesResponseType(typeof(int), 200)]
                public object Get(int id) => {|#0:{{expression}}|};
            """);
        return VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", code + " " + phrase, ""));
    }

    [Fact]
    public Task Every_return_path_is_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType<Flight>(200)]
                public async Task<ActionResult<Flight>> Get(int id, string? mode)
                {
                    IActionResult? unused = null;
                    ActionResult<Flight> result = {|FE0001:Conflict()|};
                    if (id == 0)
                    {
                        return result;
                    }

                    await Task.Yield();
                    if (id < 0)
                    {
                        return id == -1 ? [|BadRequest()|] : [|UnprocessableEntity()|];
                    }

                    return mode switch
                    {
                        "gone" => [|StatusCode(410)|],
                        "slow" => [|StatusCode(504)|],
                        _ => Find(id) ?? (ActionResult<Flight>)[|NotFound()|],
                    };
                }

                private static Flight? Find(int id) => id > 10 ? new Flight(id) : null;
            """));
    }

    [Fact]
    public Task Task_FromResult_and_awaited_helpers_are_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public Task<IActionResult> Get(int id) => Task.FromResult<IActionResult>(id > 0 ? Ok() : [|NotFound()|]);

                [ProducesResponseType(200)]
                public async Task<IActionResult> Put(int id) => await {|FE0001:CheckAsync(id)|};

                private async Task<IActionResult> CheckAsync(int id)
                {
                    await Task.Yield();
                    return id > 0 ? Ok() : Conflict();
                }
            """));
    }

    [Fact]
    public Task Helper_methods_are_followed_and_reported_at_the_call()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : {|#0:Missing(id)|};

                private IActionResult Missing(int id) => Log(id) ? NotFound() : Gone();

                private IActionResult Gone() => StatusCode(410);

                private static bool Log(int id) => id != 0;
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", ""),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "410 Gone", ""));
    }

    [Fact]
    public Task Recursive_helpers_terminate()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => [|Ping(id)|];

                private IActionResult Ping(int id) => id > 100 ? NotFound() : Pong(id + 1);

                private IActionResult Pong(int id) => id % 2 == 0 ? Ping(id + 1) : Ok();
            """));
    }

    [Fact]
    public Task Helpers_in_a_base_controller_in_another_file_are_followed()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|Gone()|];
            """).Replace("ControllerBase", "FlightsBase"));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;

            public abstract class FlightsBase : ControllerBase
            {
                protected IActionResult Gone() => StatusCode(410);
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Returned_plain_values_and_lambdas_are_not_error_paths()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                public Flight Get(int id)
                {
                    Func<IActionResult> notReturned = () => NotFound();
                    IActionResult Local() => Conflict();
                    return new Flight(id);
                }
            """));
    }

    [Fact]
    public Task Actions_in_abstract_base_controllers_are_analyzed_where_declared()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            [ApiController]
            public abstract class CrudController : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(204)]
                public IActionResult Delete(int id) => id > 0 ? NoContent() : [|NotFound()|];
            }

            [Route("flights")]
            public sealed class FlightsController : CrudController
            {
            }
            """);
    }

    [Fact]
    public Task Undocumented_success_code_is_reported_with_the_model()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpPost]
                [ProducesResponseType(400)]
                public ActionResult<Flight> Post(Flight flight) => flight.Id > 0 ? {|#0:CreatedAtAction("Get", new { flight.Id }, flight)|} : BadRequest();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Post", "201 Created", ""));
    }

    [Fact]
    public Task Each_code_is_reported_once_per_action_at_its_first_occurrence()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id)
                {
                    if (id < 0)
                    {
                        return [|NotFound()|];
                    }

                    return id == 0 ? NotFound() : Ok();
                }
            """));
    }

    // ---- What documents a code (negative twins) ----------------------------------------------------------------

    [Fact]
    public Task Implicit_200_of_ActionResult_of_T_without_metadata_is_documented()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                public ActionResult<Flight> Get(int id) => new Flight(id);

                [HttpGet("ok")]
                public IActionResult GetOk() => Ok();

                [HttpGet("plain")]
                public Task<Flight> GetPlain(int id) => Task.FromResult(new Flight(id));
            """));
    }

    [Fact]
    public Task Implicit_200_is_gone_once_metadata_applies()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet]
                [ProducesResponseType(404)]
                public ActionResult<Flight> Get(int id) => id > 0 ? {|#0:new Flight(id)|} : NotFound();
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "200 OK", ""));
    }

    // A plain Ok() reported because attributes elsewhere took the implicit 200 away says so (issue 14, item 14).
    [Fact]
    public Task The_message_says_when_the_controllers_attributes_replace_the_implicit_200()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Usings + """
                [ProducesResponseType(StatusCodes.Status401Unauthorized)]
                public abstract class SecuredController : ControllerBase
                {
                }

                [ApiController]
                [Route("flights")]
                public sealed class FlightsController : SecuredController
                {
                    [HttpGet]
                    public IActionResult List() => {|#0:Ok()|};
                }
                """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'List' can return 200 OK, which is not documented: the controller's response attributes replace the implicit 200"));
    }

    [Fact]
    public Task The_message_says_when_a_convention_replaces_the_implicit_200()
    {
        // DefaultApiConventions add a default response, which documents every code; this convention does not.
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [HttpPost]
                    public IActionResult Post(Flight flight) => {|#0:Ok()|};
                """, "[ApiController]\n[ApiConventionType(typeof(FlightConventions))]") + """

                public static class FlightConventions
                {
                    [ProducesResponseType(StatusCodes.Status201Created)]
                    [ProducesResponseType(StatusCodes.Status400BadRequest)]
                    [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchBehavior.Prefix)]
                    public static void Post(
                        [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchBehavior.Any)]
                        [Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatch(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatchBehavior.Any)]
                        object model)
                    {
                    }
                }
                """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Post' can return 200 OK, which is not documented: the API convention's responses replace the implicit 200"));
    }

    [Fact]
    public Task The_message_gives_no_reason_when_the_action_declares_its_own_responses()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [HttpGet]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult List() => {|#0:Ok()|};
                """, "[ApiController]\n[ProducesResponseType(StatusCodes.Status401Unauthorized)]"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'List' can return 200 OK, which is not documented"));
    }

    [Fact]
    public Task Controller_level_and_base_class_attributes_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            [ProducesResponseType(StatusCodes.Status401Unauthorized)]
            public abstract class SecuredController : ControllerBase
            {
            }

            [ApiController]
            [ProducesResponseType(404)]
            public sealed class FlightsController : SecuredController
            {
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => Unauthorized(), _ => Ok() };
            }
            """);
    }

    [Fact]
    public Task Subclassed_and_generic_attributes_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
            public sealed class SwaggerResponseAttribute : ProducesResponseTypeAttribute
            {
                public SwaggerResponseAttribute(int statusCode, string? description = null, Type? type = null)
                    : base(type ?? typeof(void), statusCode)
                {
                }
            }

            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                [SwaggerResponse(404, "No such flight")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(typeof(ProblemDetails), 409)]
                public ActionResult<Flight> Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), _ => new Flight(id) };
            }
            """ + Model);
    }

    [Fact]
    // The OpenAPI document's "default" response covers every code not listed, successes included: ApiExplorer and the
    // document agree (the end-to-end referee's DefaultResponse case), so nothing is undocumented.
    public Task ProducesDefaultResponseType_documents_every_code_not_listed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesDefaultResponseType]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => StatusCode(503), 2 => Accepted(), _ => Ok() };
            """));
    }

    [Fact]
    public Task Default_conventions_document_matching_actions()
    {
        // Put(id, model) matches PutFlight(flightId, model): 204, 404, 400 and a default response for every other code.
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : NotFound();

                public IActionResult PutFlight(int flightId, Flight model) => flightId switch { 0 => NotFound(), 1 => Conflict(), 2 => Accepted(), _ => NoContent() };

                [HttpPost("archive")]
                public IActionResult Archive(int id) => id > 0 ? Ok() : [|NotFound()|];
            """, "[ApiController]\n[ApiConventionType(typeof(DefaultApiConventions))]"));
    }

    [Fact]
    public Task Convention_method_attribute_documents_and_attributes_block_conventions()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ApiConventionMethod(typeof(DefaultApiConventions), nameof(DefaultApiConventions.Find))]
                public IActionResult Lookup(int id) => id > 0 ? Ok() : NotFound();

                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|NotFound()|];
            """, "[ApiController]\n[ApiConventionType(typeof(DefaultApiConventions))]"));
    }

    [Fact]
    public Task Results_union_return_type_documents_its_members()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Http.HttpResults;

            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                public async Task<Results<Ok<Flight>, NotFound, Conflict>> Get(int id)
                {
                    await Task.Yield();
                    return id switch { 0 => TypedResults.NotFound(), 1 => TypedResults.Conflict(), _ => TypedResults.Ok(new Flight(id)) };
                }

                public Results<Ok, NotFound> Delete(int id) => id switch { 0 => TypedResults.NotFound(), _ => TypedResults.Ok() };
            }
            """ + Model);
    }

    [Fact]
    public Task Xml_response_tags_document()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                /// <summary>Gets a flight.</summary>
                /// <response code="200">The flight.</response>
                /// <response code="404">No flight has that id.</response>
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => [|Conflict()|], _ => Ok() };
            """));
    }

    // Each code a status local or conditional can take is a code the action returns (issue 14, item 9).
    [Fact]
    public Task Every_code_a_status_expression_can_take_is_read()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [ProducesResponseType(200)]
                    [ProducesResponseType(503)]
                    public IActionResult Get(int id, bool timeout)
                    {
                        var status = timeout ? StatusCodes.Status504GatewayTimeout : 503;
                        if (id == 0)
                        {
                            return {|#0:Problem(statusCode: status)|};
                        }

                        return id switch { 1 => {|#1:StatusCode(id > 5 ? 409 : 503)|}, _ => Ok() };
                    }
                """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "504 Gateway Timeout", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Get", "409 Conflict", ""));
    }

    [Fact]
    public Task A_status_local_with_a_value_that_cannot_be_known_adds_no_code()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int code, bool timeout)
                {
                    var status = timeout ? 504 : code;
                    return timeout ? Ok() : StatusCode(status);
                }
            """));
    }

    // A code set after the result is made is the code it answers with, and no 200 is invented for it (issue 14, item 4).
    [Theory]
    [InlineData("var result = new ObjectResult(new ProblemDetails()); {|#0:result.StatusCode = 503|}; return result;")]
    [InlineData("ObjectResult result = new(new ProblemDetails()); if (id > 0) { return Ok(); } {|#0:result.StatusCode = StatusCodes.Status503ServiceUnavailable|}; return result;")]
    [InlineData("var result = new ObjectResult(new ProblemDetails()) { StatusCode = 200 }; {|#0:result.StatusCode = 503|}; return result;")]
    [InlineData("Response.StatusCode = 503; return {|#0:new ProblemDetails()|};")]
    public Task A_code_set_after_construction_is_the_code_answered(string body)
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller($$"""
                    [ProducesResponseType(200)]
                    public ActionResult<ProblemDetails> Get(int id)
                    {
                        {{body}}
                    }
                """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "503 Service Unavailable", ""));
    }

    [Theory]
    [InlineData("var result = new ObjectResult(new ProblemDetails()); result.StatusCode = 503; return result;")]
    [InlineData("var result = new ObjectResult(new ProblemDetails()) { StatusCode = 503 }; return result;")]
    [InlineData("Response.StatusCode = 503; return new ProblemDetails();")]
    [InlineData("if (id > 0) { Response.StatusCode = 503; } return new ProblemDetails();")]
    [InlineData("var result = new ObjectResult(new ProblemDetails()); result.StatusCode = code; return result;")]
    public Task No_200_is_invented_for_a_result_whose_code_is_set_later(string body)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                [ProducesResponseType(503)]
                public ActionResult<ProblemDetails> Get(int id, int code)
                {
                    {{body}}
                }
            """));
    }

    [Fact]
    public Task A_code_set_on_some_paths_keeps_the_code_the_result_was_made_with()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [ProducesResponseType(409)]
                    public IActionResult Get(int id)
                    {
                        var result = {|#0:new ObjectResult(id)|};
                        if (id > 0)
                        {
                            result.StatusCode = 409;
                        }

                        return result;
                    }
                """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "200 OK", ""));
    }

    // What a lambda held by a local returns is what the action returns when the action returns its call, and nothing
    // when the call's result is thrown away (issue 14, item 5).
    [Fact]
    public Task A_called_lambda_returns_its_codes_and_a_discarded_one_none()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id)
                    {
                        Func<IActionResult> conflict = () => Conflict();
                        Func<int, IActionResult> gone = x => NotFound();
                        _ = gone(id);
                        return id > 0 ? Ok() : {|#0:conflict()|};
                    }
                """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "409 Conflict", ""));
    }

    // ApiExplorer describes an inherited action once per controller that inherits it, with that controller's
    // attributes (issue 14, item 3); a generic base controller's actions are those of every controller that closes it
    // (item 8).
    private const string Bases = Usings + """
        public sealed record Gate(int Id);

        [ApiController]
        public abstract class EntityController<T> : ControllerBase where T : class
        {
            [HttpGet("{id}")]
            [ProducesResponseType(StatusCodes.Status200OK)]
            public IActionResult Get(int id) => id > 0 ? Ok() : {|#0:NotFound()|};
        }

        """ + Model;

    [Fact]
    public Task A_generic_base_controllers_action_is_checked_and_names_the_controller_that_leaves_the_code_out()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Bases + """
                [Route("flights")]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public sealed class FlightsController : EntityController<Flight>
                {
                }

                [Route("gates")]
                public sealed class GatesController : EntityController<Gate>
                {
                }
                """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Get' can return 404 Not Found, which is not documented in 'GatesController'"));
    }

    [Fact]
    public Task An_inherited_action_that_every_controller_documents_is_not_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync(Bases.Replace("{|#0:NotFound()|}", "NotFound()") + """
                [Route("flights")]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public sealed class FlightsController : EntityController<Flight>
                {
                }

                [Route("gates")]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public sealed class GatesController : EntityController<Gate>
                {
                }

                [Route("legacy")]
                [ApiExplorerSettings(IgnoreApi = true)]
                public sealed class LegacyGatesController : EntityController<Gate>
                {
                }
                """);
    }

    [Fact]
    public Task A_base_without_api_controller_is_checked_when_a_controller_that_inherits_it_is_one()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Usings + """
                public abstract class ReadController<T> : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    public IActionResult Get(int id) => id > 0 ? Ok() : {|#0:Conflict()|};
                }

                [ApiController]
                [Route("flights")]
                public sealed class FlightsController : ReadController<Flight>
                {
                }
                """ + Model,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Get' can return 409 Conflict, which is not documented in 'FlightsController'"));
    }

    // ---- XML <response code> counts where the OpenAPI generator reads it (issue 14, item 12) --------------------------

    // Stand-ins for the types that name each generator, declared as the packages declare them.
    private const string Swashbuckle = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class SwaggerGenOptionsExtensions
            {
                public static void IncludeXmlComments(this object swaggerGenOptions, string filePath) { }
            }
        }
        """;

    private const string NSwag = """
        namespace NSwag.Generation.AspNetCore
        {
            public class AspNetCoreOpenApiDocumentGenerator { }
        }
        """;

    private const string MicrosoftOpenApi = """
        namespace Microsoft.AspNetCore.OpenApi
        {
            public sealed class OpenApiOptions { }
        }
        """;

    private const string XmlDocumentedAction = """
            /// <summary>Gets a flight.</summary>
            /// <response code="200">The flight.</response>
            /// <response code="404">No flight has that id.</response>
            [ProducesResponseType(200)]
            public IActionResult Get(int id) => id == 0 ? {|#0:NotFound()|} : Ok();
        """;

    private static Task VerifyXmlResponses(string? setting, bool reported, params string[] generators)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller(reported ? XmlDocumentedAction : XmlDocumentedAction.Replace("{|#0:", "").Replace("|}", "")),
            EditorConfig = setting is null ? null : $"{OptionKeys.XmlResponses()} = {setting}",
        };
        foreach (var generator in generators)
        {
            test.TestState.Sources.Add(generator);
        }

        if (reported)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", ""));
        }

        return test.RunAsync();
    }

    // Swashbuckle (IncludeXmlComments) and NSwag list XML responses; so does "auto" when nothing names a generator
    // (a class library whose host is elsewhere): counting them there can only miss a code, never report a documented one.
    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public Task Xml_responses_auto_counts_them_without_a_known_generator(string? setting) => VerifyXmlResponses(setting, reported: false);

    [Fact]
    public Task Xml_responses_auto_counts_them_with_swashbuckle() => VerifyXmlResponses("auto", reported: false, Swashbuckle);

    [Fact]
    public Task Xml_responses_auto_counts_them_with_nswag() => VerifyXmlResponses("auto", reported: false, NSwag);

    // An application that has both (moving from one to the other) may publish either document.
    [Fact]
    public Task Xml_responses_auto_counts_them_when_swashbuckle_sits_beside_microsoft_openapi() =>
        VerifyXmlResponses(null, reported: false, Swashbuckle, MicrosoftOpenApi);

    // Microsoft.AspNetCore.OpenApi describes only responses that exist: a <response code="404"> adds no 404.
    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    public Task Xml_responses_auto_ignores_them_with_microsoft_openapi_alone(string? setting) =>
        VerifyXmlResponses(setting, reported: true, MicrosoftOpenApi);

    [Fact]
    public Task Xml_responses_documented_counts_them_whatever_the_generator() =>
        VerifyXmlResponses("documented", reported: false, MicrosoftOpenApi);

    [Fact]
    public Task Xml_responses_documented_counts_them_without_a_generator() => VerifyXmlResponses("documented", reported: false);

    [Fact]
    public Task Xml_responses_ignored_never_counts_them() => VerifyXmlResponses("ignored", reported: true, Swashbuckle);

    [Fact]
    public Task Xml_responses_ignored_reports_without_a_generator() => VerifyXmlResponses("ignored", reported: true);

    // An invalid value falls back to auto.
    [Fact]
    public Task Xml_responses_invalid_value_falls_back_to_auto() => VerifyXmlResponses("sometimes", reported: true, MicrosoftOpenApi);

    [Fact]
    public Task Xml_responses_rule_option_overrides_the_general_one()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller(XmlDocumentedAction),
            EditorConfig = $"{OptionKeys.XmlResponses()} = documented\n{OptionKeys.XmlResponses(DiagnosticIds.UndocumentedStatusCode)} = ignored",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "") },
        };
        return test.RunAsync();
    }

    // The fix documents what the generator does not read, and leaves the comment alone.
    [Fact]
    public Task Xml_responses_ignored_fix_adds_the_attribute()
    {
        return new VerifyCS.Test
        {
            TestCode = Controller("""
                    /// <response code="404">No flight has that id.</response>
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    public IActionResult Get(int id) => id == 0 ? [|NotFound()|] : Ok();
                """),
            FixedCode = Controller("""
                    /// <response code="404">No flight has that id.</response>
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id == 0 ? NotFound() : Ok();
                """),
            EditorConfig = $"{OptionKeys.XmlResponses()} = ignored",
        }.RunAsync();
    }

    // In the IDE code is half-typed most of the time (issue 14, item 11): a model type that does not bind yet changes
    // no documented code, so the codes that are known are still reported.
    [Fact]
    public Task Codes_are_reported_while_the_model_type_does_not_bind()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public ActionResult<{|CS0246:FlightDto|}> Get(int id) => id > 0 ? Ok() : {|#0:NotFound()|};

                [HttpGet]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public async Task<Results<Ok<{|CS0246:FlightDto|}>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> List(int id) =>
                    id > 0 ? TypedResults.NotFound() : TypedResults.NotFound();
            """).Replace("using Microsoft.AspNetCore.Mvc;", "using Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Http.HttpResults;"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", ""));
    }

    [Fact]
    public Task Nothing_is_reported_while_the_result_type_itself_does_not_bind()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public {|CS0246:FlightResult|} Get(int id) => id > 0 ? Ok() : NotFound();
            """));
    }

    // Constants flow into a helper's status parameter, per call site (issue 14, item 10).
    [Fact]
    public Task A_code_passed_to_a_helper_is_the_code_of_that_call()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Controller("""
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => id switch
                    {
                        0 => Respond(StatusCodes.Status404NotFound, "no such flight"),
                        1 => {|#0:Respond(StatusCodes.Status409Conflict, "taken")|},
                        _ => Ok(),
                    };

                    [ProducesResponseType(StatusCodes.Status200OK)]
                    public IActionResult Put(int id, int code) => id > 0 ? Ok() : Respond(code, "unknown");

                    private IActionResult Respond(int code, string message) => StatusCode(code, new ProblemDetails { Detail = message, Status = code });
                """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "409 Conflict", ""));
    }

    // A 500 made on purpose is FE0002's to report while FE0002 is in effect for the file (issue 14, item 7): its fixes
    // remove the 500, and a second rule asking to document it would contradict them.
    [Theory]
    [InlineData("")]
    [InlineData("dotnet_diagnostic.FE0002.severity = suggestion")]
    [InlineData("dotnet_analyzer_diagnostic.category-Design.severity = none\ndotnet_diagnostic.FE0002.severity = warning")]
    public Task A_500_is_left_to_the_rule_against_it_while_that_rule_is_in_effect(string editorConfig)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id switch { 0 => Problem(), 1 => StatusCode(500, "down"), 2 => [|NotFound()|], _ => Ok() };
                """),
            EditorConfig = editorConfig,
        };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("dotnet_diagnostic.FE0002.severity = none")]
    [InlineData("dotnet_analyzer_diagnostic.category-Design.severity = none")]
    [InlineData("dotnet_analyzer_diagnostic.severity = none\ndotnet_diagnostic.FE0001.severity = warning")]
    public Task A_500_is_reported_when_the_rule_against_it_is_off(string editorConfig)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id switch { 0 => {|#0:Problem()|}, 1 => StatusCode(500, "down"), _ => Ok() };
                """),
            EditorConfig = editorConfig,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "500 Internal Server Error", "") },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_500_is_reported_when_the_rule_against_it_leaves_the_controller_out_of_its_scope()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id == 0 ? {|#0:Problem()|} : Ok();
                """, attributes: ""),
            EditorConfig = $"{OptionKeys.ControllerScope("FE0001")} = all\n{OptionKeys.ControllerScope("FE0002")} = api",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "500 Internal Server Error", "") },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task A_500_stays_reported_where_a_no_warn_turns_the_rule_against_it_off()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id == 0 ? {|#0:Problem()|} : Ok();
                """),
            // NoWarn beats the file's configuration, as it does in the compiler.
            EditorConfig = "dotnet_diagnostic.FE0002.severity = warning",
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "500 Internal Server Error", "") },
        };
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
                options.SpecificDiagnosticOptions.SetItem("FE0002", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)));
        });
        return test.RunAsync();
    }

    [Fact]
    public Task Globally_documented_codes_come_from_editorconfig()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id switch { 0 => Unauthorized(), 1 => StatusCode(500), 2 => [|NotFound()|], _ => Ok() };
                """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = 401, 500",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Rule_specific_option_overrides_the_general_one()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id switch { 0 => [|Unauthorized()|], 1 => NotFound(), _ => Ok() };
                """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = 401\n{OptionKeys.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode)} = 404",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Options_apply_per_file_as_the_editorconfig_sections_match()
    {
        // Files that the same sections match share one parsed set of options; a file matched by another section
        // gets its own.
        var test = new VerifyCS.Test
        {
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = 404\n\n[Test1.cs]\n{OptionKeys.DocumentedStatusCodes()} = 409",
        };
        test.TestState.Sources.Add(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => [|Conflict()|], _ => Ok() };
            """));
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("gates")]
            public sealed class GatesController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => [|NotFound()|], 1 => Conflict(), _ => Ok() };
            }
            """);
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("hangars")]
            public sealed class HangarsController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => [|Conflict()|], _ => Ok() };
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Invalid_option_values_fall_back_to_defaults()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id == 0 ? [|NotFound()|] : Ok();
                """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = lots, 9999\n{OptionKeys.ControllerScope()} = sideways",
        };
        return test.RunAsync();
    }

    // ApiExplorer leaves out what [ApiExplorerSettings(IgnoreApi = true)] hides (issue 14): nothing to document.
    [Theory]
    [InlineData("[ApiController]\n[ApiExplorerSettings(IgnoreApi = true)]", "")]
    [InlineData("[ApiController]", "[ApiExplorerSettings(IgnoreApi = true)]")]
    public Task Actions_hidden_from_the_api_description_are_skipped(string controllerAttributes, string actionAttributes)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                {{actionAttributes}}
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : NotFound();
            """, controllerAttributes));
    }

    [Fact]
    public Task A_base_controller_hidden_from_the_api_description_hides_its_derived_controllers_actions()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            [ApiExplorerSettings(IgnoreApi = true)]
            public abstract class LegacyControllerBase : ControllerBase
            {
            }

            [ApiController]
            [Route("legacy/flights")]
            public sealed class LegacyFlightsController : LegacyControllerBase
            {
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : NotFound();
            }
            """ + Model);
    }

    // The action's own settings win over the controller's, as in ApiExplorer.
    [Theory]
    [InlineData("[ApiExplorerSettings(IgnoreApi = false)]")]
    [InlineData("[ApiExplorerSettings(GroupName = \"v1\")]")]
    public Task An_action_shown_again_under_a_hidden_controller_is_checked(string actionAttributes)
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller($$"""
                {{actionAttributes}}
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:NotFound()|};
            """, "[ApiController]\n[ApiExplorerSettings(IgnoreApi = true)]"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Get' can return 404 Not Found, which is not documented"));
    }

    [Fact]
    public Task A_controller_shown_in_the_api_description_is_checked()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:NotFound()|};
            """, "[ApiController]\n[ApiExplorerSettings(GroupName = \"v1\")]"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Get' can return 404 Not Found, which is not documented"));
    }

    // ---- Which types are in scope ------------------------------------------------------------------------------

    [Fact]
    public Task Non_api_controllers_are_ignored_by_default()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id == 0 ? NotFound() : Ok();
            """, attributes: ""));
    }

    [Fact]
    public Task Controller_scope_all_includes_mvc_controllers()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id == 0 ? [|NotFound()|] : Ok();
                """, attributes: ""),
            EditorConfig = $"{OptionKeys.ControllerScope()} = all",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Assembly_level_ApiController_puts_controllers_in_scope()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id == 0 ? [|NotFound()|] : Ok();
            """, attributes: "").Replace("[Route(", "[assembly: ApiController]\n\n[Route("));
    }

    [Fact]
    public Task Non_actions_are_ignored()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [NonAction]
                public IActionResult Helper(int id) => NotFound();

                public static IActionResult Factory() => new NotFoundResult();

                protected IActionResult Protected() => NotFound();

                public IActionResult Generic<T>() => NotFound();
            """) + """

            [ApiController]
            [NonController]
            public sealed class NotAController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get() => NotFound();
            }

            [ApiController]
            internal sealed class InternalController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get() => NotFound();
            }
            """);
    }

    [Fact]
    public Task Code_without_aspnetcore_is_ignored()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                public sealed class FlightsController
                {
                    public int Get() => 404;
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_ignored()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "// <auto-generated/>\n" + Controller("""
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id == 0 ? NotFound() : Ok();
                """),
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Code_marked_as_generated_is_ignored()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [System.CodeDom.Compiler.GeneratedCode("client-generator", "1.0")]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id == 0 ? NotFound() : Ok();

                [ProducesResponseType(200)]
                public IActionResult Find(int id) => id == 0 ? {|#0:NotFound()|} : Ok();
            """), VerifyCS.Diagnostic().WithLocation(0).WithArguments("Find", "404 Not Found", ""));
    }

    [Fact]
    public Task Unreadable_results_do_not_guess()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                private readonly IActionResult _cached = new OkResult();

                [ProducesResponseType(200)]
                public IActionResult Get(int id, int code, External external) => id switch { 0 => _cached, 1 => StatusCode(code), 2 => external.Make(), _ => Ok() };
            """) + """

            public sealed class External
            {
                public IActionResult Make() => new NotFoundResult();
            }
            """);
    }

    [Fact]
    public Task Static_result_helpers_in_source_are_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|Errors.FlightNotFound(id)|];
            """) + """

            public static class Errors
            {
                public static IActionResult FlightNotFound(int id) => new NotFoundObjectResult(new ProblemDetails { Detail = $"No flight {id}." });
            }
            """);
    }

    [Fact]
    public Task Incomplete_code_does_not_crash()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id == 0 ? [|NotFound()|] : {|CS0103:Missing|}();

                [ProducesResponseType({|CS0103:Unknown|})]
                public IActionResult Put(int id) => NotFound(id{|CS1026:|}{|CS1002:|}
            """));
    }

    [Fact]
    public Task Action_whose_model_type_does_not_bind_is_still_checked()
    {
        // Half-typed code (issues 6 and 14): an unbound model changes no documented code (issue 14, item 11 reversed
        // the silence of issue 6, which missed every code while a DTO was being typed).
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [ProducesResponseType(200)]
                public ActionResult<{|CS0246:Missing|}> Get(int id) => id > 0 ? Ok() : [|NotFound()|];
            """));
    }

    [Fact]
    public Task Works_with_older_language_versions()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(typeof(Flight), 200)]
                    public ActionResult<Flight> Get(int id)
                    {
                        if (id > 0)
                        {
                            return new Flight(id);
                        }

                        return [|NotFound()|];
                    }
                """).Replace("public sealed record Flight(int Id);", "public sealed class Flight { public Flight(int id) { } }"),
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8,
        };
        return test.RunAsync();
    }

    // ---- Fixes -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_places_the_attribute_among_its_siblings_in_status_order()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public ActionResult<Flight> Get(int id) => id switch { 0 => [|NotFound()|], 1 => Conflict(), _ => new Flight(id) };
            """), Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public ActionResult<Flight> Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), _ => new Flight(id) };
            """));
    }

    // The documentation says what is sent (issue 15, item 3): an error body of the application's own type (which FE0003
    // cannot rewrite) is documented with that type, and a 5xx names ProblemDetails, which [ApiController] implies for
    // 4xx only.
    [Fact]
    public Task Fix_documents_an_own_error_body_with_its_type_and_a_5xx_as_problem_details()
    {
        const string error = "\npublic sealed record ErrorResponse(string Code, string Message);\n";
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPut("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult Put(int id, Flight flight) => id switch
                {
                    0 => [|BadRequest(new ErrorResponse("id_mismatch", "The id does not match the flight."))|],
                    1 => [|Problem(statusCode: StatusCodes.Status503ServiceUnavailable)|],
                    2 => [|NotFound()|],
                    _ => NoContent(),
                };
            """) + error, Controller("""
                [HttpPut("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
                public IActionResult Put(int id, Flight flight) => id switch
                {
                    0 => BadRequest(new ErrorResponse("id_mismatch", "The id does not match the flight.")),
                    1 => Problem(statusCode: StatusCodes.Status503ServiceUnavailable),
                    2 => NotFound(),
                    _ => NoContent(),
                };
            """) + error, UndocumentedStatusCodeCodeFix.DocumentAllKey);
    }

    [Fact]
    public Task Fix_adds_the_using_directive_when_missing()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|NotFound()|];
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                [ProducesResponseType(200)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
            }
            """);
    }

    [Fact]
    public Task Fix_keeps_the_implicit_200_and_documentation_comments()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                /// <summary>Gets a flight.</summary>
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : [|NotFound()|];
            """), Controller("""
                /// <summary>Gets a flight.</summary>
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : NotFound();
            """));
    }

    [Fact]
    public Task Fix_types_success_codes_with_their_model()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPost]
                [ProducesResponseType(StatusCodes.Status400BadRequest)]
                public IActionResult Post(Flight flight) => flight.Id > 0 ? [|CreatedAtAction("Get", new { flight.Id }, flight)|] : BadRequest();
            """), Controller("""
                [HttpPost]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType(StatusCodes.Status400BadRequest)]
                public IActionResult Post(Flight flight) => flight.Id > 0 ? CreatedAtAction("Get", new { flight.Id }, flight) : BadRequest();
            """));
    }

    [Fact]
    public Task Fix_uses_typeof_before_CSharp_11()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [HttpPost]
                    [ProducesResponseType(StatusCodes.Status400BadRequest)]
                    public IActionResult Post(Flight flight)
                    {
                        if (flight.Id > 0)
                        {
                            return [|Ok(flight)|];
                        }

                        return BadRequest();
                    }
                """).Replace("public sealed record Flight(int Id);", "public sealed class Flight { public int Id { get; set; } }"),
            FixedCode = Controller("""
                    [HttpPost]
                    [ProducesResponseType(typeof(Flight), StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status400BadRequest)]
                    public IActionResult Post(Flight flight)
                    {
                        if (flight.Id > 0)
                        {
                            return Ok(flight);
                        }

                        return BadRequest();
                    }
                """).Replace("public sealed record Flight(int Id);", "public sealed class Flight { public int Id { get; set; } }"),
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_outside_ApiController_types_errors_as_ProblemDetails()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    public IActionResult Get(int id) => id > 0 ? Ok() : [|Problem(statusCode: 503)|];
                """, attributes: ""),
            FixedCode = Controller("""
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
                    public IActionResult Get(int id) => id > 0 ? Ok() : Problem(statusCode: 503);
                """, attributes: ""),
            EditorConfig = $"{OptionKeys.ControllerScope()} = all",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_document_all_adds_every_missing_code_once()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [ProducesResponseType(StatusCodes.Status200OK)]
                public IActionResult Get(int id) => id switch { 0 => [|NotFound()|], 1 => [|Conflict()|], 2 => NotFound(), 3 => [|StatusCode(429)|], _ => Ok() };
            """), Controller("""
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), 2 => NotFound(), 3 => StatusCode(429), _ => Ok() };
            """), UndocumentedStatusCodeCodeFix.DocumentAllKey);
    }

    [Fact]
    public Task Fix_all_fixes_every_action_of_every_controller()
    {
        return VerifyCS.VerifyCodeFixAsync(Usings + """
            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                public IActionResult Get(int id) => id switch { 0 => [|NotFound()|], 1 => [|Conflict()|], _ => Ok() };

                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult Delete(int id) => id > 0 ? NoContent() : [|NotFound()|];
            }

            [ApiController]
            public sealed class GatesController : ControllerBase
            {
                [ProducesResponseType(StatusCodes.Status200OK)]
                public IActionResult Get(int id) => id > 0 ? Ok() : [|StatusCode(503)|];
            }
            """, Usings + """
            [ApiController]
            public sealed class FlightsController : ControllerBase
            {
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), _ => Ok() };

                [ProducesResponseType(StatusCodes.Status204NoContent)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public IActionResult Delete(int id) => id > 0 ? NoContent() : NotFound();
            }

            [ApiController]
            public sealed class GatesController : ControllerBase
            {
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
                public IActionResult Get(int id) => id > 0 ? Ok() : StatusCode(503);
            }
            """);
    }

    [Fact]
    public Task Fix_all_with_document_all_key_matches_single_fixes()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [ProducesResponseType(StatusCodes.Status200OK)]
                public IActionResult Get(int id) => id switch { 0 => [|NotFound()|], 1 => [|Conflict()|], _ => Ok() };
            """), Controller("""
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public IActionResult Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), _ => Ok() };
            """), UndocumentedStatusCodeCodeFix.DocumentAllKey);
    }

    [Fact]
    public Task Fix_keeps_other_attributes_and_comments_in_place()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                // Looks a flight up.
                [HttpGet("{id}")] // by id
                public IActionResult Get(int id) => id > 0 ? Ok() : [|NotFound()|];
            """), Controller("""
                // Looks a flight up.
                [HttpGet("{id}")] // by id
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public IActionResult Get(int id) => id > 0 ? Ok() : NotFound();
            """));
    }
}
