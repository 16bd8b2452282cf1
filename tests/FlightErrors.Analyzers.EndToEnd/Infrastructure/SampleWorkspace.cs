using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>The unfixed application after `dotnet build` with a SARIF 2.1 log.</summary>
public sealed record UnfixedBuild(string ProjectDirectory, CommandResult Build, string SarifPath, IReadOnlyList<BuildDiagnostic> Diagnostics);

/// <summary>
/// The application after `dotnet format analyzers`, its build, and a second format run; the snapshots hold each file's
/// text, and <see cref="AfterFormatBytes"/> and <see cref="AfterSecondFormatBytes"/> its bytes, for a byte-for-byte
/// comparison (an encoding or a byte order mark the text hides).
/// </summary>
public sealed record FixedSample(
    string ProjectDirectory,
    IReadOnlyDictionary<string, string> Original,
    CommandResult Format,
    IReadOnlyDictionary<string, string> AfterFormat,
    CommandResult Build,
    IReadOnlyList<BuildDiagnostic> Diagnostics,
    CommandResult SecondFormat,
    IReadOnlyDictionary<string, string> AfterSecondFormat,
    IReadOnlyDictionary<string, byte[]> AfterFormatBytes,
    IReadOnlyDictionary<string, byte[]> AfterSecondFormatBytes);

/// <summary>
/// The probes sent through Prism to a fresh instance of the fixed service in one environment (the probes change the
/// service's state, so an instance already probed would answer differently), the OpenAPI document Prism judged by,
/// what Prism found, and what the service wrote (its logs, exceptions included).
/// </summary>
public sealed record RefereeRun(
    string Environment,
    string DocumentPath,
    IReadOnlyList<ProbeResult> Results,
    IReadOnlyList<Violation> Violations,
    string PrismOutput,
    string ServiceOutput);

/// <summary>
/// A temporary directory with a feed the package is packed into, two copies of an application under tests/ restored
/// from it (one left as written, one fixed), and the fixed service once it runs. Each step runs once, when a test
/// first needs it. This class, as it stands, is the Flight Management sample's (<see cref="SampleCollection"/>); a
/// subclass names another application and its probes (<see cref="TemplateWorkspace"/>).
/// </summary>
public class SampleWorkspace : IAsyncLifetime
{
    public const string FlightManagement = "FlightManagement.Api";

    public const string Production = "Production";

    public const string Development = "Development";

    private static readonly string[] BuildOptions = ["-nologo", "-tl:off", "-v:minimal", "-nodeReuse:false", "-p:UseSharedCompilation=false"];

    /// <summary>`dotnet format analyzers` for every rule of the package (<see cref="RuleCatalogue"/>).</summary>
    private readonly string[] formatArguments;
    private readonly IReadOnlyList<Probe> probeList;

    private readonly Lazy<Task> packed;
    private readonly Lazy<Task<UnfixedBuild>> unfixed;
    private readonly Lazy<Task<FixedSample>> fixedSample;
    private readonly Lazy<Task<SampleService>> service;
    private readonly Lazy<Task<IReadOnlyList<ProbeResult>>> probed;
    private readonly ConcurrentDictionary<string, Lazy<Task<RefereeRun>>> referees = new(StringComparer.Ordinal);
    /// <summary>One referee run at a time: each starts a service and Prism, and the machine may have two cores.</summary>
    private readonly SemaphoreSlim refereeSlot = new(1);
    private readonly Lazy<Task<IReadOnlyList<IReadOnlyDictionary<string, string>>>> repeatedFormats;
    private readonly Dictionary<string, string> environment;

    public SampleWorkspace()
        : this(FlightManagement, Probes.All, repeatedFormatRuns: 9)
    {
    }

    /// <param name="appName">The application's folder under tests/, which is also its project's and assembly's name.</param>
    /// <param name="probes">The requests every run of the fixed service answers, in order.</param>
    /// <param name="repeatedFormatRuns">How many more fresh copies <see cref="RepeatedFormatsAsync"/> formats.</param>
    protected SampleWorkspace(string appName, IReadOnlyList<Probe> probes, int repeatedFormatRuns)
    {
        AppName = appName;
        RepeatedFormatRuns = repeatedFormatRuns;
        probeList = probes;
        formatArguments = ["format", "analyzers", appName + ".csproj", "--diagnostics", .. RuleCatalogue.Ids, "--severity", "info", "--no-restore"];
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
        probed = new Lazy<Task<IReadOnlyList<ProbeResult>>>(async () => await Probes.RunAsync((await ServiceAsync()).Client, probeList));
        repeatedFormats = new Lazy<Task<IReadOnlyList<IReadOnlyDictionary<string, string>>>>(FormatAgainAsync);
    }

    /// <summary>The application's folder under tests/, its project's and its assembly's name.</summary>
    public string AppName { get; }

    public string RepositoryRoot { get; }

    public string Configuration { get; }

    public string PackageVersion { get; }

    public string Root { get; }

    public string Feed { get; }

    public string SampleSource => Path.Combine(RepositoryRoot, "tests", AppName);

    public IReadOnlyDictionary<string, string> Environment => environment;

    public Task<UnfixedBuild> UnfixedAsync() => unfixed.Value;

    /// <summary>The feed the package is packed into, once it is there (packed once, as for the copies).</summary>
    public async Task<string> PackedFeedAsync()
    {
        await packed.Value;
        return Feed;
    }

    public Task<FixedSample> FixedAsync() => fixedSample.Value;

    public Task<SampleService> ServiceAsync() => service.Value;

    /// <summary>The answers of the running fixed service to every probe, in order.</summary>
    public Task<IReadOnlyList<ProbeResult>> ProbeResultsAsync() => probed.Value;

    /// <summary>
    /// The probes through `prism proxy` in front of a fresh fixed service (<see cref="PrismProxy"/>) in an environment
    /// (ASPNETCORE_ENVIRONMENT), Production unless named, with the OpenAPI document <see cref="DocumentEnvironment"/> says.
    /// </summary>
    public Task<RefereeRun> RefereeRunAsync(string environment = Production) =>
        referees.GetOrAdd(environment, name => new Lazy<Task<RefereeRun>>(() => RefereeAsync(name))).Value;

    /// <summary>
    /// Starts a fresh instance of the fixed application in an environment; the caller stops it. Throws when the fixed
    /// copy does not build.
    /// </summary>
    public async Task<SampleService> StartFixedServiceAsync(string environment)
    {
        var sample = await FixedAsync();
        if (sample.Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The fixed {AppName} does not build.{System.Environment.NewLine}{sample.Build}");
        }

        return await SampleService.StartAsync(Path.Combine(sample.ProjectDirectory, "bin", "Debug", "net10.0"), AppName + ".dll", environment);
    }

    /// <summary>
    /// The environment of the instance whose `/openapi/v1.json` Prism judges a run in <paramref name="environment"/> by:
    /// the instance under test itself, unless an application serves its document in some environments only.
    /// </summary>
    protected virtual string DocumentEnvironment(string environment) => environment;

    /// <summary>
    /// The application after `dotnet format analyzers` on <see cref="RepeatedFormatRuns"/> more fresh copies: the order in
    /// which `dotnet format` takes the rules varies from process to process, so equal results show the fixes do not
    /// depend on it.
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RepeatedFormatsAsync() => repeatedFormats.Value;

    /// <summary>How many more fresh copies <see cref="RepeatedFormatsAsync"/> formats: nine for the sample (ten runs in all).</summary>
    public int RepeatedFormatRuns { get; }

    /// <summary>
    /// A further copy of the application as written, restored from the packed package like the others and not built, in
    /// a folder of its own under <see cref="Root"/> (for a tool that reads the project itself, such as a language server).
    /// </summary>
    public Task<string> RestoredCopyAsync(string name) => CopyAsync(name);

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

        refereeSlot.Dispose();

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
                $"tests/{AppName}/Directory.Build.props restores FlightErrors.Analyzers {sampleVersion}, but the repository builds {PackageVersion}.");
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
        var format = await DotNet.RunAsync(directory, environment, formatArguments);
        var afterFormat = Snapshot(directory);
        var afterFormatBytes = Bytes(directory);
        var build = await DotNet.RunAsync(directory, environment, ["build", "--no-restore", .. BuildOptions]);
        var secondFormat = await DotNet.RunAsync(directory, environment, formatArguments);
        var afterSecondFormat = Snapshot(directory);
        return new FixedSample(
            directory, original, format, afterFormat, build, Diagnostics.FromBuildOutput(build.Output, directory), secondFormat, afterSecondFormat,
            afterFormatBytes, Bytes(directory));
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
                var format = await DotNet.RunAsync(directory, environment, formatArguments);
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

    private Task<SampleService> StartServiceAsync() => StartFixedServiceAsync(Production);

    /// <summary>
    /// Starts a fresh instance of the fixed service in an environment, saves the OpenAPI document it serves (or the one
    /// an instance in <see cref="DocumentEnvironment"/> serves), puts `prism proxy` in front of it with that document,
    /// sends every probe through the proxy, and stops both. In Production the files keep their names of old
    /// (referee-openapi-v1.json, referee-prism.log); other environments add theirs.
    /// </summary>
    private async Task<RefereeRun> RefereeAsync(string environment)
    {
        PrismProxy.EnsureInstalled(PrismProxy.RefereeDirectory(RepositoryRoot));
        await refereeSlot.WaitAsync();
        try
        {
            var suffix = environment == Production ? "" : "-" + environment;
            var document = Path.Combine(Root, $"referee-openapi-v1{suffix}.json");
            var documentEnvironment = DocumentEnvironment(environment);
            await using var upstream = await StartFixedServiceAsync(environment);
            if (documentEnvironment == environment)
            {
                await File.WriteAllTextAsync(document, await upstream.Client.GetStringAsync("/openapi/v1.json"));
            }
            else
            {
                await using var source = await StartFixedServiceAsync(documentEnvironment);
                await File.WriteAllTextAsync(document, await source.Client.GetStringAsync("/openapi/v1.json"));
            }

            await using var prism = await PrismProxy.StartAsync(PrismProxy.RefereeDirectory(RepositoryRoot), document, upstream.Client.BaseAddress!);
            var results = await Probes.RunAsync(prism.Client, probeList);
            await File.WriteAllTextAsync(Path.Combine(Root, $"referee-prism{suffix}.log"), prism.Output);
            return new RefereeRun(environment, document, results, results.SelectMany(PrismProxy.Violations).ToList(), prism.Output, upstream.Output);
        }
        finally
        {
            refereeSlot.Release();
        }
    }

    /// <summary>The application's own files: no bin/ or obj/.</summary>
    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"));

    private static Dictionary<string, string> Snapshot(string directory) =>
        SourceFiles(directory).ToDictionary(file => Diagnostics.Relative(directory, file), File.ReadAllText);

    private static Dictionary<string, byte[]> Bytes(string directory) =>
        SourceFiles(directory).ToDictionary(file => Diagnostics.Relative(directory, file), File.ReadAllBytes);
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleWorkspace>
{
    public const string Name = "Flight Management sample";
}
