using System.Threading.Tasks;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.RetiredMvcAnalyzerSuppressionAnalyzer,
    FlightErrors.Analyzers.RetiredMvcAnalyzerSuppressionCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0901RetiredMvcAnalyzerSuppressionTests
{
    private const string LivesOn = "FE0001 replaces it, so suppress FE0001 instead";
    private const string Gone = "nothing replaces it, so the suppression can go";

    [Fact]
    public Task Pragmas_move_to_FE0001_or_go()
    {
        var source = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class FlightsController : ControllerBase
            {
            #pragma warning disable {|#0:API1000|} // Legacy clients expect 418.
                public IActionResult Get() => StatusCode(418);
            #pragma warning restore {|#1:API1000|}

                public IActionResult Put()
                {
            #pragma warning disable {|#2:API1002|}, CS0168
                    int unused;
            #pragma warning restore {|#3:API1002|}, CS0168
                    return Ok();
                }

            #pragma warning disable {|#4:API1003|}
                public IActionResult Delete() => NoContent();
            #pragma warning restore {|#5:API1003|}
            }
            """;
        var fixedSource = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class FlightsController : ControllerBase
            {
            #pragma warning disable FE0001 // Legacy clients expect 418.
                public IActionResult Get() => StatusCode(418);
            #pragma warning restore FE0001

                public IActionResult Put()
                {
            #pragma warning disable CS0168
                    int unused;
            #pragma warning restore CS0168
                    return Ok();
                }

                public IActionResult Delete() => NoContent();
            }
            """;
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0).WithArguments("#pragma warning disable", "API1000", LivesOn),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("#pragma warning restore", "API1000", LivesOn),
                VerifyCS.Diagnostic().WithLocation(2).WithArguments("#pragma warning disable", "API1002", Gone),
                VerifyCS.Diagnostic().WithLocation(3).WithArguments("#pragma warning restore", "API1002", Gone),
                VerifyCS.Diagnostic().WithLocation(4).WithArguments("#pragma warning disable", "API1003", Gone),
                VerifyCS.Diagnostic().WithLocation(5).WithArguments("#pragma warning restore", "API1003", Gone),
            },
        }.RunAsync();
    }

    // API1000 and API1001 both become FE0001: once.
    [Fact]
    public Task Two_retired_ids_that_live_on_become_one_FE0001()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            #pragma warning disable [|API1000|], [|API1001|]
            public sealed class Legacy { }
            #pragma warning restore [|API1000|], [|API1001|]
            """, """
            #pragma warning disable FE0001
            public sealed class Legacy { }
            #pragma warning restore FE0001
            """);
    }

    [Fact]
    public Task SuppressMessage_attributes_move_to_FE0001_or_go()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Diagnostics.CodeAnalysis;
            using Microsoft.AspNetCore.Mvc;

            public sealed class FlightsController : ControllerBase
            {
                [SuppressMessage("Usage", [|"API1000:Action returns undeclared status code"|], Justification = "Legacy clients expect 418.")]
                public IActionResult Get() => StatusCode(418);

                [SuppressMessage("Usage", [|"API1002"|])]
                public IActionResult Put() => Ok();

                [HttpDelete, System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", [|"API1003"|])]
                public IActionResult Delete() => NoContent();
            }
            """, """
            using System.Diagnostics.CodeAnalysis;
            using Microsoft.AspNetCore.Mvc;

            public sealed class FlightsController : ControllerBase
            {
                [SuppressMessage("Documentation", "FE0001:Returned status code is not documented", Justification = "Legacy clients expect 418.")]
                public IActionResult Get() => StatusCode(418);

                public IActionResult Put() => Ok();

                [HttpDelete]
                public IActionResult Delete() => NoContent();
            }
            """);
    }

    [Fact]
    public Task Other_suppressions_are_left_alone()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using System.Diagnostics.CodeAnalysis;

            #pragma warning disable CS0168, FE0001, API1004
            public sealed class Legacy
            {
                [SuppressMessage("Documentation", "FE0001")]
                [SuppressMessage("Usage", "API10000")]
                public void M() { }
            }
            #pragma warning restore CS0168, FE0001, API1004
            """);
    }
}
