using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Robustness;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FlightErrors.Analyzers.Tests.Meta;

/// <summary>
/// Every "Does not violate the rule" example of every rule page compiles, on ASP.NET Core 10 and 8, and no rule of
/// the package reports anything in it (issue 14, item 16): a reader who copies the cure gets no other warning. A
/// member goes into a controller, a statement into a method that maps endpoints, beside a few stand-in types.
/// </summary>
public sealed partial class RulePageExampleTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Logging;

        public sealed record Flight(int Id);
        public sealed record Hangar(string Code);
        public sealed record Booking(int Id);
        public sealed record BookingRequest(int FlightId);
        public sealed class FlightStore { public Flight? Find(int id) => id > 0 ? new Flight(id) : null; }
        public sealed class HangarStore { public IReadOnlyList<Hangar> In(string building) => new[] { new Hangar(building) }; }
        public sealed class BuildingCodes { public bool IsValid(string code) => code.Length == 3; }
        public sealed class BookingService { public Task<Booking> CreateAsync(BookingRequest request) => Task.FromResult(new Booking(request.FlightId)); }

        """;

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (page, index, _) in AllExamples())
        {
            data.Add(page, index);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_does_not_violate_example_compiles_without_any_finding(string page, int index)
    {
        var example = AllExamples().Single(e => e.Page == page && e.Index == index).Code;
        foreach (var set in ReferenceSets.All)
        {
            var compilation = CSharpCompilation.Create(
                "Example",
                [CSharpSyntaxTree.ParseText(Wrap(example), new CSharpParseOptions(LanguageVersion.Latest), path: "/Example.cs")],
                await ReferenceSets.ResolveAsync(set),
                new CSharpCompilationOptions(IsProgram(example) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{page} example {index} does not compile on {ReferenceSets.NameOf(set)}:\n{string.Join("\n", errors)}\n{example}");

            var run = await AnalyzerRun.RunAsync(compilation, new AnalyzerOptions([]), concurrentAnalysis: false);
            Assert.False(run.Failed, run.DescribeFailure());
            Assert.True(run.Diagnostics.IsEmpty, $"{page} example {index} on {ReferenceSets.NameOf(set)}:\n{string.Join("\n", run.Diagnostics)}\n{example}");
        }
    }

    [Fact]
    public void Every_rule_page_has_examples_that_do_not_violate_it()
    {
        var pages = AllExamples().Select(e => e.Page).ToHashSet(StringComparer.Ordinal);
        // A configuration rule's examples are .editorconfig sections, not code.
        foreach (var descriptor in Catalogue.Descriptors.Where(d => d.Category != Categories.Configuration))
        {
            Assert.Contains(descriptor.Id + ".md", pages);
        }
    }

    /// <summary>A member goes into a controller; statements (they start with a name and a dot) into a method that maps endpoints.</summary>
    private static bool IsProgram(string example) => example.StartsWith("var builder = WebApplication.", StringComparison.Ordinal);

    private static string Wrap(string example)
    {
        if (IsProgram(example))
        {
            // A whole top-level program (FE0004's): its statements come before the domain's types.
            var types = Domain.IndexOf("public sealed record", StringComparison.Ordinal);
            return Domain[..types] + "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Hosting;\n\n" + example + "\n\n" + Domain[types..] + """

                [ApiController]
                [Route("api/flights")]
                public sealed class FlightsController(FlightStore flights) : ControllerBase
                {
                    [HttpGet("{id}")]
                    [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public IActionResult Get(int id) => flights.Find(id) is { } flight ? Ok(flight) : NotFound();
                }
                """;
        }

        if (StatementStart().IsMatch(example))
        {
            return Domain + $$"""
                public static class ExampleEndpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var flights = app.MapGroup("/api/flights");
                {{example}}
                    }
                }
                """;
        }

        return Domain + $$"""
            [ApiController]
            [Route("api")]
            public sealed class ExampleController(FlightStore flights, HangarStore hangars, BuildingCodes codes, BookingService bookings, ILogger<ExampleController> logger) : ControllerBase
            {
                private readonly FlightStore _flights = flights;
                private readonly HangarStore _hangars = hangars;
                private readonly BuildingCodes _codes = codes;
                private readonly BookingService _bookings = bookings;
                private readonly ILogger<ExampleController> _logger = logger;

            {{example}}
            }
            """;
    }

    /// <summary>The C# blocks after each "Does not violate the rule" line (and its "or, …" alternatives) up to the next heading.</summary>
    private static IEnumerable<(string Page, int Index, string Code)> AllExamples()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Catalogue.RepositoryRoot, "docs", "rules"), "FE*.md").Order(StringComparer.Ordinal))
        {
            var page = Path.GetFileName(path);
            var lines = File.ReadAllLines(path);
            var collecting = false;
            var index = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('#'))
                {
                    collecting = false;
                }
                else if (lines[i].StartsWith("Does not violate the rule", StringComparison.Ordinal))
                {
                    collecting = true;
                }
                else if (collecting && lines[i] == "```csharp")
                {
                    var end = Array.IndexOf(lines, "```", i + 1);
                    yield return (page, index++, string.Join("\n", lines[(i + 1)..end]));
                    i = end;
                }
            }
        }
    }

    [GeneratedRegex(@"^[a-z]\w*\.Map", RegexOptions.CultureInvariant)]
    private static partial Regex StatementStart();
}
