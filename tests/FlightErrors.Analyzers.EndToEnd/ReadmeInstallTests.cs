using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using FlightErrors.Analyzers.EndToEnd.Infrastructure;

namespace FlightErrors.Analyzers.EndToEnd;

/// <summary>
/// README.md's install commands (issue 18, item 1), run as written on a fresh `dotnet new webapi` project for net10.0
/// and for net8.0: the block after the <c>&lt;!-- install-commands --&gt;</c> marker is read from the README, so the
/// commands tested are the commands printed. Only the lines a reader edits (<c>name=value   # yours: …</c>) get this
/// machine's folders: the feed the workspace packed, and the new project's folder.
/// </summary>
/// <remarks>
/// Each project sits in a temporary folder of its own, outside the workspace's (whose nuget.config maps the package to
/// its feed and would hide a broken command), with a nuget.config that plays the user's: the repository's feeds, from
/// which the SDK's packages restore, without its local source or its source mapping. It restores into an empty
/// packages folder of its own, so only the source the commands add can bring the package in.
/// </remarks>
[Collection(SampleCollection.Name)]
public sealed partial class ReadmeInstallTests(SampleWorkspace workspace)
{
    private const string Marker = "<!-- install-commands";

    private const string SeededFile = "SeededMistake.cs";

    /// <summary>An endpoint that can return 404 and documents nothing: FE0001 whatever the target framework.</summary>
    private const string SeededSource = """
        namespace YourApi;

        public static class SeededMistake
        {
            public static void MapSeededMistake(this WebApplication app) =>
                app.MapGet("/seeded/{id}", (int id) => id > 0 ? Results.Ok(id) : Results.NotFound());
        }
        """;

    [Fact]
    public void The_block_adds_a_source_the_repository_does_not_define_and_the_version_it_builds()
    {
        var block = InstallBlock();
        Assert.Equal(["app", "feed"], Placeholders(block).Keys.Order(StringComparer.Ordinal));

        // The repository's nuget.config names its own local feed; a reader who runs the commands in a clone must not
        // meet "The name specified has already been added".
        var name = Regex.Match(block, @"dotnet nuget add source .*--name (?<name>\S+)").Groups["name"].Value;
        Assert.NotEmpty(name);
        Assert.DoesNotContain(name, RepositorySourceNames());

        // `--source` on `dotnet add package` limits that restore to the one folder: a net8.0 project then finds none of
        // its own packages (NU1101).
        var add = Regex.Match(block, @"^dotnet add package FlightErrors\.Analyzers.*$", RegexOptions.Multiline).Value;
        Assert.DoesNotContain("--source", add, StringComparison.Ordinal);
        Assert.EndsWith($"--version {workspace.PackageVersion}", add, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")]
    public async Task The_commands_as_written_install_the_package_into_a_fresh_webapi_project(string framework)
    {
        var feed = await workspace.PackedFeedAsync();
        var root = Directory.CreateTempSubdirectory($"flighterrors-install-{framework}-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
            WriteUserNuGetConfig(Path.Combine(root, "nuget.config"));
            var project = await NewWebApiAsync(root, framework, environment);
            await File.WriteAllTextAsync(Path.Combine(project, SeededFile), SeededSource);

            var script = Path.Combine(root, "install.sh");
            await File.WriteAllTextAsync(script, WithFolders(InstallBlock(), new Dictionary<string, string> { ["feed"] = feed, ["app"] = project }));
            var run = await DotNet.RunAsync("bash", root, environment, "-euo", "pipefail", script);
            Assert.True(run.ExitCode == 0, run.ToString());

            // The source went into the project's nuget.config, the nearest one, and the package into the project as a
            // development dependency.
            Assert.Contains("flighterrors-local-build", await File.ReadAllTextAsync(Path.Combine(root, "nuget.config")), StringComparison.Ordinal);
            var reference = XDocument.Load(Path.Combine(project, "YourApi.csproj")).Descendants("PackageReference")
                .Single(e => (string?)e.Attribute("Include") == "FlightErrors.Analyzers");
            Assert.Equal("all", (string?)reference.Element("PrivateAssets") ?? (string?)reference.Attribute("PrivateAssets"));
            var restored = Path.Combine(environment["NUGET_PACKAGES"], "flighterrors.analyzers", workspace.PackageVersion, $"flighterrors.analyzers.{workspace.PackageVersion}.nupkg");
            Assert.Equal(File.ReadAllBytes(Path.Combine(feed, $"FlightErrors.Analyzers.{workspace.PackageVersion}.nupkg")), File.ReadAllBytes(restored));

            // The analyzers load (CS8032: one could not be created; CS9057: built for a newer compiler; AD0001: one
            // threw) and report the seeded mistake.
            foreach (var code in new[] { "CS8032", "CS9057", "AD0001", "NU1101" })
            {
                Assert.DoesNotContain(code, run.Output, StringComparison.Ordinal);
            }

            Assert.Contains(Diagnostics.FromBuildOutput(run.Output, project), d => d.File == SeededFile && d.Id == DiagnosticIds.UndocumentedStatusCode);
        }
        finally
        {
            if (System.Environment.GetEnvironmentVariable("KEEP_TEMP") != "1")
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // A process that has not let go yet; the directory is under the system's temporary folder.
                }
            }
        }
    }

    /// <summary>
    /// A fresh `dotnet new webapi` project, YourApi. The .NET 10 SDK's template offers net10.0 only (`--framework
    /// net8.0` is refused), so the net8.0 project is the same template without OpenAPI (its Microsoft.AspNetCore.OpenApi
    /// 10 does not support net8.0), retargeted: what a team on .NET 8 has, and its reference packs, which the SDK does
    /// not carry, restore from the user's feeds. Both build with the SDK that runs the tests (the .NET 10 SDK, whose
    /// compiler loads analyzers/dotnet/roslyn4.14); a .NET 8 SDK's build (roslyn4.8) is not tried here, as the machine
    /// has no .NET 8 SDK.
    /// </summary>
    private static async Task<string> NewWebApiAsync(string root, string framework, IReadOnlyDictionary<string, string> environment)
    {
        string[] options = framework == "net10.0" ? [] : ["--no-openapi"];
        var create = await DotNet.RunAsync(root, environment, ["new", "webapi", "-o", "YourApi", "--no-restore", .. options]);
        Assert.True(create.ExitCode == 0, create.ToString());
        var project = Path.Combine(root, "YourApi");
        var file = Path.Combine(project, "YourApi.csproj");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("<TargetFramework>net10.0</TargetFramework>", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal));
        return project;
    }

    /// <summary>
    /// The user's nuget.config: the repository's feeds, where the SDK's own packages come from, without the local source
    /// the repository adds for its sample or the source mapping that sends the package there.
    /// </summary>
    private void WriteUserNuGetConfig(string path)
    {
        var config = XDocument.Load(Path.Combine(workspace.RepositoryRoot, "nuget.config"));
        config.Descendants("packageSources").Elements("add").Where(e => (string?)e.Attribute("key") == "flight-errors-local").Remove();
        config.Descendants("packageSourceMapping").Remove();
        Assert.NotEmpty(config.Descendants("packageSources").Elements("add"));
        config.Save(path);
    }

    private string[] RepositorySourceNames() =>
        XDocument.Load(Path.Combine(workspace.RepositoryRoot, "nuget.config")).Descendants("packageSources").Elements("add")
            .Select(e => (string?)e.Attribute("key") ?? "").ToArray();

    /// <summary>The shell block that follows the install-commands marker in README.md.</summary>
    private string InstallBlock()
    {
        var lines = File.ReadAllLines(Path.Combine(workspace.RepositoryRoot, "README.md"));
        var marker = Array.FindIndex(lines, l => l.StartsWith(Marker, StringComparison.Ordinal));
        Assert.True(marker >= 0, $"README.md has no line starting with {Marker}");
        Assert.Equal("```sh", lines[marker + 1]);
        var end = Array.IndexOf(lines, "```", marker + 2);
        Assert.True(end > marker + 2, "The install-commands block is empty or not closed");
        return string.Join('\n', lines[(marker + 2)..end]) + "\n";
    }

    /// <summary>The lines a reader edits, <c>name=value   # yours: what</c>, by name.</summary>
    private static Dictionary<string, string> Placeholders(string block) =>
        Placeholder().Matches(block).ToDictionary(m => m.Groups["name"].Value, m => m.Value);

    /// <summary>The block with each edited line set to this machine's folder, every other line as written.</summary>
    private static string WithFolders(string block, IReadOnlyDictionary<string, string> folders)
    {
        var placeholders = Placeholders(block);
        Assert.Equal(folders.Keys.Order(StringComparer.Ordinal), placeholders.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, line) in placeholders)
        {
            block = block.Replace(line, $"{name}='{folders[name]}'", StringComparison.Ordinal);
        }

        return block;
    }

    [GeneratedRegex(@"^(?<name>[a-z]+)=\S+ +# yours:.*$", RegexOptions.Multiline)]
    private static partial Regex Placeholder();
}
