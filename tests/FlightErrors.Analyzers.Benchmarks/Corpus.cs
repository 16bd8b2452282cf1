using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightErrors.Analyzers.Benchmarks;

/// <summary>
/// A generated API project: <c>controllers</c> API controllers of <c>actions</c> actions each, cycling through ten
/// shapes real code has (documented and undocumented codes, ternaries, switch expressions, locals, helpers, async,
/// catch blocks, text error bodies, plain values, Problem), and for every tenth controller a minimal-API module of
/// five route handlers. The same arguments always give the same text.
/// </summary>
public sealed class Corpus
{
    public const int EndpointsPerModule = 5;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private Corpus(ImmutableArray<SyntaxTree> trees, int endpoints, SyntaxTree? large)
    {
        Trees = trees;
        Endpoints = endpoints;
        Large = large;
    }

    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>Actions plus route handlers.</summary>
    public int Endpoints { get; }

    /// <summary>The one file of <see cref="LargeActions"/> actions, when asked for (the IDE case).</summary>
    public SyntaxTree? Large { get; }

    public const int LargeActions = 50;

    public static Corpus Generate(int controllers, int actions, bool withLargeController = false)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        trees.Add(Parse("Models.cs", Models));
        var endpoints = 0;
        for (var c = 0; c < controllers; c++)
        {
            trees.Add(Parse($"Controllers/Flights{c}Controller.cs", Controller($"Flights{c}", $"api/c{c}", actions)));
            endpoints += actions;
            if (c % 10 == 0)
            {
                trees.Add(Parse($"Endpoints/Gates{c}Endpoints.cs", Module(c)));
                endpoints += EndpointsPerModule;
            }
        }

        if (Services)
        {
            trees.Add(Parse("ServiceLayer.cs", ServiceLayer));
            for (var c = 0; c < controllers; c++)
            {
                trees.Add(Parse($"Bookings/Bookings{c}.cs", Bookings(c)));
                endpoints += BookingEndpoints;
            }
        }

        SyntaxTree? large = null;
        if (withLargeController)
        {
            large = Parse("Controllers/LargeController.cs", Controller("Large", "api/large", LargeActions));
            trees.Add(large);
            endpoints += LargeActions;
        }

        return new Corpus(trees.ToImmutable(), endpoints, large);
    }

    /// <summary>The corpus as files of a web project (the whole-build measurement).</summary>
    public static IEnumerable<(string Path, string Text)> Files(int controllers, int actions)
    {
        yield return ("Models.cs", Models);
        var program = new StringBuilder();
        program.AppendLine("using Bench;");
        program.AppendLine("using Bench.Endpoints;");
        program.AppendLine("var builder = WebApplication.CreateBuilder(args);");
        program.AppendLine("builder.Services.AddControllers();");
        program.AppendLine("builder.Services.AddSingleton<FlightStore>();");
        program.AppendLine("var app = builder.Build();");
        program.AppendLine("app.MapControllers();");
        for (var c = 0; c < controllers; c++)
        {
            yield return ($"Controllers/Flights{c}Controller.cs", Controller($"Flights{c}", $"api/c{c}", actions));
            if (c % 10 == 0)
            {
                yield return ($"Endpoints/Gates{c}Endpoints.cs", Module(c));
                program.AppendLine($"app.MapGates{c}();");
            }
        }

        program.AppendLine("app.Run();");
        yield return ("Program.cs", program.ToString());
    }

    private static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

    private const string Models = """
        using System;
        using System.Threading.Tasks;

        namespace Bench;

        public sealed record Flight(int Id, string Number);

        public sealed record FlightInput(string Number);

        public sealed class StoreException(string message) : Exception(message);

        public sealed class FlightStore
        {
            public Flight? Find(int id) => id > 0 ? new Flight(id, "FM" + id) : null;

            public Task<Flight?> FindAsync(int id) => Task.FromResult(Find(id));

            public Flight Save(FlightInput input) => input.Number.Length > 8 ? throw new StoreException("full") : new Flight(1, input.Number);
        }
        """;

    private static string Controller(string name, string route, int actions)
    {
        var text = new StringBuilder();
        text.AppendLine("using System.Collections.Generic;");
        text.AppendLine("using System.Threading.Tasks;");
        text.AppendLine("using Microsoft.AspNetCore.Http;");
        text.AppendLine("using Microsoft.AspNetCore.Mvc;");
        text.AppendLine();
        text.AppendLine("namespace Bench.Controllers;");
        text.AppendLine();
        text.AppendLine("[ApiController]");
        text.AppendLine($"[Route(\"{route}\")]");
        text.AppendLine($"public sealed class {name}Controller(FlightStore store) : ControllerBase");
        text.AppendLine("{");
        for (var k = 0; k < actions; k++)
        {
            text.AppendLine(Action(k));
        }

        text.AppendLine("    private ActionResult<Flight> Missing(int id) => id == 0 ? BadRequest() : NotFound();");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>
    /// With --clean, the same ten shapes written the way the rules ask (every code documented, Problem Details bodies,
    /// 503 instead of 500): a project that has adopted the analyzers, where they report nothing and only look.
    /// </summary>
    public static bool Clean { get; set; }

    /// <summary>
    /// With --services, a service layer as well: per controller, a bookings controller whose actions call a service
    /// behind its only implementation and a mediator-style handler, which throw domain exceptions that an
    /// <c>IExceptionHandler</c> maps to 404 and 409 (what FE0005 follows). With --clean those codes are documented.
    /// </summary>
    public static bool Services { get; set; }

    public const int BookingEndpoints = 3;

    private const string ServiceLayer = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Bench;

        public class NotFoundException(string message) : Exception(message);

        public sealed class BookingNotFoundException(int id) : NotFoundException($"Booking {id}");

        public sealed class ConflictException(string message) : Exception(message);

        public interface IRequest<TResponse> { }

        public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }

        public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse>
        {
            Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
        }

        public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                var status = exception switch
                {
                    NotFoundException => StatusCodes.Status404NotFound,
                    ConflictException => StatusCodes.Status409Conflict,
                    _ => 0,
                };
                if (status == 0)
                {
                    return false;
                }

                context.Response.StatusCode = status;
                return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Detail = exception.Message } });
            }
        }
        """;

    private static string Bookings(int c)
    {
        var notFound = Clean ? "\n    [ProducesResponseType(StatusCodes.Status404NotFound)]" : string.Empty;
        var conflict = Clean ? "\n    [ProducesResponseType(StatusCodes.Status409Conflict)]" : string.Empty;
        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Bench.Bookings;

            public interface IBookings{{c}}
            {
                Flight Get(int id);

                void Cancel(int id);
            }

            public sealed class Bookings{{c}}(FlightStore store) : IBookings{{c}}
            {
                public Flight Get(int id) => store.Find(id) ?? throw new BookingNotFoundException(id);

                public void Cancel(int id)
                {
                    if (id < 0)
                    {
                        throw new ConflictException("Already cancelled");
                    }

                    Check(id);
                }

                private static void Check(int id)
                {
                    if (id == 0)
                    {
                        throw new NotFoundException("No booking");
                    }
                }
            }

            public sealed record GetBooking{{c}}(int Id) : IRequest<Flight>;

            public sealed class GetBooking{{c}}Handler(IBookings{{c}} bookings) : IRequestHandler<GetBooking{{c}}, Flight>
            {
                public Task<Flight> Handle(GetBooking{{c}} request, CancellationToken cancellationToken) => Task.FromResult(bookings.Get(request.Id));
            }

            [ApiController]
            [Route("api/b{{c}}")]
            public sealed class Bookings{{c}}Controller(IBookings{{c}} bookings, ISender sender) : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]{{notFound}}
                public ActionResult<Flight> Get(int id) => bookings.Get(id);

                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]{{notFound}}{{conflict}}
                public IActionResult Cancel(int id)
                {
                    bookings.Cancel(id);
                    return NoContent();
                }

                [HttpGet("sent/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]{{notFound}}
                public async Task<ActionResult<Flight>> Sent(int id) => await sender.Send(new GetBooking{{c}}(id));
            }
            """;
    }

    private static string Action(int k) => Clean ? CleanAction(k) : MixedAction(k);

    private static string MixedAction(int k) => (k % 10) switch
    {
        0 => $$"""
                [HttpGet("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public ActionResult<Flight> A{{k}}(int id) => store.Find(id) is { } flight ? flight : NotFound();
            """,
        1 => $$"""
                [HttpGet("a{{k}}/{id}")]
                public ActionResult<Flight> A{{k}}(int id)
                {
                    var flight = store.Find(id);
                    if (flight is null)
                    {
                        return NotFound();
                    }

                    return Ok(flight);
                }
            """,
        2 => $$"""
                [HttpGet("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public IActionResult A{{k}}(int id) => id switch { < 0 => BadRequest(), 0 => NotFound(), _ => Ok(store.Find(id)) };
            """,
        3 => $$"""
                [HttpDelete("a{{k}}/{id}")]
                public IActionResult A{{k}}(int id)
                {
                    IActionResult result = NoContent();
                    if (id < 0)
                    {
                        result = Conflict();
                    }

                    return result;
                }
            """,
        4 => $$"""
                [HttpGet("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                public ActionResult<Flight> A{{k}}(int id) => id > 0 ? store.Find(id)! : Missing(id);
            """,
        5 => $$"""
                [HttpGet("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public async Task<ActionResult<Flight>> A{{k}}(int id)
                {
                    var flight = await store.FindAsync(id);
                    return flight is null ? NotFound() : flight;
                }
            """,
        6 => $$"""
                [HttpPut("a{{k}}/{id}")]
                public IActionResult A{{k}}(int id, FlightInput input)
                {
                    try
                    {
                        return Ok(store.Save(input));
                    }
                    catch (StoreException ex)
                    {
                        return StatusCode(500, ex.Message);
                    }
                }
            """,
        7 => $$"""
                [HttpPost("a{{k}}")]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                public IActionResult A{{k}}(FlightInput input) => input.Number.Length == 0 ? BadRequest("number is required") : Created("/flights", store.Save(input));
            """,
        8 => $$"""
                [HttpGet("a{{k}}")]
                public ActionResult<IEnumerable<Flight>> A{{k}}() => new[] { new Flight(1, "FM1") };
            """,
        _ => $$"""
                [HttpGet("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
                public IActionResult A{{k}}(int id) => id > 0 ? Ok(store.Find(id)) : Problem(statusCode: StatusCodes.Status503ServiceUnavailable);
            """,
    };

    private static string CleanAction(int k) => (k % 10) switch
    {
        // Shapes 1 to 4 only miss documentation: the same action with the attributes it needs.
        1 => Documented(MixedAction(k), "[ProducesResponseType<Flight>(StatusCodes.Status200OK)]", "[ProducesResponseType(StatusCodes.Status404NotFound)]"),
        2 or 4 => Documented(MixedAction(k), "[ProducesResponseType(StatusCodes.Status400BadRequest)]", "[ProducesResponseType(StatusCodes.Status404NotFound)]"),
        3 => Documented(MixedAction(k), "[ProducesResponseType(StatusCodes.Status204NoContent)]", "[ProducesResponseType(StatusCodes.Status409Conflict)]"),
        6 => $$"""
                [HttpPut("a{{k}}/{id}")]
                [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
                public IActionResult A{{k}}(int id, FlightInput input)
                {
                    try
                    {
                        return Ok(store.Save(input));
                    }
                    catch (StoreException)
                    {
                        return Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The flight store is full.");
                    }
                }
            """,
        7 => $$"""
                [HttpPost("a{{k}}")]
                [ProducesResponseType<Flight>(StatusCodes.Status201Created)]
                [ProducesResponseType(StatusCodes.Status400BadRequest)]
                public IActionResult A{{k}}(FlightInput input) => input.Number.Length == 0 ? Problem(statusCode: StatusCodes.Status400BadRequest, detail: "number is required") : Created("/flights", store.Save(input));
            """,
        // Shapes 0, 5, 8 and 9 already document everything and write Problem Details.
        _ => MixedAction(k),
    };

    /// <summary>The action with more attribute lists after its route attribute (its first line).</summary>
    private static string Documented(string action, params string[] attributes)
    {
        var firstLineEnd = action.IndexOf('\n');
        var indentation = action.Substring(0, action.Length - action.TrimStart().Length);
        var added = new StringBuilder();
        foreach (var attribute in attributes)
        {
            added.Append(indentation).Append(attribute).Append('\n');
        }

        return action.Substring(0, firstLineEnd + 1) + added + action.Substring(firstLineEnd + 1);
    }

    private static string Module(int c) => ModuleFile(c, Clean
        ? """
                    group.MapGet("/{id}", (int id, FlightStore store) => store.Find(id) is { } flight ? Results.Ok(flight) : Results.Problem(statusCode: StatusCodes.Status404NotFound))
                        .Produces<Flight>()
                        .ProducesProblem(StatusCodes.Status404NotFound);
                    group.MapGet("/typed/{id}", Results<Ok<Flight>, ProblemHttpResult> (int id, FlightStore store) =>
                        store.Find(id) is { } flight ? TypedResults.Ok(flight) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound))
                        .ProducesProblem(StatusCodes.Status404NotFound);
                    group.MapPost("/", (FlightInput input, FlightStore store) =>
                        input.Number.Length == 0 ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "number is required") : Results.Ok(store.Save(input)))
                        .Produces<Flight>()
                        .ProducesProblem(StatusCodes.Status400BadRequest);
                    group.MapDelete("/{id}", (int id) => id > 0 ? Results.NoContent() : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable))
                        .Produces(StatusCodes.Status204NoContent)
                        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
                    group.MapPut("/{id}", (int id, FlightInput input) => Results.Ok(input))
                        .Produces<FlightInput>()
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """
        : """
                    group.MapGet("/{id}", (int id, FlightStore store) => store.Find(id) is { } flight ? Results.Ok(flight) : Results.NotFound());
                    group.MapGet("/typed/{id}", Results<Ok<Flight>, NotFound> (int id, FlightStore store) =>
                        store.Find(id) is { } flight ? TypedResults.Ok(flight) : TypedResults.NotFound());
                    group.MapPost("/", (FlightInput input, FlightStore store) =>
                        input.Number.Length == 0 ? Results.BadRequest("number is required") : Results.Ok(store.Save(input)))
                        .Produces<Flight>();
                    group.MapDelete("/{id}", (int id) => id > 0 ? Results.NoContent() : Results.StatusCode(500))
                        .ProducesProblem(StatusCodes.Status404NotFound);
                    group.MapPut("/{id}", (int id, FlightInput input) => Results.Ok(input))
                        .Produces<FlightInput>()
                        .ProducesProblem(StatusCodes.Status400BadRequest);
            """);

    /// <summary>A minimal-API module: the route handlers of one group.</summary>
    private static string ModuleFile(int c, string routes) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Routing;

        namespace Bench.Endpoints;

        public static class Gates{{c}}Endpoints
        {
            public static IEndpointRouteBuilder MapGates{{c}}(this IEndpointRouteBuilder app)
            {
                var group = app.MapGroup("/gates{{c}}").WithTags("Gates");
        {{routes}}
                return app;
            }
        }
        """;
}
