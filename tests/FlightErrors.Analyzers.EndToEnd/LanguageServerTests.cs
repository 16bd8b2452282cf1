using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// The package in an editor: csharp-ls (pinned in the repository's tool manifest) opens a restored copy of the sample
/// with its analyzers on, and the controller's FE diagnostics are pulled over LSP while the file is edited in memory.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class LanguageServerTests(SampleWorkspace workspace, ITestOutputHelper output)
{
    private const string ControllerFile = "Controllers/FlightsController.cs";

    /// <summary>The first load restores nothing but builds the project's design-time model; generous on two busy cores.</summary>
    private static readonly TimeSpan FirstLoadTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan EditTimeout = TimeSpan.FromMinutes(1);

    /// <summary>An action that returns an undocumented 404, inserted before the controller's closing brace.</summary>
    private static readonly string[] InsertedAction =
    [
        "",
        "    [HttpGet(\"{flightNumber}/gate\")]",
        "    public IActionResult Gate(string flightNumber)",
        "    {",
        "        return NotFound();",
        "    }",
    ];

    [Fact]
    public async Task Csharp_ls_reports_the_builds_diagnostics_and_follows_edits()
    {
        var build = await workspace.UnfixedAsync();
        Assert.True(build.Build.ExitCode == 0, build.Build.ToString());
        var expected = build.Diagnostics.Where(d => d.File == ControllerFile).Select(d => new At(d.Line, d.Column, d.Id)).Order().ToList();
        Assert.NotEmpty(expected);

        // The tool manifest (dotnet-tools.json) pins csharp-ls; restored here into the run's own empty NuGet cache. The
        // CLI's tool resolver cache, which records where a restored tool's files are, lives under DOTNET_CLI_HOME: the
        // run has its own, or an earlier run's entry would point into that run's deleted package folder.
        var environment = new Dictionary<string, string>(workspace.Environment) { ["DOTNET_CLI_HOME"] = Path.Combine(workspace.Root, "cli-home") };
        var restore = await DotNet.RunAsync(workspace.RepositoryRoot, environment, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var directory = await workspace.RestoredCopyAsync("language-server");
        var path = Path.Combine(directory, ControllerFile);
        var uri = new Uri(path).AbsoluteUri;
        var lines = File.ReadAllLines(path).ToList();

        var startInfo = DotNet.StartInfo(DotNet.HostPath, workspace.RepositoryRoot, environment, ["tool", "run", "csharp-ls"]);
        await using var server = LanguageServerClient.Start(startInfo, new Dictionary<string, JsonNode?>
        {
            ["csharp"] = new JsonObject { ["analyzersEnabled"] = true },
        });

        var loading = Stopwatch.StartNew();
        var rootUri = new Uri(directory + Path.DirectorySeparatorChar).AbsoluteUri;
        var initialized = await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "FlightErrors.Analyzers.EndToEnd" },
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "language-server" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                },
            },
        }, FirstLoadTimeout);

        // csharp-ls serves diagnostics on request (pull, LSP 3.17), not by publishing them.
        var capabilities = initialized.GetProperty("capabilities");
        Assert.True(capabilities.TryGetProperty("diagnosticProvider", out _), capabilities.ToString());
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = Text(lines) },
        });

        // The first answers may come before the project is loaded and the analyzers have run: pulled until the FE
        // diagnostics are the build's, and failing with the last ones seen when they never are.
        await PullUntilAsync(server, uri, expected, FirstLoadTimeout);
        output.WriteLine($"first load: {loading.ElapsedMilliseconds} ms from initialize to the build's {expected.Count} FE diagnostics");

        // Which copy of the analyzers the server runs: the package's, restored into the run's own packages folder, from
        // analyzers/dotnet/roslyn4.14/cs, the folder the SDK selects for a compiler of Roslyn 4.14 or later. Neither the
        // roslyn4.8 copy nor the repository's build output is loaded (csharp-ls 0.28 maps the analyzers assembly alone: it
        // offers no analyzer fixes). Read from the memory maps of the server's processes, which only Linux exposes (/proc).
        if (OperatingSystem.IsLinux())
        {
            var folder = Path.Combine(workspace.Root, "packages", "flighterrors.analyzers", workspace.PackageVersion, "analyzers", "dotnet", "roslyn4.14", "cs");
            var mapped = MappedFiles(server.ProcessId, "FlightErrors.");
            Assert.Contains(Path.Combine(folder, "FlightErrors.Analyzers.dll"), mapped);
            Assert.All(mapped, file => Assert.Equal(folder, Path.GetDirectoryName(file)));
            output.WriteLine($"analyzers loaded from: {string.Join(", ", mapped)}");
        }
        else
        {
            output.WriteLine("The folder the analyzers load from is read from /proc, which this system lacks: not checked.");
        }

        // An action with an undocumented NotFound(), then its removal; a few rounds, for the latency figures.
        var closing = lines.FindLastIndex(l => l == "}");
        Assert.True(closing > 0, "The controller file ends with no closing brace of its own line.");
        var returnLine = closing + InsertedAction.Length - 2;
        var added = new At(returnLine + 1, InsertedAction[^2].IndexOf("NotFound()", StringComparison.Ordinal) + 1, "FE0001");
        var withAction = expected.Append(added).Order().ToList();
        var version = 1;
        for (var round = 1; round <= 3; round++)
        {
            var inserting = Stopwatch.StartNew();
            await ChangeAsync(server, uri, ++version, closing, closing, string.Join('\n', InsertedAction) + "\n");
            var insertPulls = await PullUntilAsync(server, uri, withAction, EditTimeout);
            var insertLatency = inserting.ElapsedMilliseconds;

            var removing = Stopwatch.StartNew();
            await ChangeAsync(server, uri, ++version, closing, closing + InsertedAction.Length, "");
            var removalPulls = await PullUntilAsync(server, uri, expected, EditTimeout);
            var removalLatency = removing.ElapsedMilliseconds;

            output.WriteLine($"round {round}: FE0001 appeared {insertLatency} ms after the insertion ({insertPulls} pulls), went {removalLatency} ms after the removal ({removalPulls} pulls)");
        }
    }

    /// <summary>
    /// The files whose name starts with <paramref name="prefix"/> mapped into <paramref name="root"/> or any process
    /// below it (<c>dotnet tool run</c> starts the server as a child), sorted.
    /// </summary>
    private static List<string> MappedFiles(int root, string prefix)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryReadAllText(Path.Combine(directory, "stat")) is { } stat)
            {
                // "pid (command) state ppid ...": the command may hold spaces and parentheses, so read after the last ')'.
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        // A maps line ends with the mapped file's absolute path, the only field that starts with '/'.
        return tree
            .SelectMany(pid => (TryReadAllText($"/proc/{pid}/maps") ?? "").Split('\n'))
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var at and >= 0 ? line[at..] : "")
            .Where(file => Path.GetFileName(file).StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A /proc file's text, or null when its process has ended meanwhile.</summary>
    private static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Replaces whole lines [<paramref name="fromLine"/>, <paramref name="toLine"/>) (zero-based) with <paramref name="text"/>.</summary>
    private static Task ChangeAsync(LanguageServerClient server, string uri, int version, int fromLine, int toLine, string text) =>
        server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = fromLine, ["character"] = 0 },
                    ["end"] = new JsonObject { ["line"] = toLine, ["character"] = 0 },
                },
                ["text"] = text,
            }),
        });

    /// <summary>
    /// Pulls the document's diagnostics (textDocument/diagnostic) until its FE diagnostics are <paramref name="expected"/>
    /// (sorted); returns how many pulls it took, and throws with the last ones seen after <paramref name="timeout"/>.
    /// </summary>
    private static async Task<int> PullUntilAsync(LanguageServerClient server, string uri, List<At> expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var pulls = 0;
        while (true)
        {
            var left = timeout - clock.Elapsed;
            var report = await server.RequestAsync("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
            }, left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1));
            pulls++;
            var fe = FeDiagnostics(report);
            if (fe.SequenceEqual(expected))
            {
                return pulls;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"After {pulls} pulls in {timeout}:{Environment.NewLine}{Describe("expected", expected, "csharp-ls", fe)}{Environment.NewLine}{report}{Environment.NewLine}{server.Log()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The report's FE diagnostics as 1-based line and column, as `dotnet build` prints them.</summary>
    private static List<At> FeDiagnostics(JsonElement report)
    {
        Assert.Equal("full", report.GetProperty("kind").GetString());
        var found = new List<At>();
        foreach (var item in report.GetProperty("items").EnumerateArray())
        {
            if (!item.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString() is not { } id || !id.StartsWith("FE", StringComparison.Ordinal))
            {
                continue;
            }

            var start = item.GetProperty("range").GetProperty("start");
            found.Add(new At(start.GetProperty("line").GetInt32() + 1, start.GetProperty("character").GetInt32() + 1, id));
        }

        found.Sort();
        return found;
    }

    private static string Text(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    private static string Describe(string expectedName, IEnumerable<At> expected, string actualName, IEnumerable<At> actual) =>
        $"{expectedName}: {string.Join(", ", expected)}{Environment.NewLine}{actualName}: {string.Join(", ", actual)}";

    private sealed record At(int Line, int Column, string Id) : IComparable<At>
    {
        public int CompareTo(At? other) =>
            other is null ? 1
            : Line != other.Line ? Line.CompareTo(other.Line)
            : Column != other.Column ? Column.CompareTo(other.Column)
            : string.CompareOrdinal(Id, other.Id);

        public override string ToString() => $"({Line},{Column}) {Id}";
    }
}
