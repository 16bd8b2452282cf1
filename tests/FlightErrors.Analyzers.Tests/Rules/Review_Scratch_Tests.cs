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

    [Fact]
    public Task R09_fe0003_fix_typed_delegate()
    {
        return Verify3.VerifyCodeFixAsync(Endpoints("""
                    Func<BadRequest<string>> invalid = () => [|TypedResults.BadRequest("bad")|];
                    app.MapGet("/flights", invalid);
            """), Endpoints("""
                    Func<BadRequest<string>> invalid = () => TypedResults.Problem(detail: "bad", statusCode: StatusCodes.Status400BadRequest);
                    app.MapGet("/flights", invalid);
            """));
    }

    [Fact]
    public Task R10_fe0003_fix_readonly_dictionary_aspnet8()
    {
        return new Verify3.Test
        {
            ReferenceSets = [ReferenceAssemblies.AspNet80],
            TestCode = Endpoints("""
                    app.MapPost("/flights", (Flight flight) =>
                    {
                        IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]> { ["id"] = ["bad"] };
                        return flight.Id > 0 ? Results.Ok(flight) : [|Results.BadRequest(errors)|];
                    });
            """),
            FixedCode = Endpoints("""
                    app.MapPost("/flights", (Flight flight) =>
                    {
                        IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]> { ["id"] = ["bad"] };
                        return flight.Id > 0 ? Results.Ok(flight) : Results.ValidationProblem(errors);
                    });
            """),
        }.RunAsync();
    }

    [Fact]
    public Task R15_local_function_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/flights/{id}", Get).Produces<Flight>();
                    static IResult Get(int id) => id > 0 ? Results.Ok(new Flight(id)) : [|Results.NotFound()|];
            """));
    }

    [Fact]
    public Task R17_private_nested_body_type_fix()
    {
        var source = Endpoints("""
                    app.MapGet("/flights/{id}", FlightHandlers.Get);
            """) + """

            public static class FlightHandlers
            {
                private sealed record Dto(int Id);
                public static IResult Get(int id) => id > 0 ? Results.Ok(new Dto(id)) : [|Results.NotFound()|];
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source.Replace("app.MapGet(\"/flights/{id}\", FlightHandlers.Get);", "app.MapGet(\"/flights/{id}\", FlightHandlers.Get).Produces<FlightHandlers.Dto>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);").Replace("[|Results.NotFound()|]", "Results.NotFound()"), UndocumentedStatusCodeCodeFix.AppendOneKey);
    }

    [Fact]
    public Task R18_exclude_attribute_on_handler()
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoints("""
                    app.MapGet("/internal/{id}", [ExcludeFromDescription] (int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound());
                    app.MapGet("/internal2/{id}", Hidden);
            """, """
                [ExcludeFromDescription]
                private static IResult Hidden(int id) => id > 0 ? Results.Ok(new Flight(id)) : Results.NotFound();
            """));
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
