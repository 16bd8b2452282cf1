using System.Threading.Tasks;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.UndocumentedStatusCodeAnalyzer,
    FlightErrors.Analyzers.UndocumentedStatusCodeCodeFix>;

namespace FlightErrors.Analyzers.Tests.Rules;

public sealed class FE0001UndocumentedStatusCodeTests
{
    [Fact]
    public Task NotFound_without_documentation_is_reported()
    {
        return VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed record Flight(int Id);

            [ApiController]
            [Route("flights")]
            public sealed class FlightsController : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : {|#0:NotFound()|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("Get", "404", "Not Found"));
    }

    [Fact]
    public Task Fix_adds_attribute_in_status_order()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed record Flight(int Id);

            [ApiController]
            [Route("flights")]
            public sealed class FlightsController : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : [|NotFound()|];
            }
            """, """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public sealed record Flight(int Id);

            [ApiController]
            [Route("flights")]
            public sealed class FlightsController : ControllerBase
            {
                [HttpGet("{id}")]
                [ProducesResponseType<Flight>(200)]
                [ProducesResponseType(StatusCodes.Status404NotFound)]
                public ActionResult<Flight> Get(int id) => id > 0 ? new Flight(id) : NotFound();
            }
            """);
    }
}
