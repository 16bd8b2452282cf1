using System.Collections.Immutable;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedStatusCodeCodeFix>;
using Verify2 = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ExplicitInternalServerErrorAnalyzer,
    FlightErrors.Analyzers.ExplicitInternalServerErrorCodeFix>;
using Verify3 = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsAnalyzer,
    FlightErrors.Analyzers.ErrorBodyNotProblemDetailsCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class Review_Scratch_Tests
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

    // Realistic code: should be silent
    [Fact]
    public Task R01_realistic_silent()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var api = app.MapGroup("/api").WithTags("Flights").RequireAuthorization();
                    var flights = api.MapGroup("/flights")
                        .WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status401Unauthorized));
                    flights.MapGet("/{id}", FlightHandlers.GetFlight).WithName("GetFlight").Produces<Flight>().ProducesProblem(404);
                    flights.MapGet("/{id}/typed", FlightHandlers.GetTyped).WithName("GetTyped");
                    flights.MapPost("/", FlightHandlers.Create)
                        .AddEndpointFilter(async (context, next) => await next(context))
                        .Produces<Flight>(201)
                        .ProducesValidationProblem();
                    flights.MapDelete("/{id}", async Task<IResult> (int id) =>
                    {
                        await Task.Yield();
                        return id > 0 ? Results.NoContent() : Results.Unauthorized();
                    }).Produces(204);
            """) + """

            public static class FlightHandlers
            {
                public static async Task<IResult> GetFlight(int id)
                {
                    await Task.Yield();
                    if (id < 0) return Results.Unauthorized();
                    return id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound();
                }

                public static async Task<Results<Ok<Flight>, NotFound, ValidationProblem>> GetTyped(int id)
                {
                    await Task.Yield();
                    return id switch
                    {
                        0 => TypedResults.NotFound(),
                        < 0 => TypedResults.ValidationProblem(new Dictionary<string, string[]>()),
                        _ => TypedResults.Ok(new Flight(id)),
                    };
                }

                public static IResult Create(Flight flight) =>
                    flight.Id < 0 ? Results.ValidationProblem(new Dictionary<string, string[]>()) : Results.Created($"/api/flights/{flight.Id}", flight);
            }
            """);
    }

    // A group factory extension method in source that documents 401 on the group.
    [Fact]
    public Task R02_group_factory_extension()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var api = app.MapApi();
                    api.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.Unauthorized())
                        .Produces<Flight>();
            """, """
                public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app) =>
                    app.MapGroup("/api").WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status401Unauthorized));
            """));
    }

    // IEndpointConventionBuilder.Add adds the metadata directly.
    [Fact]
    public Task R03_convention_add()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>()
                        .Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeAttribute(StatusCodes.Status404NotFound)));
            """));
    }

    // Map helpers taking IEndpointRouteBuilder, called on a documented group.
    [Fact]
    public Task R04_map_helper_called_on_group()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Program
            {
                public static void Configure(WebApplication app)
                {
                    app.MapGroup("/flights")
                        .WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status404NotFound))
                        .MapFlights();
                }
            }

            public static class FlightEndpoints
            {
                public static IEndpointRouteBuilder MapFlights(this IEndpointRouteBuilder routes)
                {
                    routes.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>();
                    return routes;
                }
            }

            public sealed record Flight(int Id);
            """);
    }

    // Delegate used to configure builders.
    [Fact]
    public Task R05_delegate_convention()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    Action<RouteHandlerBuilder> document = b => b.Produces<Flight>().ProducesProblem(404);
                    document(app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound()));
            """));
    }

    // Group local typed as IEndpointRouteBuilder.
    [Fact]
    public Task R06_group_local_typed_as_interface()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    IEndpointRouteBuilder flights = app.MapGroup("/flights").WithMetadata(new ProducesResponseTypeAttribute(StatusCodes.Status404NotFound));
                    flights.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>();
            """));
    }

    // Loops / recursion
    [Fact]
    public Task R07_recursion_cases()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    var g = app.MapGroup("/a");
                    g = g.MapGroup("/b");
                    g = g.WithTags("x");
                    g.MapGet("/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.NotFound()|])
                        .Produces<Flight>()
                        .A();
            """, """
                private static RouteHandlerBuilder A(this RouteHandlerBuilder b) => b.B();
                private static RouteHandlerBuilder B(this RouteHandlerBuilder b) => b.A();
            """));
    }

    // FE0002: HttpValidationProblemDetails defaults to 400
    [Fact]
    public Task R08_fe0002_validation_problem_details()
    {
        return Verify2.VerifyAnalyzerAsync(Endpoints("""
                    app.MapPost("/flights", (Flight flight) => flight.Id > 0
                        ? Results.Ok(flight)
                        : Results.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["id"] = ["bad"] })));
            """));
    }

    // FE0003 fix on a lambda with a typed delegate target
    [Fact]
    public Task R09_fe0003_fix_typed_delegate()
    {
        var source = Endpoints("""
                    Func<BadRequest<string>> invalid = () => [|TypedResults.BadRequest("bad")|];
                    app.MapGet("/flights", invalid);
            """);
        return Verify3.VerifyCodeFixAsync(source, source);
    }

    // FE0003 ValidationProblem fix on a read-only dictionary
    [Fact]
    public Task R10_fe0003_fix_readonly_dictionary()
    {
        var source = Endpoints("""
                    app.MapPost("/flights", (Flight flight) =>
                    {
                        IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]> { ["id"] = ["bad"] };
                        return flight.Id > 0 ? Results.Ok(flight) : [|Results.BadRequest(errors)|];
                    });
            """);
        return Verify3.VerifyCodeFixAsync(source, source);
    }

    // Fix: comment lost when inserting before a higher code
    [Fact]
    public Task R11_fix_keeps_comment_before()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => [|Results.NotFound()|], 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .WithName("GetFlight") // used by CreatedAtRoute
                        .Produces<Flight>()
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => Results.NotFound(), 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .WithName("GetFlight") // used by CreatedAtRoute
                        .Produces<Flight>()
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task R11b_fix_keeps_comment_before_insert_point()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => [|Results.NotFound()|], 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .Produces<Flight>() // the flight
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id switch { 0 => Results.NotFound(), 1 => Results.Conflict(), _ => Results.Ok(new Flight(id)) })
                        .Produces<Flight>() // the flight
                        .ProducesProblem(StatusCodes.Status404NotFound)
                        .ProducesProblem(StatusCodes.Status409Conflict);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    // Fix: comment duplicated when appending after a commented line
    [Fact]
    public Task R12_fix_duplicates_leading_comment()
    {
        return VerifyCS.VerifyCodeFixAsync(Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.NotFound()|])
                        .Produces<Flight>()
                        // public name
                        .WithName("GetFlight");
            """), Endpoints("""
                    app.MapGet("/flights/{id}", (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound())
                        .Produces<Flight>()
                        // public name
                        .WithName("GetFlight")
                        .ProducesProblem(StatusCodes.Status404NotFound);
            """), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    // Robustness
    public static TheoryData<string> Broken => new()
    {
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { app.MapGet("/x", (int id) => { return Results. }); } }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { app.MapGet( } }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { app.MapGet("/x", Missing).Produces(; } }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { var g = g.MapGroup("/a"); g.MapGet("/", () => Results.NotFound()).ProducesProblem(); } }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { var g = app.MapGroup("/a"); g = g; g.MapGet("/", () => Results.NotFound()).X(); }
          static RouteHandlerBuilder X(this RouteHandlerBuilder b);
          static RouteHandlerBuilder Y(this RouteHandlerBuilder b, int i) => b.X().Y(i).Y();
        }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { app.MapGet("/x", (int id) => id switch { 0 => Results.NotFound(), }).WithMetadata(new ProducesResponseTypeAttribute()).Produces(statusCode: ); } }
        """,
        Usings + """
        public static class E { public static void M(this IEndpointRouteBuilder app) { app.MapGet("/x", async Task<Results<Ok, >> (int id) => TypedResults.NotFound()); app.MapMethods("/y", new[] { null, "GET" }, () => Results.Problem()); } }
        """,
        Usings + """
        app.MapGet("/x", () => Results.NotFound()).Produces(404 ;
        var app = WebApplication.Create();
        app.MapGroup(null!).MapGroup(null!).MapGet(null!, (Delegate)null!);
        app.MapGet("/y", (Func<IResult>)(() => Results.StatusCode(500))).AddEndpointFilter((c, n) => n(c));
        app.MapGet("/z", Local);
        IResult Local() => Local();
        """,
        Usings + """
        public static class E
        {
            public static void M(this IEndpointRouteBuilder app) { app.MapGet("/x", H.Get).WithX(); }
            static TBuilder WithX<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.WithY();
            static TBuilder WithY<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.WithX();
        }
        public static class H { public static IResult Get(int id) => id > 0 ? Get(id - 1) : Results.NotFound(); }
        """,
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task R13_broken(string source)
    {
        foreach (var analyzer in Meta.Catalogue.Analyzers)
        {
            var test = new Robust(analyzer) { TestCode = source };
            await test.AnalyzeOnlyAsync();
        }
    }

    private sealed class Robust : AnalyzerTest
    {
        public Robust(DiagnosticAnalyzer analyzer)
            : base(ImmutableArray.Create(analyzer), null)
        {
        }
    }
}
