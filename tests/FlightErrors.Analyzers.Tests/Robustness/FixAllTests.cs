using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 6: for every rule and every equivalence key its fixer offers, Fix All in solution scope over two documents
/// with several diagnostics each compiles, is idempotent (a second Fix All changes nothing) and does not depend on
/// the order of the documents in the project (nor, then, on which document's diagnostic started it).
/// </summary>
public sealed class FixAllTests
{
    private readonly ITestOutputHelper _output;

    public FixAllTests(ITestOutputHelper output) => _output = output;

    /// <summary>Every rule with a fix, from the catalogue: a new rule with a fix fails here until it has its sources.</summary>
    internal static readonly ImmutableArray<string> Rules = Meta.Catalogue.Descriptors.Select(d => d.Id).Where(Meta.Catalogue.HasFix).ToImmutableArray();

    public static TheoryData<string> RuleIds => new(Rules);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Fix_all_is_idempotent_and_order_independent(string id)
    {
        var fixer = Meta.Catalogue.Fixers.Single(f => f.FixableDiagnosticIds.Contains(id));
        Assert.True(Sources.ContainsKey(id), $"{id} has a fix but no Fix All sources: add two documents with several of its diagnostics each to {nameof(FixAllTests)}.{nameof(Sources)}.");
        var documents = Sources[id];
        foreach (var set in ReferenceSets.All)
        {
            var references = ReferenceSets.NameOf(set);
            var forward = CreateProject(set, documents);
            var reverse = CreateProject(set, documents.Reverse().ToArray());
            Assert.Equal(documents.Select(d => d.Name), forward.Documents.Select(d => d.Name));
            Assert.Equal(documents.Reverse().Select(d => d.Name), reverse.Documents.Select(d => d.Name));
            await AssertCompilesAsync(forward, $"[{references}] {id} input");

            var diagnostics = await DiagnosticsAsync(forward, id);
            foreach (var document in forward.Documents)
            {
                Assert.True(diagnostics.Count(d => d.Location.SourceTree?.FilePath == document.FilePath) >= 2, $"[{references}] {id}: {document.Name} needs several diagnostics.");
            }

            var keys = await OfferedKeysAsync(forward, fixer, diagnostics);
            _output.WriteLine($"[{references}] {id}: {diagnostics.Length} diagnostics in {forward.Documents.Count()} documents; keys offered: {string.Join(", ", keys)}");
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var stage = $"[{references}] {id} Fix All with '{key}'";
                var (once, _) = await FixAllAsync(forward, fixer, id, key);
                Assert.True(once is not null, $"{stage}: no Fix All action.");
                Assert.False(await SameTextsAsync(forward, once!), $"{stage} changed nothing.");
                await AssertCompilesAsync(once!, stage);

                var (twice, left) = await FixAllAsync(once!, fixer, id, key);
                await AssertSameTextsAsync(once!, twice ?? once!, $"{stage}, applied a second time, changed the code");

                var (reversed, _) = await FixAllAsync(reverse, fixer, id, key);
                await AssertSameTextsAsync(once!, reversed ?? reverse, $"{stage} on the documents in reverse order gave other code");
                _output.WriteLine($"  {key}: {left} diagnostics left after one Fix All");
            }
        }
    }

    /// <summary>The two documents of a rule's case, each with several of its diagnostics.</summary>
    internal static IReadOnlyList<(string Name, string Text)> SourcesOf(string id) => Sources[id];

    /// <summary>
    /// Runs Fix All in solution scope with <paramref name="key"/>, started from the first diagnostic (in document order)
    /// that offers it: the fixed project, or null when no diagnostic offers the key; and how many diagnostics there were.
    /// </summary>
    private static async Task<(Project? Fixed, int Diagnostics)> FixAllAsync(Project project, CodeFixProvider fixer, string id, string key)
    {
        var diagnostics = await DiagnosticsAsync(project, id);
        var ordered = project.Documents
            .SelectMany(document => diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath).OrderBy(d => d.Location.SourceSpan.Start).Select(d => (document, d)))
            .ToList();
        foreach (var (document, diagnostic) in ordered)
        {
            if (!(await ActionsAsync(fixer, document, diagnostic)).Any(a => a.EquivalenceKey == key))
            {
                continue;
            }

            var context = new FixAllContext(document, fixer, FixAllScope.Solution, key, fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            if (action is null)
            {
                return (null, diagnostics.Length);
            }

            var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            return (apply.ChangedSolution.GetProject(project.Id), diagnostics.Length);
        }

        return (null, diagnostics.Length);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, string id)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var run = await AnalyzerRun.RunAsync(compilation, project.AnalyzerOptions, concurrentAnalysis: false);
        Assert.False(run.Failed, run.DescribeFailure());
        return run.Diagnostics.Where(d => d.Id == id).ToImmutableArray();
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<List<string>> OfferedKeysAsync(Project project, CodeFixProvider fixer, ImmutableArray<Diagnostic> diagnostics)
    {
        var keys = new List<string>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in await ActionsAsync(fixer, project.GetDocument(diagnostic.Location.SourceTree)!, diagnostic))
            {
                if (action.EquivalenceKey is { } key && !keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static Project CreateProject(ReferenceAssemblies references, IReadOnlyList<(string Name, string Text)> documents) =>
        new FuzzCase("FixAll", documents.Select(d => new FuzzDocument(d.Name, d.Text)).ToImmutableArray(), references).CreateProject();

    private static async Task AssertCompilesAsync(Project project, string stage)
    {
        var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{stage}: the code does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}{Environment.NewLine}{await TextsAsync(project)}");
        }
    }

    private static async Task<bool> SameTextsAsync(Project a, Project b) => await TextsAsync(a) == await TextsAsync(b);

    private static async Task AssertSameTextsAsync(Project expected, Project actual, string message)
    {
        var wanted = await TextsAsync(expected);
        var got = await TextsAsync(actual);
        if (wanted != got)
        {
            throw new Xunit.Sdk.XunitException($"{message}.{Environment.NewLine}--- expected ---{Environment.NewLine}{wanted}{Environment.NewLine}--- actual ---{Environment.NewLine}{got}");
        }
    }

    /// <summary>Every document's text, by name, line endings normalised.</summary>
    private static async Task<string> TextsAsync(Project project)
    {
        var text = new StringBuilder();
        foreach (var document in project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            text.Append("// ").AppendLine(document.Name).AppendLine((await document.GetTextAsync()).ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    private static readonly Dictionary<string, (string Name, string Text)[]> Sources = new(StringComparer.Ordinal)
    {
        [DiagnosticIds.UndocumentedStatusCode] = new[]
        {
            ("Flights.cs", """
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                [ApiController]
                [Route("flights")]
                public sealed class FlightsController : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType<Flight>(200)]
                    public ActionResult<Flight> Get(int id) => id switch { 0 => NotFound(), 1 => Conflict(), _ => new Flight(id) };

                    [HttpDelete("{id}")]
                    public IActionResult Delete(int id) => id > 0 ? NoContent() : Gone();

                    private IActionResult Gone() => StatusCode(410);
                }

                public sealed record Flight(int Id);
                """),
            ("Gates.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Http.HttpResults;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Routing;

                namespace Fleet;

                public static class GateEndpoints
                {
                    public static void MapGates(this IEndpointRouteBuilder app)
                    {
                        var gates = app.MapGroup("/gates");
                        gates.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
                        gates.MapDelete("/{id}", (int id) => id switch { 0 => Results.Conflict(), 1 => Results.BadRequest(), _ => Results.NoContent() })
                            .Produces(StatusCodes.Status204NoContent);
                        gates.MapPut("/{id}", Assign);
                    }

                    private static async Task<Results<Ok<Flight>, ProblemHttpResult>> Assign(int id)
                    {
                        await Task.Yield();
                        return id > 0 ? TypedResults.Ok(new Flight(id)) : TypedResults.Problem(statusCode: 409);
                    }
                }

                [ApiController]
                [Route("bookings")]
                public sealed class BookingsController : ControllerBase
                {
                    [HttpPost]
                    [ProducesResponseType(201)]
                    public IActionResult Create(int flight) => flight > 0 ? Created("/bookings/1", flight) : UnprocessableEntity();
                }
                """),
        },
        [DiagnosticIds.UndocumentedExceptionStatusCode] = new[]
        {
            ("Crews.cs", """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Diagnostics;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed class CrewNotFoundException : Exception { }
                public sealed class CrewConflictException : Exception { }

                public sealed class CrewExceptionHandler : IExceptionHandler
                {
                    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                    {
                        context.Response.StatusCode = exception switch
                        {
                            CrewNotFoundException => StatusCodes.Status404NotFound,
                            CrewConflictException => StatusCodes.Status409Conflict,
                            _ => StatusCodes.Status500InternalServerError,
                        };
                        return ValueTask.FromResult(true);
                    }
                }

                [ApiController]
                [Route("crews")]
                public sealed class CrewsController : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType(200)]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : throw new CrewNotFoundException();

                    [HttpPut("{id}")]
                    [ProducesResponseType(204)]
                    public IActionResult Put(int id)
                    {
                        Roster.Assign(id);
                        return id > 0 ? NoContent() : throw new CrewNotFoundException();
                    }
                }

                public static class Roster
                {
                    public static void Assign(int id)
                    {
                        if (id == 7)
                        {
                            throw new CrewConflictException();
                        }
                    }
                }
                """),
            ("Shifts.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                namespace Fleet;

                public static class ShiftEndpoints
                {
                    public static void MapShifts(this IEndpointRouteBuilder app)
                    {
                        app.MapGet("/shifts/{id}", (int id) => id > 0 ? Results.Ok(id) : throw new CrewNotFoundException());
                        app.MapDelete("/shifts/{id}", (int id) =>
                        {
                            Roster.Assign(id);
                            return id > 0 ? Results.NoContent() : throw new CrewNotFoundException();
                        }).Produces(StatusCodes.Status204NoContent);
                    }
                }
                """),
        },
        [DiagnosticIds.ExplicitInternalServerError] = new[]
        {
            ("Payments.cs", """
                using System;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                [ApiController]
                [Route("payments")]
                public sealed class PaymentsController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Charge(int amount)
                    {
                        try
                        {
                            return Ok(Gateway.Charge(amount));
                        }
                        catch (InvalidOperationException ex)
                        {
                            return StatusCode(500, ex.Message);
                        }
                    }

                    [HttpGet("{id}")]
                    public IActionResult Get(int id) => id > 0 ? Ok(id) : Problem();

                    [HttpDelete("{id}")]
                    public IActionResult Refund(int id) => id > 0 ? NoContent() : StatusCode(500);
                }

                public static class Gateway
                {
                    public static int Charge(int amount) => amount;
                }
                """),
            ("Hangars.cs", """
                using System;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                namespace Fleet;

                public static class HangarEndpoints
                {
                    public static void MapHangars(this IEndpointRouteBuilder app)
                    {
                        app.MapPost("/hangars/{id}/open", (int id) =>
                        {
                            try
                            {
                                return Results.Ok(Gateway.Charge(id));
                            }
                            catch (InvalidOperationException)
                            {
                                return Results.StatusCode(500);
                            }
                        });
                        app.MapGet("/hangars/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.Problem("doors jammed"));
                    }
                }
                """),
        },
        [DiagnosticIds.ErrorBodyNotProblemDetails] = new[]
        {
            ("Flights.cs", """
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed record FlightError(string Code, string Reason);

                [ApiController]
                [Route("flights")]
                public sealed class FlightsController : ControllerBase
                {
                    [HttpGet("{code}")]
                    public IActionResult Get(string code) => code.Length == 3 ? Ok(code) : BadRequest("bad building code");

                    [HttpPut("{id}")]
                    public IActionResult Put(int id) => id switch { 0 => NotFound(new { error = $"no flight {id}" }), 1 => Conflict(new FlightError("F1", "taken")), _ => Ok(id) };

                    [HttpPost]
                    public IActionResult Post() => ModelState.IsValid ? Ok("fine") : BadRequest(ModelState);
                }
                """),
            ("Gates.cs", """
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                namespace Fleet;

                public static class GateEndpoints
                {
                    public static void MapGates(this IEndpointRouteBuilder app)
                    {
                        app.MapGet("/gates/{code}", (string code) => code.Length == 3 ? Results.Ok(code) : Results.BadRequest("bad gate code"));
                        app.MapPut("/gates/{id}", (int id) => TypedResults.BadRequest(new Dictionary<string, string[]> { ["id"] = ["no such gate"] }));
                        app.MapGet("/gates/{id}/flight", IResult (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.NotFound(new FlightError("G1", "empty")));
                    }
                }
                """),
        },
        // Two hosts per file (a public and an admin API, each with a slim variant): the pipeline is completed at every
        // host, once, whichever host's diagnostic started Fix All.
        [DiagnosticIds.IncompleteErrorPipeline] = new[]
        {
            ("PublicHost.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                namespace Fleet;

                public static class PublicHost
                {
                    public static void Run(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);

                        var app = builder.Build();
                        app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
                        app.Run();
                    }

                    public static void RunSlim(string[] args)
                    {
                        var builder = WebApplication.CreateSlimBuilder(args);
                        var app = builder.Build();
                        app.Run();
                    }
                }
                """),
            ("AdminHost.cs", """
                using Microsoft.AspNetCore.Builder;

                namespace Fleet;

                public static class AdminHost
                {
                    public static void Run(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        // The admin API.
                        var app = builder.Build();

                        app.MapControllers();
                        app.Run();
                    }

                    public static void RunEmpty(string[] args)
                    {
                        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
                        var app = builder.Build();
                        app.Run();
                    }
                }
                """),
        },
        // The migration of a solution's suppressions: pragmas and attributes in two files.
        [DiagnosticIds.RetiredMvcAnalyzerSuppression] = new[]
        {
            ("Legacy.cs", """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed class LegacyController : ControllerBase
                {
                #pragma warning disable API1000, API1002
                    public IActionResult Get() => StatusCode(418);
                #pragma warning restore API1000, API1002

                    [SuppressMessage("Usage", "API1001:Action returns undeclared success result")]
                    public IActionResult Put() => Accepted();
                }
                """),
            ("Older.cs", """
                using System.Diagnostics.CodeAnalysis;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed class OlderController : ControllerBase
                {
                    [SuppressMessage("Usage", "API1003")]
                    public IActionResult Post() => ModelState.IsValid ? Ok() : BadRequest();

                #pragma warning disable API1001
                    public IActionResult Delete() => NoContent();
                #pragma warning restore API1001
                }
                """),
        },
        [DiagnosticIds.UndocumentedFrameworkStatusCode] = new[]
        {
            ("Flights.cs", """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.RateLimiting;

                namespace Fleet;

                [ApiController]
                [Route("flights")]
                [Authorize]
                public sealed class FlightsController : ControllerBase
                {
                    [HttpGet("{id:int}")]
                    [ProducesResponseType<Flight>(200)]
                    public ActionResult<Flight> Get(int id) => new Flight(id);

                    [HttpDelete("{id:int}")]
                    [Authorize(Roles = "ops")]
                    [EnableRateLimiting("writes")]
                    [ProducesResponseType(StatusCodes.Status204NoContent)]
                    public IActionResult Delete(int id) => NoContent();
                }

                [ApiController]
                [Route("crews")]
                [Authorize(Policy = "crew")]
                public sealed class CrewsController : ControllerBase
                {
                    [HttpGet("{id:int}")]
                    public ActionResult<Flight> Get(int id) => new Flight(id);
                }

                public sealed record Flight(int Id);
                """),
            ("Gates.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                namespace Fleet;

                public static class GateEndpoints
                {
                    public static void MapGates(this IEndpointRouteBuilder app)
                    {
                        var gates = app.MapGroup("/gates").RequireAuthorization("operations");
                        gates.MapGet("/{id:int}", (int id) => Results.Ok(id));
                        gates.MapDelete("/{id:int}", (int id) => Results.NoContent()).RequireRateLimiting("writes");
                        app.MapGet("/open", () => "open").RequireAuthorization();

                        // Every endpoint declares its responses: on ASP.NET Core 10 the group's 401 and 403 go on the group.
                        var crews = app.MapGroup("/crews");
                        crews.RequireAuthorization("crew");
                        crews.MapGet("/{id:int}", (int id) => new Flight(id));
                        crews.MapGet("/", () => "all");
                    }
                }
                """),
        },
        [DiagnosticIds.MappingMissesSubclass] = new[]
        {
            ("Handlers.cs", """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Diagnostics;
                using Microsoft.AspNetCore.Http;

                namespace Fleet;

                public class NotFoundException : Exception { }
                public sealed class CrewNotFoundException : NotFoundException { }
                public class ConflictException : Exception { }
                public sealed class ShiftConflictException : ConflictException { }

                public sealed class ExactExceptionHandler : IExceptionHandler
                {
                    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                    {
                        if (exception.GetType() == typeof(NotFoundException))
                        {
                            context.Response.StatusCode = StatusCodes.Status404NotFound;
                            return ValueTask.FromResult(true);
                        }

                        if (typeof(ConflictException) == exception.GetType())
                        {
                            context.Response.StatusCode = StatusCodes.Status409Conflict;
                            return ValueTask.FromResult(true);
                        }

                        return ValueTask.FromResult(false);
                    }
                }

                public static class Roster
                {
                    public static void Assign(int id)
                    {
                        if (id == 0) throw new CrewNotFoundException();
                        if (id == 7) throw new ShiftConflictException();
                    }
                }
                """),
            ("Filters.cs", """
                using System;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.Filters;

                namespace Fleet;

                public class GoneException : Exception { }
                public sealed class FlightGoneException : GoneException { }
                public class LockedException : Exception { }
                public sealed class GateLockedException : LockedException { }

                public sealed class ExactExceptionFilter : IExceptionFilter
                {
                    public void OnException(ExceptionContext context)
                    {
                        if (context.Exception.GetType() == typeof(GoneException))
                        {
                            context.Result = new StatusCodeResult(410);
                        }
                        else if (context.Exception.GetType() == typeof(LockedException))
                        {
                            context.Result = new StatusCodeResult(423);
                        }
                    }
                }

                [ApiController]
                [Route("flights")]
                [ServiceFilter(typeof(ExactExceptionFilter))]
                public sealed class FlightsController : ControllerBase
                {
                    [HttpDelete("{id}")]
                    [ProducesResponseType(204)]
                    public IActionResult Delete(int id) => id switch
                    {
                        0 => throw new FlightGoneException(),
                        1 => throw new GateLockedException(),
                        _ => NoContent(),
                    };
                }
                """),
        },
        [DiagnosticIds.ProblemDetailsWrittenAsJson] = new[]
        {
            ("Middleware.cs", """
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed class ErrorMiddleware(RequestDelegate next)
                {
                    public async Task InvokeAsync(HttpContext context)
                    {
                        try
                        {
                            await next(context);
                        }
                        catch (ArgumentException exception)
                        {
                            context.Response.StatusCode = 400;
                            await context.Response.WriteAsJsonAsync(new ValidationProblemDetails { Detail = exception.Message });
                        }
                        catch (Exception exception)
                        {
                            context.Response.StatusCode = 500;
                            await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 500, Detail = exception.Message }, context.RequestAborted);
                        }
                    }
                }
                """),
            ("Handler.cs", """
                using System;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Diagnostics;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                namespace Fleet;

                public sealed class ProblemExceptionHandler : IExceptionHandler
                {
                    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

                    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                    {
                        var problem = new ProblemDetails { Status = 409, Title = exception.Message };
                        if (exception is InvalidOperationException)
                        {
                            await context.Response.WriteAsJsonAsync(problem, Options, cancellationToken);
                            return true;
                        }

                        await context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), Options, contentType: "application/json", cancellationToken);
                        return true;
                    }
                }
                """),
        },
    };
}
