using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>The unfixed sample after `dotnet build` with a SARIF 2.1 log.</summary>
public sealed record UnfixedBuild(string ProjectDirectory, CommandResult Build, string SarifPath, IReadOnlyList<BuildDiagnostic> Diagnostics);

/// <summary>The sample after `dotnet format analyzers`, its build, and a second format run.</summary>
public sealed record FixedSample(
    string ProjectDirectory,
    IReadOnlyDictionary<string, string> Original,
    CommandResult Format,
    IReadOnlyDictionary<string, string> AfterFormat,
    CommandResult Build,
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    CommandResult SecondFormat,
    IReadOnlyDictionary<string, string> AfterSecondFormat);

/// <summary>
/// The probes sent through Prism to a second, fresh instance of the fixed service (the probes change the service's
/// state, so the first instance would answer differently), the document that instance served, and what Prism found.
/// </summary>
public sealed record RefereeRun(string DocumentPath, IReadOnlyList<ProbeResult> Results, IReadOnlyList<Violation> Violations, string PrismOutput);

/// <summary>
/// A temporary directory with a feed the package is packed into, two copies of the sample restored from it (one
/// left as written, one fixed), and the fixed service once it runs. Each step runs once, when a test first needs it.
/// </summary>
public sealed class SampleWorkspace : IAsyncLifetime
{
    public const string SampleName = "FlightManagement.Api";

    private static readonly string[] BuildOptions = ["-nologo", "-tl:off", "-v:minimal", "-nodeReuse:false", "-p:UseSharedCompilation=false"];
    /// <summary>`dotnet format analyzers` for every rule of the package (<see cref="RuleCatalogue"/>).</summary>
    private static readonly string[] FormatArguments = ["format", "analyzers", SampleName + ".csproj", "--diagnostics", .. RuleCatalogue.Ids, "--severity", "info", "--no-restore"];

    private readonly Lazy<Task> packed;
    private readonly Lazy<Task<UnfixedBuild>> unfixed;
    private readonly Lazy<Task<FixedSample>> fixedSample;
    private readonly Lazy<Task<SampleService>> service;
    private readonly Lazy<Task<IReadOnlyList<ProbeResult>>> probes;
    private readonly Lazy<Task<RefereeRun>> referee;
    private readonly Lazy<Task<IReadOnlyList<IReadOnlyDictionary<string, string>>>> repeatedFormats;
    private readonly Dictionary<string, string> environment;

    public SampleWorkspace()
    {
        var metadata = typeof(SampleWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value ?? "");
        RepositoryRoot = metadata["RepositoryRoot"];
        Configuration = metadata["Configuration"];
        PackageVersion = metadata["PackageVersion"];
        Root = Directory.CreateTempSubdirectory("flighterrors-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        // An empty global packages folder: a FlightErrors.Analyzers of the same version cached by an earlier run
        // cannot stand in for the one packed here.
        environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages") };
        packed = new Lazy<Task>(PackAsync);
        unfixed = new Lazy<Task<UnfixedBuild>>(BuildUnfixedAsync);
        fixedSample = new Lazy<Task<FixedSample>>(FixAsync);
        service = new Lazy<Task<SampleService>>(StartServiceAsync);
        probes = new Lazy<Task<IReadOnlyList<ProbeResult>>>(async () => await Probes.RunAsync((await ServiceAsync()).Client));
        referee = new Lazy<Task<RefereeRun>>(RefereeAsync);
        repeatedFormats = new Lazy<Task<IReadOnlyList<IReadOnlyDictionary<string, string>>>>(FormatAgainAsync);
    }

    public string RepositoryRoot { get; }

    public string Configuration { get; }

    public string PackageVersion { get; }

    public string Root { get; }

    public string Feed { get; }

    public string SampleSource => Path.Combine(RepositoryRoot, "tests", SampleName);

    public IReadOnlyDictionary<string, string> Environment => environment;

    public Task<UnfixedBuild> UnfixedAsync() => unfixed.Value;

    public Task<FixedSample> FixedAsync() => fixedSample.Value;

    public Task<SampleService> ServiceAsync() => service.Value;

    /// <summary>The answers of the running fixed service to every probe, in order.</summary>
    public Task<IReadOnlyList<ProbeResult>> ProbeResultsAsync() => probes.Value;

    /// <summary>The probes through `prism proxy` in front of a fresh fixed service (<see cref="PrismProxy"/>).</summary>
    public Task<RefereeRun> RefereeRunAsync() => referee.Value;

    /// <summary>
    /// The sample after `dotnet format analyzers` on <see cref="RepeatedFormatRuns"/> more fresh copies: the order in
    /// which `dotnet format` takes the rules varies from process to process, so equal results show the fixes do not
    /// depend on it.
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RepeatedFormatsAsync() => repeatedFormats.Value;

    public const int RepeatedFormatRuns = 9;

    /// <summary>Builds the unfixed copy again from scratch with extra arguments (the CI gate).</summary>
    public async Task<CommandResult> RebuildUnfixedAsync(params string[] arguments)
    {
        var build = await UnfixedAsync();
        return await DotNet.RunAsync(build.ProjectDirectory, environment, ["build", "--no-restore", "--no-incremental", .. BuildOptions, .. arguments]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (service.IsValueCreated && service.Value.IsCompletedSuccessfully)
        {
            await service.Value.Result.DisposeAsync();
        }

        if (System.Environment.GetEnvironmentVariable("KEEP_TEMP") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A process that has not let go yet; the directory is under the system's temporary folder.
            }
        }
    }

    private async Task PackAsync()
    {
        var sampleVersion = XDocument.Load(Path.Combine(SampleSource, "Directory.Build.props"))
            .Descendants("FlightErrorsAnalyzersVersion").Single().Value;
        if (sampleVersion != PackageVersion)
        {
            throw new InvalidOperationException(
                $"tests/{SampleName}/Directory.Build.props restores FlightErrors.Analyzers {sampleVersion}, but the repository builds {PackageVersion}.");
        }

        var project = Path.Combine(RepositoryRoot, "src", "FlightErrors.Analyzers.Package", "FlightErrors.Analyzers.Package.csproj");
        var pack = await DotNet.RunAsync(RepositoryRoot, environment, ["pack", project, "-c", Configuration, "--no-build", "-o", Feed, "-p:EvictCachedPackage=false", .. BuildOptions]);
        var nupkg = Path.Combine(Feed, $"FlightErrors.Analyzers.{PackageVersion}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(nupkg))
        {
            throw new InvalidOperationException($"Packing failed.{System.Environment.NewLine}{pack}");
        }

        WriteNuGetConfig();

        // The copies build with the SDK the repository pins, as the sample does in place.
        File.Copy(Path.Combine(RepositoryRoot, "global.json"), Path.Combine(Root, "global.json"));
    }

    /// <summary>
    /// The repository's nuget.config, with its local feed pointed at the one packed here: the copies restore the
    /// package through the same source mapping the sample uses in the repository.
    /// </summary>
    private void WriteNuGetConfig()
    {
        var config = XDocument.Load(Path.Combine(RepositoryRoot, "nuget.config"));
        var local = config.Descendants("packageSources").Elements("add")
            .Single(e => (string?)e.Attribute("key") == "flight-errors-local");
        local.SetAttributeValue("value", Feed);
        config.Root!.AddFirst(new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", environment["NUGET_PACKAGES"]))));
        config.Save(Path.Combine(Root, "nuget.config"));
    }

    private async Task<string> CopyAsync(string name)
    {
        await packed.Value;
        var target = Path.Combine(Root, name);
        foreach (var file in SourceFiles(SampleSource))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(SampleSource, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        var restore = await DotNet.RunAsync(target, environment, ["restore", .. BuildOptions]);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"Restoring the {name} copy failed.{System.Environment.NewLine}{restore}");
        }

        return target;
    }

    private async Task<UnfixedBuild> BuildUnfixedAsync()
    {
        var directory = await CopyAsync("unfixed");
        var sarif = Path.Combine(Root, "unfixed.sarif");

        // On the command line the comma must be escaped, or MSBuild splits the value and sets Version=2.1.
        var build = await DotNet.RunAsync(directory, environment, ["build", "--no-restore", .. BuildOptions, $"-p:ErrorLog={sarif}%2Cversion=2.1"]);
        return new UnfixedBuild(directory, build, sarif, Diagnostics.FromBuildOutput(build.Output, directory));
    }

    private async Task<FixedSample> FixAsync()
    {
        var directory = await CopyAsync("fixed");
        var original = Snapshot(directory);
        var format = await DotNet.RunAsync(directory, environment, FormatArguments);
        var afterFormat = Snapshot(directory);
        var build = await DotNet.RunAsync(directory, environment, ["build", "--no-restore", .. BuildOptions]);
        var secondFormat = await DotNet.RunAsync(directory, environment, FormatArguments);
        var afterSecondFormat = Snapshot(directory);
        return new FixedSample(directory, original, format, afterFormat, build, Diagnostics.FromBuildOutput(build.Output, directory), secondFormat, afterSecondFormat);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> FormatAgainAsync()
    {
        // The copies are restored one after the other (they share the packages folder), then formatted two at a time:
        // each run is its own process, so its order of rules is its own.
        var directories = new List<string>();
        for (var run = 1; run <= RepeatedFormatRuns; run++)
        {
            directories.Add(await CopyAsync($"format-{run}"));
        }

        var results = new IReadOnlyDictionary<string, string>[directories.Count];
        using var slots = new SemaphoreSlim(2);
        await Task.WhenAll(directories.Select(async (directory, index) =>
        {
            await slots.WaitAsync();
            try
            {
                var format = await DotNet.RunAsync(directory, environment, FormatArguments);
                if (format.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Format run {index + 2} failed.{System.Environment.NewLine}{format}");
                }

                results[index] = Snapshot(directory);
            }
            finally
            {
                slots.Release();
            }
        }));

        return results;
    }

    private async Task<SampleService> StartServiceAsync()
    {
        var sample = await FixedAsync();
        if (sample.Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The fixed sample does not build.{System.Environment.NewLine}{sample.Build}");
        }

        return await SampleService.StartAsync(Path.Combine(sample.ProjectDirectory, "bin", "Debug", "net10.0"), SampleName + ".dll");
    }

    /// <summary>
    /// Starts a second instance of the fixed service, saves the OpenAPI document it serves, puts `prism proxy` in front
    /// of it with that document, sends every probe through the proxy, and stops both.
    /// </summary>
    private async Task<RefereeRun> RefereeAsync()
    {
        PrismProxy.EnsureInstalled(PrismProxy.RefereeDirectory(RepositoryRoot));
        var sample = await FixedAsync();
        if (sample.Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The fixed sample does not build.{System.Environment.NewLine}{sample.Build}");
        }

        await using var upstream = await SampleService.StartAsync(Path.Combine(sample.ProjectDirectory, "bin", "Debug", "net10.0"), SampleName + ".dll");
        var document = Path.Combine(Root, "referee-openapi-v1.json");
        await File.WriteAllTextAsync(document, await upstream.Client.GetStringAsync("/openapi/v1.json"));
        await using var prism = await PrismProxy.StartAsync(PrismProxy.RefereeDirectory(RepositoryRoot), document, upstream.Client.BaseAddress!);
        var results = await Probes.RunAsync(prism.Client);
        await File.WriteAllTextAsync(Path.Combine(Root, "referee-prism.log"), prism.Output);
        return new RefereeRun(document, results, results.SelectMany(PrismProxy.Violations).ToList(), prism.Output);
    }

    /// <summary>The sample's own files: no bin/ or obj/.</summary>
    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"));

    private static Dictionary<string, string> Snapshot(string directory) =>
        SourceFiles(directory).ToDictionary(file => Diagnostics.Relative(directory, file), File.ReadAllText);
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleWorkspace>
{
    public const string Name = "Flight Management sample";
}
