using System.Collections.Immutable;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Robustness;
using FlightErrors.Analyzers.Tests.Verification;

namespace FlightErrors.Analyzers.Tests.Meta;

/// <summary>Every analyzer survives empty and broken sources without an exception (an AD0001 for users).</summary>
public sealed class AnalyzerRobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        string.Empty,
        "using Microsoft.AspNetCore.Mvc;",
        """
        using Microsoft.AspNetCore.Mvc;
        [ApiController]
        public class FlightsController : ControllerBase
        {
            public IActionResult Get(int id) => id switch { 0 => NotFound(, _ =>
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        [ApiController]
        public class FlightsController : ControllerBase
        {
            [ProducesResponseType(
            public IActionResult Get(int id) { return StatusCode(; }
            public ActionResult<> Put() => new ObjectResult(null) { StatusCode = };
            private IActionResult Loop() => Loop();
            public IActionResult Rec() => Loop();
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        [ApiController]
        [ApiConventionType(typeof(DefaultApiConventions))]
        public class FlightsController : ControllerBase
        {
            public async System.Threading.Tasks.Task<IActionResult> Get(int id) { var x = await ; return x ?? }
            [ApiConventionMethod(typeof(DefaultApiConventions), "Nope")]
            public IActionResult Find(int) => Problem(statusCode: "x");
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        public static class FlightEndpoints
        {
            public static void Map(this IEndpointRouteBuilder app)
            {
                app.MapGet("/a", (int id) => id > 0 ? Results.Ok( : Results.NotFound()
                app.MapGet("/b", );
                app.MapPost(
                var g = g.MapGroup("/loop");
                g.MapGet("/c", Missing).ProducesProblem(;
                var h = app.MapGroup("/h"); h = h.MapGroup("/again"); h.MapGet("/d", () => Results.StatusCode(500)).Loop();
                app.MapMethods("/e", new[] { "GET", null }, () => Results.Problem(statusCode: 500 +)).WithMetadata(null, new object());
            }
            private static RouteHandlerBuilder Loop(this RouteHandlerBuilder b) => b.Loop();
        }
        """,
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Analyzers_do_not_throw(string source)
    {
        Assert.NotEmpty(Catalogue.Analyzers);
        foreach (var references in ReferenceSets.All)
        {
            var project = new FuzzCase("broken", ImmutableArray.Create(new FuzzDocument("Test0.cs", source)), references).CreateProject();
            var compilation = (await project.GetCompilationAsync())!;
            var run = await AnalyzerRun.RunAsync(compilation, Catalogue.Analyzers, project.AnalyzerOptions, concurrentAnalysis: true);
            Assert.False(run.Failed, $"[{ReferenceSets.NameOf(references)}] {run.DescribeFailure()}");
        }
    }
}
