using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedExceptionStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedExceptionStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0005: status codes that come from thrown exceptions (issue 16).</summary>
public sealed class FE0005UndocumentedExceptionStatusCodeTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Filters;
        using Microsoft.AspNetCore.Routing;

        """;

    /// <summary>The domain's exceptions and an exception handler that maps two of them with <c>is</c>.</summary>
    private const string Handler = """

        public class NotFoundException : Exception { }
        public sealed class FlightNotFoundException : NotFoundException { }
        public sealed class ConflictException : Exception { }
        public sealed class UnmappedException : Exception { }

        public sealed class DomainExceptionHandler : IExceptionHandler
        {
            public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                if (exception is NotFoundException)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = 404 }, cancellationToken);
                    return true;
                }

                if (exception is ConflictException conflict)
                {
                    context.Response.StatusCode = 409;
                    return true;
                }

                return false;
            }
        }
        """;

    private static string Controller(string members, string extra = Handler) => Usings + $$"""
        [ApiController]
        [Route("flights")]
        public sealed class FlightsController : ControllerBase
        {
        {{members}}
        }

        public sealed record Flight(int Id);
        """ + extra;

    // ---- What fires -------------------------------------------------------------------------------------------

    [Fact]
    public Task Throw_in_the_action_mapped_by_an_exception_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:throw new NotFoundException()|};
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'Get' can answer 404 Not Found (NotFoundException thrown here, mapped by DomainExceptionHandler), which is not documented"));
    }

    [Fact]
    public Task A_subclass_matches_an_is_test_and_each_code_is_reported_once()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpDelete("{id}")]
                [ProducesResponseType(204)]
                public IActionResult Delete(int id)
                {
                    if (id == 0) {|#0:throw new FlightNotFoundException();|}
                    if (id == 1) throw new NotFoundException();
                    if (id == 2) {|#1:throw new ConflictException();|}
                    return NoContent();
                }
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "404 Not Found", "FlightNotFoundException thrown here", "DomainExceptionHandler", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Delete", "409 Conflict", "ConflictException thrown here", "DomainExceptionHandler", ""));
    }

    [Fact]
    public Task Throw_in_a_helper_and_a_service_behind_its_only_implementation()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                private readonly IFleet _fleet;

                public FlightsController(IFleet fleet) => _fleet = fleet;

                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => {|#0:_fleet.Find(id)|};

                [HttpPut("{id}")]
                [ProducesResponseType(204)]
                public IActionResult Put(int id)
                {
                    {|#1:Check(id)|};
                    return NoContent();
                }

                private static void Check(int id) => Guard.Exists(id);
            """, Handler + """

            public interface IFleet { Flight Find(int id); }

            public sealed class Fleet : IFleet
            {
                public Flight Find(int id) => id > 0 ? new Flight(id) : throw new NotFoundException();
            }

            public static class Guard
            {
                public static void Exists(int id)
                {
                    if (id <= 0)
                    {
                        throw new ConflictException();
                    }
                }
            }
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "NotFoundException from Fleet.Find", "DomainExceptionHandler", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Put", "409 Conflict", "ConflictException from Guard.Exists", "DomainExceptionHandler", ""));
    }

    // The shape of jasontaylordev/CleanArchitecture: a MediatR-style ISender dispatches to the request's handler, whose
    // NotFoundException the exception handler finds in a dictionary keyed by the exception's exact type.
    [Fact]
    public Task Mediator_dispatch_to_the_request_handler_mapped_by_a_dictionary_of_handlers()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public interface IRequest<TResponse> { }
            public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
            public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse> { Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken); }

            public sealed class NotFoundException : Exception { }

            public sealed record UpdateTodoItemCommand(int Id) : IRequest<bool>;

            public sealed class UpdateTodoItemCommandHandler : IRequestHandler<UpdateTodoItemCommand, bool>
            {
                public Task<bool> Handle(UpdateTodoItemCommand request, CancellationToken cancellationToken) =>
                    request.Id > 0 ? Task.FromResult(true) : throw new NotFoundException();
            }

            public sealed class CustomExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Exception, Task>> _handlers;

                public CustomExceptionHandler() => _handlers = new() { { typeof(NotFoundException), HandleNotFoundException } };

                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    var type = exception.GetType();
                    if (!_handlers.ContainsKey(type))
                    {
                        return false;
                    }

                    await _handlers[type].Invoke(httpContext, exception);
                    return true;
                }

                private async Task HandleNotFoundException(HttpContext httpContext, Exception ex)
                {
                    httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
                    await httpContext.Response.WriteAsJsonAsync(new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = ex.Message });
                }
            }

            public static class TodoItems
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPut("/api/TodoItems/{id}", async (ISender sender, int id) =>
                    {
                        await {|#0:sender.Send(new UpdateTodoItemCommand(id))|};
                        return Results.NoContent();
                    }).Produces(StatusCodes.Status204NoContent);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'PUT /api/TodoItems/{id}' can answer 404 Not Found (NotFoundException from UpdateTodoItemCommandHandler.Handle, mapped by CustomExceptionHandler), which is not documented"));
    }

    // Handlers registered in a field initializer; a ValidationProblemDetails body is what the fix documents.
    [Fact]
    public Task Dictionary_in_a_field_initializer_documents_the_validation_body()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPost]
                [ProducesResponseType(201)]
                public IActionResult Post(Flight flight) => flight.Id > 0 ? Created("/flights/1", flight) : [|throw new InvalidFlightException()|];
            """, """

            public sealed class InvalidFlightException : Exception { }

            public sealed class ValidationExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Task>> _handlers = new()
                {
                    { typeof(InvalidFlightException), HandleInvalid },
                };

                public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if (!_handlers.TryGetValue(exception.GetType(), out var handle))
                    {
                        return false;
                    }

                    await handle(context);
                    return true;
                }

                private static Task HandleInvalid(HttpContext context)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return context.Response.WriteAsJsonAsync(new ValidationProblemDetails());
                }
            }
            """), Controller("""
                [HttpPost]
                [ProducesResponseType(201)]
                [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
                public IActionResult Post(Flight flight) => flight.Id > 0 ? Created("/flights/1", flight) : throw new InvalidFlightException();
            """, """

            public sealed class InvalidFlightException : Exception { }

            public sealed class ValidationExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Task>> _handlers = new()
                {
                    { typeof(InvalidFlightException), HandleInvalid },
                };

                public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if (!_handlers.TryGetValue(exception.GetType(), out var handle))
                    {
                        return false;
                    }

                    await handle(context);
                    return true;
                }

                private static Task HandleInvalid(HttpContext context)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return context.Response.WriteAsJsonAsync(new ValidationProblemDetails());
                }
            }
            """));
    }

    [Fact]
    public Task Exception_filter_on_the_controller_with_a_switch()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class NotFoundException : Exception { }
            public sealed class BadRequestException : Exception { }

            public sealed class ExceptionHandlerFilterAttribute : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    switch (context.Exception)
                    {
                        case NotFoundException:
                            context.Result = new NotFoundObjectResult(new ProblemDetails());
                            break;
                        case BadRequestException:
                            context.Result = new ObjectResult(new ProblemDetails()) { StatusCode = 400 };
                            break;
                    }
                }
            }

            [ApiController]
            [Route("ciphers")]
            [ExceptionHandlerFilter]
            public sealed class CiphersController : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : {|#0:throw new NotFoundException()|};
            }

            [ApiController]
            [Route("folders")]
            public sealed class FoldersController : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType(200)]
                public IActionResult Get(int id) => id > 0 ? Ok() : throw new NotFoundException();
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "NotFoundException thrown here", "ExceptionHandlerFilterAttribute", ""));
    }

    // MVC runs an action's exception filter before the exception reaches the application's handler.
    [Fact]
    public Task An_exception_filter_decides_before_the_exception_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                [UnprocessableNotFound]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:throw new NotFoundException()|};
            """, Handler + """

            public sealed class UnprocessableNotFoundAttribute : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    if (context.Exception is NotFoundException)
                    {
                        context.Result = new UnprocessableEntityObjectResult(new ProblemDetails());
                    }
                }
            }
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "422 Unprocessable Content", "NotFoundException thrown here", "UnprocessableNotFoundAttribute", ""));
    }

    [Fact]
    public Task Globally_registered_exception_filter_with_a_switch_expression()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class GoneException : Exception { }

            public sealed class DomainFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context) =>
                    context.Result = new ObjectResult(new ProblemDetails())
                    {
                        StatusCode = context.Exception switch { GoneException => StatusCodes.Status410Gone, _ => 500 },
                    };
            }

            public static class Setup
            {
                public static void Configure(WebApplicationBuilder builder) =>
                    Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions.AddControllers(builder.Services, options => options.Filters.Add<DomainFilter>());
            }

            [ApiController]
            [Route("flights")]
            public sealed class FlightsController : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(204)]
                public IActionResult Delete(int id) => id > 0 ? NoContent() : {|#0:throw new GoneException()|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "410 Gone", "GoneException thrown here", "DomainFilter", ""));
    }

    [Fact]
    public Task Inline_middleware_catching_around_next()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class LockedException : Exception { }

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        try
                        {
                            await next();
                        }
                        catch (LockedException)
                        {
                            context.Response.StatusCode = StatusCodes.Status423Locked;
                        }
                    });

                    app.MapPut("/gates/{id}", (int id) => id > 0 ? Results.NoContent() : {|#0:throw new LockedException()|})
                        .Produces(StatusCodes.Status204NoContent);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PUT /gates/{id}", "423 Locked", "LockedException thrown here", "Pipeline", ""));
    }

    // The RealWorld "Conduit" shape: a middleware that catches around next(context).
    [Fact]
    public Task Middleware_catching_around_next()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class ForbiddenException : Exception { }

            public sealed class ErrorHandlingMiddleware
            {
                private readonly RequestDelegate _next;

                public ErrorHandlingMiddleware(RequestDelegate next) => _next = next;

                public async Task Invoke(HttpContext context)
                {
                    try
                    {
                        await _next(context);
                    }
                    catch (ForbiddenException)
                    {
                        context.Response.StatusCode = (int)System.Net.HttpStatusCode.Forbidden;
                    }
                }
            }

            public static class Articles
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapDelete("/articles/{slug}", (string slug) => slug.Length > 0 ? Results.NoContent() : {|#0:throw new ForbiddenException()|})
                        .Produces(StatusCodes.Status204NoContent);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DELETE /articles/{slug}", "403 Forbidden", "ForbiddenException thrown here", "ErrorHandlingMiddleware", ""));
    }

    // The RealWorld "Conduit" shape: the exception carries its status, which the middleware writes; each throw site's
    // constructor argument is the code, and a code that is not a constant is not guessed.
    [Fact]
    public Task Middleware_writing_the_status_the_exception_carries()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            using System.Net;

            public sealed class RestException : Exception
            {
                public RestException(HttpStatusCode code, object? errors = null)
                {
                    Code = code;
                    Errors = errors;
                }

                public HttpStatusCode Code { get; }

                public object? Errors { get; }
            }

            public sealed class ErrorHandlingMiddleware(RequestDelegate next)
            {
                public async Task Invoke(HttpContext context)
                {
                    try
                    {
                        await next(context);
                    }
                    catch (Exception ex)
                    {
                        switch (ex)
                        {
                            case RestException re:
                                context.Response.StatusCode = (int)re.Code;
                                await context.Response.WriteAsJsonAsync(new { errors = re.Errors });
                                break;
                            default:
                                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                                break;
                        }
                    }
                }
            }

            [ApiController]
            [Route("articles")]
            public sealed class ArticlesController : ControllerBase
            {
                [HttpGet("{slug}")]
                [ProducesResponseType(200)]
                public IActionResult Get(string slug) => slug.Length > 0 ? Ok() : {|#0:throw new RestException(HttpStatusCode.NotFound, new { Article = "not found" })|};

                [HttpDelete("{slug}")]
                [ProducesResponseType(204)]
                public IActionResult Delete(string slug, HttpStatusCode code)
                {
                    {|#1:Ensure.Author(slug)|};
                    if (slug == "x") throw new RestException(code);
                    return NoContent();
                }
            }

            public static class Ensure
            {
                public static void Author(string slug)
                {
                    if (slug.Length == 0)
                    {
                        throw new RestException(HttpStatusCode.Unauthorized);
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "RestException thrown here", "ErrorHandlingMiddleware", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("Delete", "401 Unauthorized", "RestException from Ensure.Author", "ErrorHandlingMiddleware", ""));
    }

    [Fact]
    public Task UseExceptionHandler_lambda_with_a_switch_expression()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class QuotaException : Exception { }

            public static class Pipeline
            {
                public static void Configure(WebApplication app)
                {
                    app.UseExceptionHandler(errors => errors.Run(async context =>
                    {
                        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                        context.Response.StatusCode = error switch
                        {
                            QuotaException => StatusCodes.Status429TooManyRequests,
                            _ => StatusCodes.Status500InternalServerError,
                        };
                        await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = context.Response.StatusCode });
                    }));

                    app.MapPost("/bookings", (int seats) => seats < 10 ? Results.Created("/bookings/1", seats) : {|#0:throw new QuotaException()|})
                        .Produces<int>(StatusCodes.Status201Created);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /bookings", "429 Too Many Requests", "QuotaException thrown here", "Pipeline", ""));
    }

    // The same options as FE0001: documented_status_codes, general or for FE0005 alone.
    [Fact]
    public Task Codes_documented_in_editorconfig_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Controller("""
                    [HttpPut("{id}")]
                    [ProducesResponseType(204)]
                    public IActionResult Put(int id) => id switch { 0 => throw new NotFoundException(), 1 => [|throw new ConflictException()|], _ => NoContent() };
                """),
            EditorConfig = $"{OptionKeys.DocumentedStatusCodes()} = 409\n{OptionKeys.DocumentedStatusCodes(DiagnosticIds.UndocumentedExceptionStatusCode)} = 404",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task IMediator_send_to_a_handler_without_a_response()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public interface IRequest { }
            public interface IMediator { Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default) where TRequest : IRequest; }
            public interface IRequestHandler<TRequest> where TRequest : IRequest { Task Handle(TRequest request, CancellationToken cancellationToken); }

            public sealed class ForbiddenAccessException : Exception { }
            public sealed record DeleteListCommand(int Id) : IRequest;

            public sealed class DeleteListCommandHandler : IRequestHandler<DeleteListCommand>
            {
                public Task Handle(DeleteListCommand request, CancellationToken cancellationToken) =>
                    request.Id == 0 ? throw new ForbiddenAccessException() : Task.CompletedTask;
            }

            public sealed class OtherCommandHandler : IRequestHandler<OtherCommand>
            {
                public Task Handle(OtherCommand request, CancellationToken cancellationToken) => throw new ForbiddenAccessException();
            }

            public sealed record OtherCommand : IRequest;

            public sealed class ForbiddenHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is ForbiddenAccessException)
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return ValueTask.FromResult(true);
                    }

                    return ValueTask.FromResult(false);
                }
            }

            [ApiController]
            [Route("lists")]
            public sealed class ListsController(IMediator mediator) : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(204)]
                public async Task<IActionResult> Delete(int id)
                {
                    await {|#0:mediator.Send(new DeleteListCommand(id))|};
                    return NoContent();
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "403 Forbidden", "ForbiddenAccessException from DeleteListCommandHandler.Handle", "ForbiddenHandler", ""));
    }

    // A handler passed by name is reported at its Map* argument, where the IDE shows the endpoint; the fix documents
    // the code on the builder chain.
    [Fact]
    public Task Method_group_handler_is_reported_at_its_map_call_and_fixed_there()
    {
        return VerifyCS.VerifyCodeFixAsync(Usings + """
            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", [|Get|])
                        .Produces<Flight>(StatusCodes.Status200OK);

                private static IResult Get(int id) => id > 0 ? Results.Ok(new Flight(id)) : throw new ConflictException();
            }

            public sealed record Flight(int Id);
            """ + Handler, Usings + """
            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", Get)
                        .Produces<Flight>(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status409Conflict);

                private static IResult Get(int id) => id > 0 ? Results.Ok(new Flight(id)) : throw new ConflictException();
            }

            public sealed record Flight(int Id);
            """ + Handler);
    }

    // ---- What stays silent ------------------------------------------------------------------------------------

    [Fact]
    public Task Silent_when_documented_caught_unmapped_or_not_followed()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                private readonly ITwice _twice;

                public FlightsController(ITwice twice) => _twice = twice;

                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                [ProducesResponseType(404)]
                public ActionResult<Flight> Documented(int id) => id > 0 ? new Flight(id) : throw new NotFoundException();

                [HttpGet("caught/{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Caught(int id)
                {
                    try
                    {
                        return Find(id);
                    }
                    catch (NotFoundException)
                    {
                        return new Flight(0);
                    }
                }

                [HttpGet("unmapped/{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Unmapped(int id) => id > 0 ? new Flight(id) : throw new UnmappedException();

                [HttpGet("twice/{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Twice(int id) => _twice.Find(id);

                [HttpGet("lambda/{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Deferred(int id)
                {
                    Func<Flight> later = () => throw new NotFoundException();
                    return new Flight(id);
                }

                private static Flight Find(int id) => id > 0 ? new Flight(id) : throw new FlightNotFoundException();
            """, Handler + """

            public interface ITwice { Flight Find(int id); }
            public sealed class First : ITwice { public Flight Find(int id) => throw new NotFoundException(); }
            public sealed class Second : ITwice { public Flight Find(int id) => new Flight(id); }
            """));
    }

    [Fact]
    public Task Silent_when_the_catch_rethrows_is_filtered_away_or_the_filter_does_not_apply()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class NotFoundException : Exception { }

            public sealed class NotFoundFilter : ExceptionFilterAttribute
            {
                public override void OnException(ExceptionContext context)
                {
                    if (context.Exception is NotFoundException)
                    {
                        context.Result = new NotFoundResult();
                    }
                }
            }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : throw new NotFoundException());
            }
            """);
    }

    // One finding per mistake: a 404 the action also returns is FE0001's to report and fix.
    [Fact]
    public Task Silent_for_a_code_the_endpoint_also_returns()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id switch { 0 => NotFound(), 1 => throw new NotFoundException(), _ => new Flight(id) };
            """));
    }

    // An endpoint filter's try around next maps for its own endpoint only: it is not read as the application's map.
    [Fact]
    public Task Silent_for_an_endpoint_filter_catching_around_next()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class NotFoundException : Exception { }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : throw new NotFoundException())
                        .AddEndpointFilter(async (context, next) =>
                        {
                            try
                            {
                                return await next(context);
                            }
                            catch (NotFoundException)
                            {
                                return Results.Problem(statusCode: StatusCodes.Status404NotFound);
                            }
                        });
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok() : throw new NotFoundException());
                }
            }
            """);
    }

    // GetType() == typeof(...) and dictionaries are exact-type lookups: a subclass goes to the 500.
    [Fact]
    public Task Silent_for_a_subclass_under_an_exact_type_lookup()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class NotFoundException : Exception { }
            public sealed class FlightNotFoundException : NotFoundException { }

            public sealed class ExactHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception.GetType() == typeof(NotFoundException))
                    {
                        context.Response.StatusCode = 404;
                        return ValueTask.FromResult(true);
                    }

                    return ValueTask.FromResult(false);
                }
            }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : throw new FlightNotFoundException());
            }
            """);
    }

    // The dictionary form of the same lookup: the subclass is FE0007's finding on the mapping, not a documented code here.
    [Fact]
    public Task Silent_for_a_subclass_under_a_dictionary_keyed_by_type()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class NotFoundException : Exception { }
            public sealed class FlightNotFoundException : NotFoundException { }

            public sealed class CustomExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Task>> _handlers;

                public CustomExceptionHandler() => _handlers = new() { { typeof(NotFoundException), NotFound } };

                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (!_handlers.TryGetValue(exception.GetType(), out var handle))
                    {
                        return false;
                    }

                    await handle(httpContext);
                    return true;
                }

                private static Task NotFound(HttpContext httpContext)
                {
                    httpContext.Response.StatusCode = 404;
                    return Task.CompletedTask;
                }
            }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : throw new FlightNotFoundException());
                    app.MapGet("/gates/{id}", (int id) => id > 0 ? Results.Ok() : {|#0:throw new NotFoundException()|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /gates/{id}", "404 Not Found", "NotFoundException thrown here", "CustomExceptionHandler", ""));
    }

    [Fact]
    public Task Silent_for_recursion()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => Loop(id);

                private static Flight Loop(int id) => id > 0 ? Loop(id - 1) : new Flight(id);
            """));
    }

    // A cycle ends where it closes; the throw behind it is still found, and reported once per code.
    [Fact]
    public Task Mutual_recursion_still_finds_the_throw()
    {
        return VerifyCS.VerifyAnalyzerAsync(Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => {|#0:Even(id)|};

                private static Flight Even(int id) => id == 0 ? new Flight(id) : Odd(id - 1);

                private static Flight Odd(int id) => id < 0 ? throw new NotFoundException() : Even(id - 1);
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "NotFoundException from FlightsController.Odd", "DomainExceptionHandler", ""));
    }

    [Fact]
    public Task Generated_code_is_ignored()
    {
        return VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Controller("""
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : throw new NotFoundException();
            """));
    }

    // ---- Fixes -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_documents_the_mapped_codes_on_the_action()
    {
        return VerifyCS.VerifyCodeFixAsync(Controller("""
                [HttpPut("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public IActionResult Put(int id)
                {
                    if (id == 0) [|throw new ConflictException();|]
                    return id > 0 ? NoContent() : [|throw new NotFoundException()|];
                }
            """), Controller("""
                [HttpPut("{id}")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                [ProducesResponseType(StatusCodes.Status409Conflict)]
                public IActionResult Put(int id)
                {
                    if (id == 0) throw new ConflictException();
                    return id > 0 ? NoContent() : throw new NotFoundException();
                }
            """));
    }

    [Fact]
    public Task Fix_documents_the_mapped_code_on_the_route_handler()
    {
        return VerifyCS.VerifyCodeFixAsync(Usings + """
            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : [|throw new NotFoundException()|])
                        .Produces(StatusCodes.Status200OK);
            }
            """ + Handler, Usings + """
            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok() : throw new NotFoundException())
                        .Produces(StatusCodes.Status200OK)
                        .ProducesProblem(StatusCodes.Status404NotFound);
            }
            """ + Handler);
    }
}
