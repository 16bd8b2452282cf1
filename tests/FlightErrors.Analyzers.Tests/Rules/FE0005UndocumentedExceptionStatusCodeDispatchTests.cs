using System.Collections.Immutable;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedExceptionStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedExceptionStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>
/// FE0005 beyond the common shapes (issue 16): endpoints that only throw, mediator pipeline behaviours, library guard
/// clauses, <c>StatusCodeSelector</c> and Hellang's <c>ProblemDetailsOptions.Map</c>.
/// </summary>
public sealed class FE0005UndocumentedExceptionStatusCodeDispatchTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Reflection;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;

        """;

    private const string Handler = """

        public class NotFoundException : Exception { }

        public sealed class DomainExceptionHandler : IExceptionHandler
        {
            public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                if (exception is NotFoundException)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return ValueTask.FromResult(true);
                }

                return ValueTask.FromResult(false);
            }
        }
        """;

    /// <summary>MediatR's shapes, with stand-ins of the same names (MediatR 12+ is not served to the tests).</summary>
    private const string Mediator = """

        public interface IRequest<TResponse> { }
        public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
        public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse> { Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken); }
        public delegate Task<TResponse> RequestHandlerDelegate<TResponse>(CancellationToken cancellationToken = default);
        public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull { Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken); }
        public interface IValidator<in T> { IEnumerable<string> Validate(T instance); }
        public abstract class AbstractValidator<T> : IValidator<T> { public IEnumerable<string> Validate(T instance) => Array.Empty<string>(); }

        public sealed class ValidationException : Exception { }
        public sealed class ForbiddenAccessException : Exception { }

        [AttributeUsage(AttributeTargets.Class)]
        public sealed class AuthorizeRequestAttribute : Attribute { }

        // Throws only for requests that have a validator: it applies to those alone.
        public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
        {
            public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
            {
                if (validators.Any() && validators.SelectMany(v => v.Validate(request)).Any())
                {
                    throw new ValidationException();
                }

                return await next();
            }
        }

        // Throws only for requests that carry its attribute: it applies to those alone.
        public sealed class AuthorizationBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
        {
            public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
            {
                if (request.GetType().GetCustomAttributes<AuthorizeRequestAttribute>().Any())
                {
                    throw new ForbiddenAccessException();
                }

                return await next();
            }
        }

        public sealed class MappingExceptionHandler : IExceptionHandler
        {
            public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                context.Response.StatusCode = exception switch
                {
                    ValidationException => StatusCodes.Status400BadRequest,
                    ForbiddenAccessException => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status500InternalServerError,
                };
                return ValueTask.FromResult(true);
            }
        }
        """;

    // ---- Endpoints that only throw ----------------------------------------------------------------------------

    [Fact]
    public Task An_endpoint_without_a_response_of_its_own_is_checked()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public interface IFleet { void Remove(int id); }
            public sealed class Fleet : IFleet { public void Remove(int id) { if (id == 0) throw new NotFoundException(); } }

            [ApiController]
            [Route("flights")]
            public sealed class FlightsController(IFleet fleet) : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public void Delete(int id) => {|#0:fleet.Remove(id)|};
            }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapDelete("/flights/{id}", (int id, IFleet fleet) => {|#1:fleet.Remove(id)|}).Produces(StatusCodes.Status200OK);
            }
            """ + Handler,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Delete", "404 Not Found", "NotFoundException from Fleet.Remove", "DomainExceptionHandler", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("DELETE /flights/{id}", "404 Not Found", "NotFoundException from Fleet.Remove", "DomainExceptionHandler", ""));
    }

    [Fact]
    public Task Fix_documents_the_code_on_an_endpoint_without_a_response_of_its_own()
    {
        const string Fleet = """
            public interface IFleet { Task RemoveAsync(int id); }
            public sealed class Fleet : IFleet { public Task RemoveAsync(int id) => id == 0 ? throw new NotFoundException() : Task.CompletedTask; }

            """;
        return VerifyCS.VerifyCodeFixAsync(Usings + Fleet + """
            [ApiController]
            [Route("flights")]
            public sealed class FlightsController(IFleet fleet) : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                public async Task Delete(int id) => await [|fleet.RemoveAsync(id)|];
            }
            """ + Handler, Usings + Fleet + """
            [ApiController]
            [Route("flights")]
            public sealed class FlightsController(IFleet fleet) : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public async Task Delete(int id) => await fleet.RemoveAsync(id);
            }
            """ + Handler);
    }

    // Without response metadata ApiExplorer lists an implicit 200 for an action that returns nothing, and the first
    // [ProducesResponseType] takes it away: the fix keeps it (shared with FE0006, issue 17).
    [Fact]
    public Task Fix_keeps_the_implicit_200_of_an_endpoint_that_returns_nothing()
    {
        const string Fleet = """
            public interface IFleet { Task RemoveAsync(int id); }
            public sealed class Fleet : IFleet { public Task RemoveAsync(int id) => id == 0 ? throw new NotFoundException() : Task.CompletedTask; }

            """;
        return VerifyCS.VerifyCodeFixAsync(Usings + Fleet + """
            [ApiController]
            [Route("flights")]
            public sealed class FlightsController(IFleet fleet) : ControllerBase
            {
                [HttpDelete("{id}")]
                public async Task Delete(int id) => await [|fleet.RemoveAsync(id)|];
            }
            """ + Handler, Usings + Fleet + """
            [ApiController]
            [Route("flights")]
            public sealed class FlightsController(IFleet fleet) : ControllerBase
            {
                [HttpDelete("{id}")]
                [ProducesResponseType(StatusCodes.Status200OK)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public async Task Delete(int id) => await fleet.RemoveAsync(id);
            }
            """ + Handler);
    }

    // ---- Pipeline behaviours ----------------------------------------------------------------------------------

    [Fact]
    public Task Pipeline_behaviours_apply_to_the_requests_they_can_throw_for()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            [AuthorizeRequest]
            public sealed record CreateTodo(string Title) : IRequest<int>;
            public sealed class CreateTodoValidator : AbstractValidator<CreateTodo> { }
            public sealed class CreateTodoHandler : IRequestHandler<CreateTodo, int>
            {
                public Task<int> Handle(CreateTodo request, CancellationToken cancellationToken) => Task.FromResult(1);
            }

            public sealed record ListTodos : IRequest<int>;
            public sealed class ListTodosHandler : IRequestHandler<ListTodos, int>
            {
                public Task<int> Handle(ListTodos request, CancellationToken cancellationToken) => Task.FromResult(0);
            }

            public static class Todos
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapPost("/todos", async (ISender sender, CreateTodo command) => Results.Ok(await {|#0:sender.Send(command)|}))
                        .Produces<int>();

                    app.MapGet("/todos", async (ISender sender) => Results.Ok(await sender.Send(new ListTodos())))
                        .Produces<int>();
                }
            }
            """ + Mediator,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /todos", "400 Bad Request", "ValidationException from ValidationBehaviour.Handle", "MappingExceptionHandler", ""),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /todos", "403 Forbidden", "ForbiddenAccessException from AuthorizationBehaviour.Handle", "MappingExceptionHandler", ""));
    }

    [Fact]
    public Task Silent_for_a_behaviour_whose_constraint_excludes_the_request_and_a_caught_guard()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                using Ardalis.GuardClauses;

                public interface IRequest<TResponse> { }
                public interface ICommand { }
                public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
                public interface IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse> { Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken); }
                public delegate Task<TResponse> RequestHandlerDelegate<TResponse>(CancellationToken cancellationToken = default);
                public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull { Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken); }

                public sealed class ConflictException : Exception { }

                // Runs for commands only.
                public sealed class CommandBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse> where TRequest : ICommand
                {
                    public Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken) => throw new ConflictException();
                }

                public sealed record GetFlight(int Id) : IRequest<int>;
                public sealed class GetFlightHandler : IRequestHandler<GetFlight, int>
                {
                    public Task<int> Handle(GetFlight request, CancellationToken cancellationToken)
                    {
                        try
                        {
                            return Task.FromResult(Guard.Against.NotFound(request.Id, (int?)null).GetValueOrDefault());
                        }
                        catch (Ardalis.GuardClauses.NotFoundException)
                        {
                            return Task.FromResult(0);
                        }
                    }
                }

                public sealed class Handler : IExceptionHandler
                {
                    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                    {
                        context.Response.StatusCode = exception switch
                        {
                            ConflictException => StatusCodes.Status409Conflict,
                            Ardalis.GuardClauses.NotFoundException => StatusCodes.Status404NotFound,
                            _ => StatusCodes.Status500InternalServerError,
                        };
                        return ValueTask.FromResult(true);
                    }
                }

                public static class Flights
                {
                    public static void Map(IEndpointRouteBuilder app) =>
                        app.MapGet("/flights/{id}", async (ISender sender, int id) => Results.Ok(await sender.Send(new GetFlight(id)))).Produces<int>();
                }
                """,
            ReferenceSets = ImmutableArray.Create(ReferenceSets.WithPackage(ReferenceSets.AspNet100, "Ardalis.GuardClauses", "5.0.0")),
        };
        return test.RunAsync();
    }

    // ---- Notifications ----------------------------------------------------------------------------------------

    /// <summary>MediatR's notification shapes, with stand-ins of the same names.</summary>
    private const string Notifications = """

        public interface INotification { }
        public interface IPublisher { Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification; }
        public interface INotificationHandler<in TNotification> where TNotification : INotification { Task Handle(TNotification notification, CancellationToken cancellationToken); }

        public sealed record FlightCancelled(int Id) : INotification;
        public sealed record FlightDelayed(int Id) : INotification;

        public sealed class ReleaseSeats : INotificationHandler<FlightCancelled>
        {
            public Task Handle(FlightCancelled notification, CancellationToken cancellationToken) => Task.CompletedTask;
        }

        public sealed class RefundBookings : INotificationHandler<FlightCancelled>
        {
            public Task Handle(FlightCancelled notification, CancellationToken cancellationToken) =>
                notification.Id == 0 ? throw new NotFoundException() : Task.CompletedTask;
        }

        // Handles another notification: publishing FlightCancelled never runs it.
        public sealed class NotifyCrew : INotificationHandler<FlightDelayed>
        {
            public Task Handle(FlightDelayed notification, CancellationToken cancellationToken) => throw new NotFoundException();
        }
        """;

    [Fact]
    public Task Publish_runs_every_handler_of_the_notification()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapDelete("/flights/{id}", async (int id, IPublisher publisher) =>
                    {
                        await {|#0:publisher.Publish(new FlightCancelled(id))|};
                        return Results.NoContent();
                    }).Produces(StatusCodes.Status204NoContent);
            }
            """ + Notifications + Handler,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("DELETE /flights/{id}", "404 Not Found", "NotFoundException from RefundBookings.Handle", "DomainExceptionHandler", ""));
    }

    [Fact]
    public Task Silent_for_a_notification_whose_handlers_throw_nothing_mapped()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed record SeatsReleased(int Id) : INotification;
            public sealed class AuditSeats : INotificationHandler<SeatsReleased>
            {
                public Task Handle(SeatsReleased notification, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            [ApiController]
            [Route("seats")]
            public sealed class SeatsController(IPublisher publisher) : ControllerBase
            {
                [HttpPost("{id}/release")]
                [ProducesResponseType(StatusCodes.Status204NoContent)]
                public async Task<IActionResult> Release(int id)
                {
                    await publisher.Publish(new SeatsReleased(id));
                    return NoContent();
                }
            }
            """ + Notifications + Handler);
    }

    // ---- Library guard clauses --------------------------------------------------------------------------------

    [Fact]
    public Task Ardalis_guard_clause_throws_what_its_documentation_says()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                using Ardalis.GuardClauses;

                public sealed record Flight(int Id);

                public sealed class CustomExceptionHandler : IExceptionHandler
                {
                    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                    {
                        if (exception is Ardalis.GuardClauses.NotFoundException)
                        {
                            context.Response.StatusCode = StatusCodes.Status404NotFound;
                            return ValueTask.FromResult(true);
                        }

                        return ValueTask.FromResult(false);
                    }
                }

                public sealed class FlightService
                {
                    public Flight Find(int id, Flight? stored) => Guard.Against.NotFound(id, stored);
                }

                [ApiController]
                [Route("flights")]
                public sealed class FlightsController(FlightService flights) : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    public ActionResult<Flight> Get(int id) => {|#0:flights.Find(id, null)|};

                    [HttpGet("guarded/{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    public ActionResult<Flight> Guarded(int id) => {|#1:Guard.Against.NotFound(id, (Flight?)null)|};

                    [HttpGet("null/{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    public ActionResult<Flight> NotMapped(int id) => Guard.Against.Null((Flight?)null);
                }
                """,
            ReferenceSets = ImmutableArray.Create(ReferenceSets.WithPackage(ReferenceSets.AspNet100, "Ardalis.GuardClauses", "5.0.0"), ReferenceSets.WithPackage(ReferenceSets.AspNet80, "Ardalis.GuardClauses", "5.0.0")),
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404 Not Found", "NotFoundException from FlightService.Find", "CustomExceptionHandler", ""));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(1).WithArguments("Guarded", "404 Not Found", "NotFoundException from Guard.Against.NotFound", "CustomExceptionHandler", ""));
        return test.RunAsync();
    }

    // ---- Mapping shapes ---------------------------------------------------------------------------------------

    // The mapper's own file names no handler interface, no next delegate and no filter list: it is read because it
    // derives from a handler read before, in the order the compilation lists the files (the endpoint's first).
    [Fact]
    public Task A_handler_deriving_from_a_handler_in_another_file_maps_its_exceptions()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public sealed class SeatNotFoundException : Exception { }

                public static class Seats
                {
                    public static void Map(IEndpointRouteBuilder app) =>
                        app.MapGet("/seats/{id}", (int id) => id > 0 ? Results.Ok(id) : {|#0:throw new SeatNotFoundException()|})
                            .Produces<int>();
                }
                """,
        };
        test.TestState.Sources.Add(Usings + """
            public sealed class SeatMapper : DomainMapperBase
            {
                protected override int? StatusFor(Exception exception) => exception is SeatNotFoundException ? StatusCodes.Status404NotFound : null;
            }
            """);
        test.TestState.Sources.Add(Usings + """
            public abstract class DomainMapperBase : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if (StatusFor(exception) is not int status)
                    {
                        return ValueTask.FromResult(false);
                    }

                    context.Response.StatusCode = status;
                    return ValueTask.FromResult(true);
                }

                protected abstract int? StatusFor(Exception exception);
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /seats/{id}", "404 Not Found", "SeatNotFoundException thrown here", "SeatMapper", ""));
        return test.RunAsync();
    }

    [Fact]
    public Task StatusCodeSelector_in_options_and_in_AddExceptionHandler()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                using Microsoft.Extensions.DependencyInjection;

                public sealed class QuotaException : Exception { }
                public sealed class GoneException : Exception { }

                public static class Pipeline
                {
                    public static void Configure(WebApplicationBuilder builder)
                    {
                        builder.Services.AddExceptionHandler(options => options.StatusCodeSelector = error => error is GoneException ? StatusCodes.Status410Gone : StatusCodes.Status500InternalServerError);
                        var app = builder.Build();
                        app.UseExceptionHandler(new ExceptionHandlerOptions
                        {
                            StatusCodeSelector = error => error switch
                            {
                                QuotaException => StatusCodes.Status429TooManyRequests,
                                _ => StatusCodes.Status500InternalServerError,
                            },
                        });

                        app.MapPost("/bookings", (int seats) => seats < 10 ? Results.Created("/bookings/1", seats) : {|#0:throw new QuotaException()|})
                            .Produces<int>(StatusCodes.Status201Created);
                        app.MapDelete("/bookings/{id}", (int id) => id > 0 ? Results.NoContent() : {|#1:throw new GoneException()|})
                            .Produces(StatusCodes.Status204NoContent);
                    }
                }
                """,
            ReferenceSets = ImmutableArray.Create(ReferenceSets.AspNet100),
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /bookings", "429 Too Many Requests", "QuotaException thrown here", "Pipeline", ""));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic().WithLocation(1).WithArguments("DELETE /bookings/{id}", "410 Gone", "GoneException thrown here", "Pipeline", ""));
        return test.RunAsync();
    }

    // One handler per exception, each guarding with a negated type test (a common IExceptionHandler shape).
    [Fact]
    public Task Handler_per_exception_behind_a_negated_type_test()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class BadRequestException : Exception { }
            public sealed class GoneException : Exception { }

            public sealed class BadRequestExceptionHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is not BadRequestException badRequest)
                    {
                        return false;
                    }

                    var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = badRequest.Message };
                    httpContext.Response.StatusCode = problem.Status.Value;
                    await httpContext.Response.WriteAsJsonAsync(problem, cancellationToken);
                    return true;
                }
            }

            public sealed class GoneExceptionHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (!(exception is GoneException)) return ValueTask.FromResult(false);
                    httpContext.Response.StatusCode = StatusCodes.Status410Gone;
                    return ValueTask.FromResult(true);
                }
            }

            public sealed class LoggingExceptionHandler : IExceptionHandler
            {
                // Guards by negation but sets no status: not a mapping.
                public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (exception is not OperationCanceledException) return ValueTask.FromResult(false);
                    Console.WriteLine(exception.Message);
                    return ValueTask.FromResult(false);
                }
            }

            public static class Flights
            {
                public static void Map(IEndpointRouteBuilder app) =>
                    app.MapPut("/flights/{id}", (int id) => id switch
                    {
                        0 => {|#0:throw new BadRequestException()|},
                        1 => {|#1:throw new GoneException()|},
                        2 => throw new OperationCanceledException(),
                        _ => Results.NoContent(),
                    }).Produces(StatusCodes.Status204NoContent);
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PUT /flights/{id}", "400 Bad Request", "BadRequestException thrown here", "BadRequestExceptionHandler", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("PUT /flights/{id}", "410 Gone", "GoneException thrown here", "GoneExceptionHandler", ""));
    }

    // Hellang.Middleware.ProblemDetails is not served to the tests: a stand-in with its names and shapes.
    [Fact]
    public Task Hellang_problem_details_options_map_and_map_to_status_code()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class ConflictException : Exception { }
            public sealed class MissingException : Exception { }
            public sealed class TeapotException : Exception { }

            public static class Pipeline
            {
                public static void Configure(Hellang.Middleware.ProblemDetails.ProblemDetailsOptions options, IEndpointRouteBuilder app)
                {
                    options.MapToStatusCode<MissingException>(StatusCodes.Status404NotFound);
                    options.Map<ConflictException>(ex => new Hellang.Middleware.ProblemDetails.StatusCodeProblemDetails(StatusCodes.Status409Conflict));
                    options.Map<TeapotException>((context, ex) => new ProblemDetails { Status = 422, Detail = ex.Message });

                    app.MapPut("/flights/{id}", (int id) => id switch
                    {
                        0 => {|#0:throw new MissingException()|},
                        1 => {|#1:throw new ConflictException()|},
                        2 => {|#2:throw new TeapotException()|},
                        _ => Results.NoContent(),
                    }).Produces(StatusCodes.Status204NoContent);
                }
            }

            namespace Hellang.Middleware.ProblemDetails
            {
                public class ProblemDetailsOptions
                {
                    public void Map<TException>(Func<TException, Microsoft.AspNetCore.Mvc.ProblemDetails?> mapping) where TException : Exception { }
                    public void Map<TException>(Func<HttpContext, TException, Microsoft.AspNetCore.Mvc.ProblemDetails?> mapping) where TException : Exception { }
                    public void MapToStatusCode<TException>(int statusCode) where TException : Exception { }
                }

                public class StatusCodeProblemDetails : Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    public StatusCodeProblemDetails(int statusCode) => Status = statusCode;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("PUT /flights/{id}", "404 Not Found", "MissingException thrown here", "Pipeline", ""),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("PUT /flights/{id}", "409 Conflict", "ConflictException thrown here", "Pipeline", ""),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("PUT /flights/{id}", "422 Unprocessable Content", "TeapotException thrown here", "Pipeline", ""));
    }
}
