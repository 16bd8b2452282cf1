using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// Every <c>```csharp</c> block of every rule page compiles on ASP.NET Core 10 and 8, with every analyzer of the
/// package run over it, and raises what the page says it does (issue 18, item 5; issue 14, item 16):
/// <list type="bullet">
/// <item>a block whose lead-in paragraph starts "Violates the rule" or "Before" raises the page's rule;</item>
/// <item>one whose lead-in starts "Does not violate the rule" or "After" raises nothing from any rule, so a copied cure
/// brings no other warning;</item>
/// <item>a paragraph starting "or" keeps the kind of the block before it in the same section;</item>
/// <item>a block with <c>#pragma warning disable</c> (a "When to suppress" example) does not raise the page's rule;</item>
/// <item>any other block (an illustration) compiles.</item>
/// </list>
/// The block's first line of code says where it goes, beside a few stand-in types (<see cref="Domain"/>): a program
/// (<c>var builder = WebApplication.…</c>, or <c>builder.…</c> and <c>var app = builder.…</c> after a builder), type
/// declarations at the top level, members (an attribute or a modifier first) into an API controller, statements that
/// map endpoints (<c>app.…</c>, <c>flights.Map…</c>) into a method with <c>app</c> and the group <c>flights</c>, and
/// other statements into an action hidden from the API description: a fragment shows no declarations, so what it
/// documents is not judged. A hidden line <c>&lt;!-- example: compiles on ASP.NET Core 9 and later --&gt;</c> right
/// above a block limits it to the reference sets of that version and later. Other blocks say their language
/// (<c>text</c>, <c>ini</c>, <c>sh</c>, …), so no C# escapes the test by an empty tag.
/// </summary>
public sealed partial class RulePageExampleTests
{
    private const string Domain = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Diagnostics;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Logging;

        public sealed record Flight(int Id);
        public sealed record Hangar(string Code);
        public sealed record Booking(int Id);
        public sealed record BookingRequest(int FlightId);
        public sealed record ErrorResponse(string Code, string Message);
        public sealed record GetFlightQuery(int Id);
        public interface ISender { Task<Flight> Send(GetFlightQuery query); }
        public sealed class FlightStore { public Flight? Find(int id) => id > 0 ? new Flight(id) : null; }
        public sealed class HangarStore { public IReadOnlyList<Hangar> In(string building) => new[] { new Hangar(building) }; }
        public sealed class BuildingCodes { public bool IsValid(string code) => code.Length == 3; }
        public sealed class BookingService { public Task<Booking> CreateAsync(BookingRequest request) => Task.FromResult(new Booking(request.FlightId)); }

        """;

    /// <summary>The languages a rule page's blocks may name; C# is <c>csharp</c>, which the test compiles.</summary>
    private static readonly ImmutableHashSet<string> Languages = ImmutableHashSet.Create(StringComparer.Ordinal, "csharp", "text", "ini", "xml", "json", "yaml", "sh");

    internal enum Kind
    {
        Illustration,
        Violates,
        DoesNotViolate,
        Suppression,
    }

    internal enum Context
    {
        Program,
        Types,
        Members,
        MapStatements,
        ActionStatements,
    }

    internal sealed record Block(string Page, int Index, int Line, string Language, string Code, Kind Kind, int MinimumAspNetCore)
    {
        public string RuleId => Path.GetFileNameWithoutExtension(Page);
    }

    public static TheoryData<string, int> CSharpBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in AllBlocks().Where(b => b.Language == "csharp"))
        {
            data.Add(block.Page, block.Index);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public async Task A_csharp_block_compiles_and_raises_what_the_page_says(string page, int index)
    {
        var block = AllBlocks().Single(b => b.Page == page && b.Index == index);
        var source = Wrap(block.Code);
        var where = $"{page}:{block.Line} ({block.Kind}, {ContextOf(block.Code)})";
        var checkedSets = 0;
        foreach (var set in ReferenceSets.All.Where(s => AspNetCoreMajor(s) >= block.MinimumAspNetCore))
        {
            checkedSets++;
            var on = ReferenceSets.NameOf(set);
            var compilation = CSharpCompilation.Create(
                "Example",
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/Example.cs")],
                await ReferenceSets.ResolveAsync(set),
                new CSharpCompilationOptions(ContextOf(block.Code) == Context.Program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{where} does not compile on {on}:\n{string.Join("\n", errors)}\n{source}");

            var run = await AnalyzerRun.RunAsync(compilation, new AnalyzerOptions([]), concurrentAnalysis: false);
            Assert.False(run.Failed, run.DescribeFailure());
            var findings = string.Join("\n", run.Diagnostics);
            switch (block.Kind)
            {
                case Kind.Violates:
                    Assert.True(run.Diagnostics.Any(d => d.Id == block.RuleId), $"{where} is said to violate {block.RuleId} but does not on {on}:\n{findings}\n{block.Code}");
                    break;
                case Kind.DoesNotViolate:
                    Assert.True(run.Diagnostics.IsEmpty, $"{where} is said not to violate the rule but raises on {on}:\n{findings}\n{block.Code}");
                    break;
                case Kind.Suppression:
                    Assert.True(run.Diagnostics.All(d => d.Id != block.RuleId), $"{where} suppresses {block.RuleId} but it is still reported on {on}:\n{findings}\n{block.Code}");
                    break;
            }
        }

        Assert.True(checkedSets > 0, $"{where} names an ASP.NET Core version no reference set has");
    }

    [Fact]
    public void Every_code_rule_page_has_examples_that_violate_it_and_that_do_not()
    {
        var blocks = AllBlocks().ToList();
        // A configuration rule's examples are .editorconfig sections and suppressions, not endpoints.
        foreach (var descriptor in Catalogue.Descriptors.Where(d => d.Category != Categories.Configuration))
        {
            var page = descriptor.Id + ".md";
            Assert.True(blocks.Any(b => b.Page == page && b.Kind == Kind.Violates), $"{page} has no C# example that violates the rule");
            Assert.True(blocks.Any(b => b.Page == page && b.Kind == Kind.DoesNotViolate), $"{page} has no C# example that does not violate the rule");
        }
    }

    [Fact]
    public void Every_code_block_of_every_rule_page_names_its_language()
    {
        var unnamed = AllBlocks()
            .Where(b => !Languages.Contains(b.Language))
            .Select(b => $"{b.Page}:{b.Line}: '```{b.Language}'")
            .ToList();
        Assert.True(unnamed.Count == 0, $"Name each block's language, one of {string.Join(", ", Languages.Order(StringComparer.Ordinal))} (C# is csharp, which this test compiles; diagnostic output is text):\n{string.Join("\n", unnamed)}");
    }

    [Fact]
    public void The_blocks_are_read_as_the_pages_say()
    {
        // The reading itself: FE0003's "Before" and "After" blocks, a block after "or, …" and a suppression.
        var fe0002 = AllBlocks().Where(b => b.Page == "FE0002.md" && b.Language == "csharp").Select(b => b.Kind).ToList();
        Assert.Equal(
            [Kind.Violates, Kind.DoesNotViolate, Kind.DoesNotViolate, Kind.Violates, Kind.DoesNotViolate, Kind.DoesNotViolate, Kind.Suppression],
            fe0002);
        var fe0003 = AllBlocks().Where(b => b.Page == "FE0003.md" && b.Language == "csharp").ToList();
        Assert.Contains(fe0003, b => b.Kind == Kind.Violates && b.Code.StartsWith("return BadRequest(new ErrorResponse", StringComparison.Ordinal));
        Assert.Contains(fe0003, b => b.Kind == Kind.DoesNotViolate && b.MinimumAspNetCore == 9);
        Assert.Contains(fe0003, b => b.Kind == Kind.Illustration && ContextOf(b.Code) == Context.Program);
    }

    private static int AspNetCoreMajor(ReferenceAssemblies set) => set == ReferenceSets.AspNet80 ? 8 : 10;

    internal static Context ContextOf(string code)
    {
        var lines = code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('#')).ToList();
        var first = lines.FirstOrDefault() ?? string.Empty;
        if (first.StartsWith("var builder = WebApplication.", StringComparison.Ordinal) || first.StartsWith("builder.", StringComparison.Ordinal) || first.StartsWith("var app = builder.", StringComparison.Ordinal))
        {
            return Context.Program;
        }

        var declaration = lines.FirstOrDefault(l => !l.StartsWith('[')) ?? string.Empty;
        if (TypeDeclaration().IsMatch(declaration))
        {
            return Context.Types;
        }

        if (first.StartsWith('[') || MemberStart().IsMatch(first))
        {
            return Context.Members;
        }

        return MapStatement().IsMatch(first) ? Context.MapStatements : Context.ActionStatements;
    }

    private static string Wrap(string code)
    {
        switch (ContextOf(code))
        {
            case Context.Program:
            {
                // A top-level program (FE0004's): its statements come before the domain's types, and a controller.
                var types = Domain.IndexOf("public sealed record", StringComparison.Ordinal);
                var builder = code.Contains("var builder = WebApplication.", StringComparison.Ordinal) ? string.Empty : "var builder = WebApplication.CreateBuilder(args);\n";
                return Domain[..types] + "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Hosting;\n\n" + builder + code + "\n\n" + Domain[types..] + """

                    [ApiController]
                    [Route("api/flights")]
                    public sealed class FlightsController(FlightStore flights) : ControllerBase
                    {
                        [HttpGet("{id:int}")]
                        [ProducesResponseType<Flight>(StatusCodes.Status200OK)]
                        [ProducesResponseType(StatusCodes.Status404NotFound)]
                        public IActionResult Get(int id) => flights.Find(id) is { } flight ? Ok(flight) : NotFound();
                    }
                    """;
            }

            case Context.Types:
                return Domain + code + "\n";

            case Context.MapStatements:
            {
                var group = code.Contains("var flights =", StringComparison.Ordinal) ? string.Empty : "        var flights = app.MapGroup(\"/api/flights\");\n";
                return Domain + $$"""
                    public static class ExampleEndpoints
                    {
                        public static void Map(WebApplication app)
                        {
                    {{group}}{{code}}
                        }
                    }
                    """;
            }

            case Context.ActionStatements:
                return Controller("""
                        [HttpGet("example/{id:int}")]
                        [ApiExplorerSettings(IgnoreApi = true)]
                        public async Task<IActionResult> Example(int id)
                        {
                            await Task.Yield();
                    """ + "\n" + code + "\n" + """
                            return NoContent();
                        }
                    """);

            default:
                return Controller(code);
        }
    }

    private static string Controller(string members) => Domain + $$"""
        [ApiController]
        [Route("api")]
        public sealed class ExampleController(FlightStore flights, HangarStore hangars, BuildingCodes codes, BookingService bookings, ISender sender, ILogger<ExampleController> logger) : ControllerBase
        {
            private readonly FlightStore _flights = flights;
            private readonly HangarStore _hangars = hangars;
            private readonly BuildingCodes _codes = codes;
            private readonly BookingService _bookings = bookings;
            private readonly ILogger<ExampleController> _logger = logger;

        {{members}}
        }
        """;

    /// <summary>Every fenced block of every rule page, with what its lead-in paragraph and hidden example line say.</summary>
    internal static IEnumerable<Block> AllBlocks()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Catalogue.RepositoryRoot, "docs", "rules"), "FE*.md").Order(StringComparer.Ordinal))
        {
            var page = Path.GetFileName(path);
            var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var index = 0;
            var previous = Kind.Illustration;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('#'))
                {
                    previous = Kind.Illustration;
                    continue;
                }

                if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var end = Array.IndexOf(lines, "```", i + 1);
                Assert.True(end > i, $"{page}:{i + 1}: the block is not closed");
                var code = string.Join("\n", lines[(i + 1)..end]);
                var (leadIn, minimum) = LeadIn(lines, i);
                var kind = code.Contains("#pragma warning disable", StringComparison.Ordinal) ? Kind.Suppression
                    : leadIn.StartsWith("Violates the rule", StringComparison.Ordinal) || leadIn.StartsWith("Before", StringComparison.Ordinal) ? Kind.Violates
                    : leadIn.StartsWith("Does not violate the rule", StringComparison.Ordinal) || leadIn.StartsWith("After", StringComparison.Ordinal) ? Kind.DoesNotViolate
                    : leadIn.StartsWith("or", StringComparison.Ordinal) ? previous
                    : Kind.Illustration;
                yield return new Block(page, index++, i + 1, lines[i][3..].Trim(), code, kind, minimum);
                previous = kind;
                i = end;
            }
        }
    }

    /// <summary>The first line of the paragraph above a fence, and the ASP.NET Core version a hidden example line asks for.</summary>
    private static (string LeadIn, int MinimumAspNetCore) LeadIn(string[] lines, int fence)
    {
        var minimum = 0;
        var i = fence - 1;
        for (; i >= 0 && (lines[i].Length == 0 || lines[i].StartsWith("<!-- example:", StringComparison.Ordinal)); i--)
        {
            if (ExampleLine().Match(lines[i]) is { Success: true } m)
            {
                minimum = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (i < 0 || lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].StartsWith('#'))
        {
            return (string.Empty, minimum);
        }

        while (i > 0 && lines[i - 1].Length > 0 && !lines[i - 1].StartsWith('#') && !lines[i - 1].StartsWith("```", StringComparison.Ordinal))
        {
            i--;
        }

        return (lines[i], minimum);
    }

    [GeneratedRegex(@"^<!-- example: compiles on ASP\.NET Core (\d+) and later -->$", RegexOptions.CultureInvariant)]
    private static partial Regex ExampleLine();

    [GeneratedRegex(@"^((public|internal|file)\s+)?((sealed|static|abstract|partial)\s+)*(class|record|struct|interface)\s", RegexOptions.CultureInvariant)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^(public|private|protected|internal|static|async)\s", RegexOptions.CultureInvariant)]
    private static partial Regex MemberStart();

    [GeneratedRegex(@"^(app\.|[a-z]\w*\.Map|var \w+ = app\.)", RegexOptions.CultureInvariant)]
    private static partial Regex MapStatement();
}
