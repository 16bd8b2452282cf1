using System.Threading.Tasks;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.MappingMissesSubclassAnalyzer,
    FlightErrors.Analyzers.MappingMissesSubclassCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0007: an exact-type exception mapping that a thrown subclass slips through (issue 16, item 4).</summary>
public sealed class FE0007MappingMissesSubclassTests
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
        using Microsoft.AspNetCore.Routing;

        public class NotFoundException : Exception { }
        public sealed class FlightNotFoundException : NotFoundException { }
        public sealed class GateNotFoundException : NotFoundException { }
        public class ConflictException : Exception { }
        public sealed class BookingConflictException : ConflictException { }

        """;

    /// <summary>An exception handler whose one test is <paramref name="test"/>, answering 404.</summary>
    private static string Handler(string test, string name = "ExactHandler") => $$"""

        public sealed class {{name}} : IExceptionHandler
        {
            public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
            {
                if ({{test}})
                {
                    context.Response.StatusCode = 404;
                    return ValueTask.FromResult(true);
                }

                return ValueTask.FromResult(false);
            }
        }

        """;

    /// <summary>Endpoints that throw each of <paramref name="names"/> (exception names separated by spaces).</summary>
    private static string Throwing(string names)
    {
        var exceptions = names.Split(' ');
        var maps = string.Empty;
        for (var i = 0; i < exceptions.Length; i++)
        {
            maps += $$"""
                        app.MapGet("/things/{{i}}/{id}", (int id) => id > 0 ? Results.Ok() : throw new {{exceptions[i]}}());

                """;
        }

        return $$"""

            public static class Things
            {
                public static void Map(IEndpointRouteBuilder app)
                {
            {{maps}}    }
            }
            """;
    }

    // ---- What fires -------------------------------------------------------------------------------------------

    [Fact]
    public Task A_thrown_subclass_under_GetType_equals_typeof()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Usings + Handler("{|#0:exception.GetType() == typeof(NotFoundException)|}") + Throwing("FlightNotFoundException"),
            VerifyCS.Diagnostic().WithLocation(0).WithMessage("'ExactHandler' maps NotFoundException by its exact type, so a thrown FlightNotFoundException, which derives from it, becomes a 500"));
    }

    [Fact]
    public Task Every_thrown_subclass_is_named_once_in_the_order_of_its_first_throw()
    {
        return VerifyCS.VerifyAnalyzerAsync(
            Usings + Handler("{|#0:typeof(NotFoundException) == exception.GetType()|}")
                + Throwing("GateNotFoundException FlightNotFoundException GateNotFoundException NotFoundException"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ExactHandler", "NotFoundException", "GateNotFoundException or FlightNotFoundException"));
    }

    // Clean Architecture's CustomExceptionHandler: handlers registered under typeof(T), looked up by GetType().
    [Fact]
    public Task A_thrown_subclass_under_a_dictionary_keyed_by_type()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public sealed class CustomExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Exception, Task>> _handlers;

                public CustomExceptionHandler() => _handlers = new() { { {|#0:typeof(NotFoundException)|}, HandleNotFoundException } };

                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    if (!_handlers.TryGetValue(exception.GetType(), out var handle))
                    {
                        return false;
                    }

                    await handle(httpContext, exception);
                    return true;
                }

                private static Task HandleNotFoundException(HttpContext httpContext, Exception ex)
                {
                    httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
            }
            """ + Throwing("FlightNotFoundException"),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("CustomExceptionHandler", "NotFoundException", "FlightNotFoundException"));
    }

    // A throw in a service, far from any endpoint, counts: the subclass is thrown in source and nothing catches it there.
    [Fact]
    public Task A_subclass_thrown_as_a_statement_in_a_service()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + Handler("{|#0:exception.GetType() == typeof(NotFoundException)|}") + """
            public sealed class FlightService
            {
                public void Check(int id)
                {
                    if (id < 0)
                    {
                        throw new FlightNotFoundException();
                    }
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("ExactHandler", "NotFoundException", "FlightNotFoundException"));
    }

    // ---- What stays silent ------------------------------------------------------------------------------------

    [Fact]
    public Task Silent_when_the_mapping_matches_subclasses()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + Handler("exception is NotFoundException") + Throwing("FlightNotFoundException"));
    }

    [Fact]
    public Task Silent_when_only_the_exact_type_is_thrown()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + Handler("exception.GetType() == typeof(NotFoundException)") + Throwing("NotFoundException"));
    }

    [Fact]
    public Task Silent_when_a_subclass_is_declared_but_never_thrown()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + Handler("exception.GetType() == typeof(NotFoundException)"));
    }

    [Fact]
    public Task Silent_when_another_mapping_maps_the_subclass()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings
            + Handler("exception.GetType() == typeof(NotFoundException)")
            + Handler("exception is FlightNotFoundException", "FlightHandler")
            + Throwing("FlightNotFoundException"));
    }

    [Fact]
    public Task Silent_when_the_throw_is_caught_where_it_is_thrown()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + Handler("exception.GetType() == typeof(NotFoundException)") + """
            public sealed class FlightService
            {
                public bool Exists(int id)
                {
                    try
                    {
                        if (id < 0) throw new FlightNotFoundException();
                        return true;
                    }
                    catch (NotFoundException)
                    {
                        return false;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Silent_without_ASP_NET_Core_mappers()
    {
        return VerifyCS.VerifyAnalyzerAsync(Usings + """
            public static class Plain
            {
                public static bool IsNotFound(Exception exception) => exception.GetType() == typeof(NotFoundException);

                public static void Fail() => throw new FlightNotFoundException();
            }
            """);
    }

    [Fact]
    public Task Generated_code_is_ignored()
    {
        return VerifyCS.VerifyAnalyzerAsync("// <auto-generated/>\n" + Usings + Handler("exception.GetType() == typeof(NotFoundException)") + Throwing("FlightNotFoundException"));
    }

    // ---- Fixes -------------------------------------------------------------------------------------------------

    [Fact]
    public Task Fix_turns_the_exact_type_test_into_is()
    {
        return VerifyCS.VerifyCodeFixAsync(
            Usings + Handler("[|exception.GetType() == typeof(NotFoundException)|]") + Throwing("FlightNotFoundException"),
            Usings + Handler("exception is NotFoundException") + Throwing("FlightNotFoundException"),
            MappingMissesSubclassCodeFix.MatchSubclassesKey);
    }

    [Fact]
    public Task Fix_reads_typeof_on_the_left_and_keeps_the_rest_of_the_condition()
    {
        return VerifyCS.VerifyCodeFixAsync(
            Usings + Handler("exception is ArgumentException || [|typeof(NotFoundException) == exception.GetType()|]") + Throwing("FlightNotFoundException"),
            Usings + Handler("exception is ArgumentException || exception is NotFoundException") + Throwing("FlightNotFoundException"),
            MappingMissesSubclassCodeFix.MatchSubclassesKey);
    }

    // Fix All fixes every mapper's test in one pass.
    [Fact]
    public Task Fix_all_widens_every_exact_test()
    {
        return VerifyCS.VerifyCodeFixAsync(
            Usings + Handler("[|exception.GetType() == typeof(NotFoundException)|]")
                + Handler("[|exception.GetType() == typeof(ConflictException)|]", "OtherHandler")
                + Throwing("FlightNotFoundException BookingConflictException"),
            Usings + Handler("exception is NotFoundException")
                + Handler("exception is ConflictException", "OtherHandler")
                + Throwing("FlightNotFoundException BookingConflictException"),
            MappingMissesSubclassCodeFix.MatchSubclassesKey);
    }

    // "is NotFoundException" would take FlightNotFoundException from the test after it: no fix.
    [Fact]
    public Task No_fix_when_the_mapper_tests_a_subclass_too()
    {
        var source = Usings + """
            public sealed class ExactHandler : IExceptionHandler
            {
                public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
                {
                    if ({|#0:exception.GetType() == typeof(NotFoundException)|})
                    {
                        context.Response.StatusCode = 404;
                    }
                    else if (exception.GetType() == typeof(FlightNotFoundException))
                    {
                        context.Response.StatusCode = 410;
                    }

                    return ValueTask.FromResult(true);
                }
            }
            """ + Throwing("FlightNotFoundException GateNotFoundException");
        return new VerifyCS.Test
        {
            TestCode = source,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("ExactHandler", "NotFoundException", "GateNotFoundException") },
            FixedCode = source,
        }.RunAsync();
    }

    [Fact]
    public Task No_fix_for_a_dictionary_keyed_by_type()
    {
        var source = Usings + """
            public sealed class CustomExceptionHandler : IExceptionHandler
            {
                private readonly Dictionary<Type, Func<HttpContext, Task>> _handlers;

                public CustomExceptionHandler() => _handlers = new() { { {|#0:typeof(NotFoundException)|}, NotFound } };

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
            """ + Throwing("FlightNotFoundException");
        return new VerifyCS.Test
        {
            TestCode = source,
            ExpectedDiagnostics = { VerifyCS.Diagnostic().WithLocation(0).WithArguments("CustomExceptionHandler", "NotFoundException", "FlightNotFoundException") },
            FixedCode = source,
        }.RunAsync();
    }
}
