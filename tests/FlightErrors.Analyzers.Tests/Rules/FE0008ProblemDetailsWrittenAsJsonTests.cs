using System.Threading.Tasks;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.ProblemDetailsWrittenAsJsonAnalyzer,
    FlightErrors.Analyzers.ProblemDetailsWrittenAsJsonCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0008: Problem Details written by WriteAsJsonAsync without the application/problem+json content type (issue 16, item 4).</summary>
public sealed class FE0008ProblemDetailsWrittenAsJsonTests
{
    private const string Default = "application/json; charset=utf-8";

    /// <summary>A middleware whose catch block runs <paramref name="statements"/> with <c>context</c>, <c>problem</c> and <c>cancellationToken</c> in scope.</summary>
    private static string Middleware(string statements) => $$"""
        using System;
        using System.Net.Mime;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class FlightProblem : ProblemDetails { public int FlightId { get; set; } }

        public sealed class ErrorMiddleware(RequestDelegate next)
        {
            public async Task InvokeAsync(HttpContext context, CancellationToken cancellationToken)
            {
                try
                {
                    await next(context);
                }
                catch (Exception exception)
                {
                    var problem = new ProblemDetails { Status = 500, Detail = exception.Message };
                    context.Response.StatusCode = 500;
        {{statements}}
                }
            }
        }
        """;

    // ---- What fires -------------------------------------------------------------------------------------------

    /// <summary>A minimal-API endpoint that returns <paramref name="result"/> (with <c>problem</c> in scope) for a missing flight.</summary>
    private static string Endpoint(string result) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;

        public static class FlightEndpoints
        {
            public static void Map(IEndpointRouteBuilder app) =>
                app.MapGet("/flights/{id}", (int id) =>
                {
                    var problem = new ProblemDetails { Status = 404, Detail = $"Flight {id}" };
                    return id > 0 ? Results.Ok(id) : {{result}};
                });
        }
        """;

    [Theory]
    [InlineData("Results.Json(problem, statusCode: 404)")]
    [InlineData("Results.Json(problem, options: null, contentType: null, statusCode: 404)")]
    [InlineData("TypedResults.Json(problem, statusCode: 404)")]
    public Task Problem_Details_returned_as_a_JSON_result(string result)
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Endpoint("{|#0:" + result + "|}"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ProblemDetails", Default));
    }

    [Theory]
    [InlineData("context.Response.WriteAsJsonAsync(problem)", "ProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, cancellationToken)", "ProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync<ProblemDetails>(problem)", "ProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync(new ValidationProblemDetails())", "ValidationProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync(new HttpValidationProblemDetails())", "HttpValidationProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync(new FlightProblem { FlightId = 7 })", "FlightProblem")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails))", "ProblemDetails")]
    [InlineData("HttpResponseJsonExtensions.WriteAsJsonAsync(context.Response, problem)", "ProblemDetails")]
    [InlineData("context.Response.WriteAsJsonAsync((object)problem)", "ProblemDetails")]
    public Task Problem_Details_written_with_the_default_content_type(string call, string type)
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Middleware("            await {|#0:" + call + "|};"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage($"{type} is written with the content type '{Default}' instead of application/problem+json"));
    }

    [Theory]
    [InlineData("\"application/json\"", "application/json")]
    [InlineData("MediaTypeNames.Application.Json", "application/json")]
    [InlineData("null", Default)]
    public Task Problem_Details_written_with_another_constant_content_type(string contentType, string written)
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Middleware("            await {|#0:context.Response.WriteAsJsonAsync(problem, options: null, contentType: " + contentType + ")|};"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ProblemDetails", written));
    }

    // ---- What stays silent ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json\")")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json; charset=utf-8\")")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, options: null, contentType: MediaTypeNames.Application.ProblemJson)")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, contentType: \"application/problem+json\")")]
    [InlineData("context.Response.WriteAsJsonAsync(problem, options: null, contentType: context.Request.ContentType)")]
    [InlineData("context.Response.WriteAsJsonAsync(new { error = \"failed\" })")]
    public Task Silent(string call)
    {
        return VerifyCS.VerifyAnalyzerAsync(Middleware("            await " + call + ";"));
    }

    [Theory]
    [InlineData("Results.Json(problem, contentType: \"application/problem+json\", statusCode: 404)")]
    [InlineData("Results.Problem(problem)")]
    [InlineData("Results.Json(new { error = \"gone\" }, statusCode: 404)")]
    public Task Silent_for_these_results(string result)
    {
        return VerifyCS.VerifyAnalyzerAsync(Endpoint(result));
    }

    [Fact]
    public Task Silent_for_the_problem_details_service()
    {
        return VerifyCS.VerifyAnalyzerAsync(Middleware("""
                        var writer = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
                        await writer!.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            """));
    }

    [Fact]
    public Task Generated_code_is_ignored()
    {
        return VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Middleware("            await context.Response.WriteAsJsonAsync(problem);"));
    }

    // ---- Fixes -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem)",
        "context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json\")")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, cancellationToken)",
        "context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json\", cancellationToken)")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, cancellationToken: cancellationToken)",
        "context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json\", cancellationToken: cancellationToken)")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, JsonSerializerOptions.Default, cancellationToken)",
        "context.Response.WriteAsJsonAsync(problem, JsonSerializerOptions.Default, contentType: \"application/problem+json\", cancellationToken)")]
    [InlineData(
        "context.Response.WriteAsJsonAsync<ProblemDetails>(problem)",
        "context.Response.WriteAsJsonAsync<ProblemDetails>(problem, options: null, contentType: \"application/problem+json\")")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), cancellationToken)",
        "context.Response.WriteAsJsonAsync(problem, typeof(ProblemDetails), options: null, contentType: \"application/problem+json\", cancellationToken)")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, JsonSerializerOptions.Default.GetTypeInfo(typeof(ProblemDetails)), cancellationToken: cancellationToken)",
        "context.Response.WriteAsJsonAsync(problem, JsonSerializerOptions.Default.GetTypeInfo(typeof(ProblemDetails)), contentType: \"application/problem+json\", cancellationToken: cancellationToken)")]
    [InlineData(
        "context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/json\")",
        "context.Response.WriteAsJsonAsync(problem, options: null, contentType: \"application/problem+json\")")]
    [InlineData(
        "HttpResponseJsonExtensions.WriteAsJsonAsync(context.Response, problem)",
        "HttpResponseJsonExtensions.WriteAsJsonAsync(context.Response, problem, options: null, contentType: \"application/problem+json\")")]
    public Task Fix_passes_the_problem_content_type(string call, string fixedCall)
    {
        return VerifyCS.VerifyCodeFixAsync(
            Middleware("            await [|" + call + "|];"),
            Middleware("            await " + fixedCall + ";"),
            ProblemDetailsWrittenAsJsonCodeFix.UseProblemContentTypeKey);
    }

    [Theory]
    [InlineData("Results.Json(problem, statusCode: 404)", "Results.Json(problem, contentType: \"application/problem+json\", statusCode: 404)")]
    [InlineData("Results.Json(problem, options: null, contentType: null, statusCode: 404)", "Results.Json(problem, options: null, contentType: \"application/problem+json\", statusCode: 404)")]
    [InlineData("TypedResults.Json(problem)", "TypedResults.Json(problem, contentType: \"application/problem+json\")")]
    public Task Fix_passes_the_problem_content_type_to_a_JSON_result(string result, string fixedResult)
    {
        return VerifyCS.VerifyCodeFixAsync(
            Endpoint("[|" + result + "|]"),
            Endpoint(fixedResult),
            ProblemDetailsWrittenAsJsonCodeFix.UseProblemContentTypeKey);
    }

    [Fact]
    public Task Fix_all_fixes_every_write_in_one_pass()
    {
        return VerifyCS.VerifyCodeFixAsync(
            Middleware("""
                        if (exception is ArgumentException)
                        {
                            await [|context.Response.WriteAsJsonAsync(new ValidationProblemDetails())|];
                            return;
                        }

                        await [|context.Response.WriteAsJsonAsync(problem, cancellationToken)|];
            """),
            Middleware("""
                        if (exception is ArgumentException)
                        {
                            await context.Response.WriteAsJsonAsync(new ValidationProblemDetails(), options: null, contentType: "application/problem+json");
                            return;
                        }

                        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken);
            """),
            ProblemDetailsWrittenAsJsonCodeFix.UseProblemContentTypeKey);
    }
}
