using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedFrameworkStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedFrameworkStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>
/// FE0006: the code a minimal-API endpoint filter returns instead of calling <c>next</c> is documented (issue 17, "not
/// covered: endpoint filters on route handlers"). On ASP.NET Core 10 a filter's short-circuit result is what the client
/// gets, and neither ApiExplorer nor Microsoft.AspNetCore.OpenApi lists its code.
/// </summary>
public sealed class FE0006UndocumentedFrameworkStatusCodeEndpointFilterTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Routing;

        """;

    private static string Endpoints(string body, string types = "") => Usings + $$"""
        public static class FlightEndpoints
        {
            public static void MapFlights(this IEndpointRouteBuilder app)
            {
        {{body}}
            }
        }

        public sealed record Flight(int Id);
        {{types}}
        """;

    private const string TenantFilter = """

        public sealed class TenantFilter : IEndpointFilter
        {
            public async System.Threading.Tasks.ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
            {
                if (!context.HttpContext.Request.Headers.ContainsKey("X-Tenant"))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "X-Tenant is required");
                }

                return await next(context);
            }
        }
        """;

    // ---- Reported ----------------------------------------------------------------------------------------------------

    [Fact]
    public Task A_lambda_filter_on_the_endpoint_answers_its_code()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|#0:(int id)|} => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(async (context, next) =>
                        {
                            if (context.GetArgument<int>(0) > 9999)
                            {
                                return Results.Problem(statusCode: 422);
                            }

                            return await next(context);
                        });
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'GET /flights/{id:int}' can answer 422 Unprocessable Content (.AddEndpointFilter(…) on the endpoint), which is not documented"));
    }

    [Fact]
    public Task A_filter_class_added_by_type_answers_its_code()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|#0:(int id)|} => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter<TenantFilter>();
            """, TenantFilter),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'GET /flights/{id:int}' can answer 422 Unprocessable Content (.AddEndpointFilter<TenantFilter>() on the endpoint), which is not documented"));
    }

    [Fact]
    public Task A_filter_instance_answers_its_code()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|#0:(int id)|} => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(new TenantFilter());
            """, TenantFilter),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "422 Unprocessable Content", ".AddEndpointFilter(new TenantFilter()) on the endpoint"));
    }

    [Fact]
    public Task The_filters_a_factory_returns_answer_their_codes()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|#0:(int id)|} => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilterFactory((factoryContext, next) =>
                        {
                            if (factoryContext.MethodInfo.GetParameters().Length == 0)
                            {
                                return next;
                            }

                            return async context => context.HttpContext.User.Identity?.IsAuthenticated == true ? await next(context) : Results.Unauthorized();
                        });
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "401 Unauthorized", ".AddEndpointFilterFactory(…) on the endpoint"));
    }

    [Fact]
    public Task A_filter_on_a_group_answers_for_each_endpoint_of_the_group()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var flights = app.MapGroup("/flights").AddEndpointFilter<TenantFilter>();
                    flights.MapGet("/{id:int}", {|#0:(int id)|} => TypedResults.Ok(new Flight(id)));
                    flights.MapDelete("/{id:int}", {|#1:(int id)|} => TypedResults.NoContent());
                    app.MapGet("/gates/{id:int}", (int id) => TypedResults.Ok(id));
            """, TenantFilter),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("GET /flights/{id:int}", "422 Unprocessable Content", ".AddEndpointFilter<TenantFilter>() on its group"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("DELETE /flights/{id:int}", "422 Unprocessable Content", ".AddEndpointFilter<TenantFilter>() on its group"));
    }

    [Fact]
    public Task Every_code_a_filter_returns_is_answered()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapPost("/flights/{id:int}/board", {|#0:(int id)|} => TypedResults.NoContent())
                        .AddEndpointFilter(async (context, next) =>
                            context.GetArgument<int>(0) switch
                            {
                                < 0 => TypedResults.BadRequest(),
                                > 9999 => TypedResults.Conflict(),
                                _ => await next(context),
                            });
            """),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /flights/{id:int}/board", "400 Bad Request", ".AddEndpointFilter(…) on the endpoint"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("POST /flights/{id:int}/board", "409 Conflict", ".AddEndpointFilter(…) on the endpoint"));
    }

    // ---- Silent ------------------------------------------------------------------------------------------------------

    // A challenge goes through the authentication handler; a cookie scheme's redirects to a login page, not 401. A
    // plain 401 from the same kind of filter is reported where no scheme redirects (the factory test above).
    [Fact]
    public Task A_filter_that_challenges_stays_silent_where_the_challenge_redirects()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Endpoints("""
                    app.MapGet("/flights/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(async (context, next) =>
                            context.HttpContext.User.Identity?.IsAuthenticated == true ? await next(context) : Results.Challenge());
            """),
        };
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Authentication.Cookies;
            using Microsoft.Extensions.DependencyInjection;

            public static class Setup
            {
                public static void Configure(IServiceCollection services) => services.AddAuthentication().AddCookie();
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task A_documented_code_is_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(async (context, next) =>
                            context.GetArgument<int>(0) > 9999 ? Results.Problem(statusCode: 422) : await next(context))
                        .ProducesProblem(422);
                    app.MapGet("/gates/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter<TenantFilter>()
                        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            """, TenantFilter));
    }

    [Fact]
    public Task A_filter_that_only_calls_next_is_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(async (context, next) =>
                        {
                            context.HttpContext.Response.Headers["X-Flight"] = "1";
                            return await next(context);
                        })
                        .AddEndpointFilterFactory((factoryContext, next) => next);
            """));
    }

    [Fact]
    public Task A_status_that_is_not_a_constant_is_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter(async (context, next) =>
                            context.GetArgument<int>(0) > 9999 ? Results.StatusCode(context.GetArgument<int>(0)) : await next(context));
            """));
    }

    // ---- The fix -----------------------------------------------------------------------------------------------------

    [Fact]
    public Task The_fix_documents_the_code_on_the_endpoint()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id:int}", {|FE0006:(int id)|} => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter<TenantFilter>();
            """, TenantFilter), Endpoints("""
                    app.MapGet("/flights/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .AddEndpointFilter<TenantFilter>()
                        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            """, TenantFilter));
    }

    // Every endpoint declares its own responses and nothing exempts one from a group's filter: documented once, on the
    // group (ProducesProblem takes a group from ASP.NET Core 9).
    [Fact]
    public Task The_fix_documents_a_group_filter_on_the_group()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet100],
            TestCode = Endpoints("""
                    var flights = app.MapGroup("/flights").AddEndpointFilter<TenantFilter>();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => TypedResults.Ok(new Flight(id)));
                    flights.MapDelete("/{id:int}", {|FE0006:(int id)|} => TypedResults.NoContent());
            """, TenantFilter),
            FixedCode = Endpoints("""
                    var flights = app.MapGroup("/flights").AddEndpointFilter<TenantFilter>()
                        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
                    flights.MapGet("/{id:int}", (int id) => TypedResults.Ok(new Flight(id)));
                    flights.MapDelete("/{id:int}", (int id) => TypedResults.NoContent());
            """, TenantFilter),
            CodeActionVerifier = (action, verifier) => verifier.True(action.Title.EndsWith(" on group 'flights'", System.StringComparison.Ordinal), $"'{action.Title}' does not name the group"),
        }.RunAsync();
    }

    // On ASP.NET Core 8, ProducesProblem does not take a group: each endpoint is documented.
    [Fact]
    public Task The_fix_documents_a_group_filter_on_each_endpoint_on_ASP_NET_Core_8()
    {
        return new VerifyCS.Test
        {
            ReferenceSets = [ReferenceSets.AspNet80],
            TestCode = Endpoints("""
                    var flights = app.MapGroup("/flights").AddEndpointFilter<TenantFilter>();
                    flights.MapGet("/{id:int}", {|FE0006:(int id)|} => TypedResults.Ok(new Flight(id)));
            """, TenantFilter),
            FixedCode = Endpoints("""
                    var flights = app.MapGroup("/flights").AddEndpointFilter<TenantFilter>();
                    flights.MapGet("/{id:int}", (int id) => TypedResults.Ok(new Flight(id)))
                        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            """, TenantFilter),
        }.RunAsync();
    }
}
