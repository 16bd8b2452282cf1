using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime;
using System.Threading.Tasks;
using FlightErrors.Analyzers;
using FlightErrors.Analyzers.Benchmarks;
using Microsoft.CodeAnalysis.Diagnostics;

// dotnet run -c Release --project tests/FlightErrors.Analyzers.Benchmarks -- [--controllers 200,2000] [--actions 10]
//     [--iterations 5] [--skip-ide] [--build] [--mvc <path to Microsoft.AspNetCore.Mvc.Api.Analyzers.dll>]
//     [--sequential] (one thread binds and analyzes: steadier figures on a busy machine)
//     [--clean] (the shapes written as the rules ask: an adopted project, where nothing is reported)
//     [--services] (a service layer too: actions whose codes come from exceptions thrown in services and handlers)
//     [--rules FE0001,FE0002,FE0003] (the FlightErrors rules measured; these three unless given)
//     [--profile none|fe|mvc|fe,mvc] (only those sets' analysis, in turns, --iterations times on the first size:
//     for a profiler)
// Besides time and allocations, each set's retained memory: what its analysis leaves reachable while the compilation
// and the results are kept (as an IDE keeps them), after a full compacting GC, over the do-nothing set's.
var settings = Settings.Parse(args);
Harness.Concurrent = !settings.Sequential;
Corpus.Clean = settings.Clean;
Corpus.Services = settings.Services;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var noOp = new DoNothingAnalyzer();
ImmutableArray<DiagnosticAnalyzer> baseline = [noOp];
DiagnosticAnalyzer[] rules =
[
    new UndocumentedStatusCodeAnalyzer(), new ExplicitInternalServerErrorAnalyzer(), new ErrorBodyNotProblemDetailsAnalyzer(),
    new IncompleteErrorPipelineAnalyzer(), new UndocumentedExceptionStatusCodeAnalyzer(), new UndocumentedFrameworkStatusCodeAnalyzer(),
];
ImmutableArray<DiagnosticAnalyzer> flightErrors = [noOp, .. rules.Where(rule => rule.SupportedDiagnostics.Any(d => settings.Rules.Contains(d.Id)))];
var mvcAnalyzers = Harness.LoadMvcApiAnalyzers(settings.MvcPath);
ImmutableArray<DiagnosticAnalyzer> mvc = mvcAnalyzers.IsEmpty ? [] : [noOp, .. mvcAnalyzers];

Console.WriteLine($"FlightErrors.Analyzers benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}, " +
    $"tiered JIT {(AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var tiered) ? tiered.ToString() : "default")}, {settings.Iterations} iterations (medians)");
Console.WriteLine(mvc.IsEmpty
    ? $"MVC API analyzers: not found at {settings.MvcPath}; their columns are skipped."
    : $"MVC API analyzers: {string.Join(", ", mvcAnalyzers.Select(a => a.GetType().Name))} from {settings.MvcPath}");
Console.WriteLine($"FlightErrors rules: {string.Join(", ", settings.Rules)}");
Console.WriteLine();

if (settings.Profile is { } profiled)
{
    // One set, or several taken in turns ("fe,mvc"), so that a profile compares them over the same stretch of time.
    var corpus = Corpus.Generate(settings.Controllers[0], settings.Actions);
    var sets = profiled.Split(',').Select(name => (name, set: name switch { "none" => baseline, "fe" => flightErrors, "mvc" => mvc, _ => throw new ArgumentException($"Unknown set {name}") })).ToList();
    foreach (var (_, set) in sets)
    {
        await Harness.MeasureAnalysisAsync(corpus, set);
    }

    using var sampler = new AllocationSampler();
    for (var i = 0; i < settings.Iterations; i++)
    {
        foreach (var (name, set) in sets)
        {
            var run = await Harness.MeasureAnalysisAsync(corpus, set);
            Console.WriteLine($"{name}: {run.Milliseconds:F0} ms, {run.CpuMilliseconds:F0} ms CPU, {run.AllocatedMegabytes:F1} MB, {run.Diagnostics} diagnostics");
        }
    }

    Console.WriteLine($"Allocation samples by type over the {settings.Iterations} iterations (KB):");
    foreach (var (type, bytes) in sampler.Top(40))
    {
        Console.WriteLine($"  {bytes / 1024,10} {type}");
    }

    return;
}

var perThousand = new List<(int Endpoints, double FlightErrors, double Mvc)>();
foreach (var controllers in settings.Controllers)
{
    var corpus = Corpus.Generate(controllers, settings.Actions);
    Console.WriteLine($"== {controllers} controllers x {settings.Actions} actions + {controllers / 10 + (controllers % 10 == 0 ? 0 : 1)} minimal-API modules{(Corpus.Services ? $" + {controllers * Corpus.BookingEndpoints} service-layer actions" : "")} = {corpus.Endpoints} endpoints, {corpus.Trees.Length} files, {(Corpus.Clean ? "clean (nothing to report)" : "mixed (documented and undocumented)")}");

    // Warm-up: JIT and the reference assemblies' metadata, not measured.
    Harness.MeasureCompile(corpus);
    await Harness.MeasureAnalysisAsync(corpus, flightErrors);
    if (!mvc.IsEmpty)
    {
        await Harness.MeasureAnalysisAsync(corpus, mvc);
    }

    // The driver's cost of each set's findings, measured by replaying them (see ReplayAnalyzer); skipped for a set
    // that finds nothing.
    var feFindings = await Harness.FindingsAsync(corpus, flightErrors);
    var mvcFindings = mvc.IsEmpty ? [] : await Harness.FindingsAsync(corpus, mvc);
    ImmutableArray<DiagnosticAnalyzer> feReplay = feFindings.Count == 0 ? [] : [noOp, new ReplayAnalyzer(feFindings, GeneratedCodeAnalysisFlags.ReportDiagnostics)];
    ImmutableArray<DiagnosticAnalyzer> mvcReplay = mvcFindings.Count == 0 ? [] : [noOp, new ReplayAnalyzer(mvcFindings, GeneratedCodeAnalysisFlags.None)];
    foreach (var replay in new[] { feReplay, mvcReplay })
    {
        if (!replay.IsEmpty)
        {
            await Harness.MeasureAnalysisAsync(corpus, replay);
        }
    }

    var compile = new List<double>();
    var compileCpu = new List<double>();
    var feCpu = new List<double>();
    var apiCpu = new List<double>();
    var cpuRatios = new List<double>();
    var none = new List<double>();
    var fe = new List<double>();
    var api = new List<double>();
    var feMarginal = new List<double>();
    var apiMarginal = new List<double>();
    var ratios = new List<double>();
    var feExecution = new List<double>();
    var apiExecution = new List<double>();
    var feAllocated = new List<double>();
    var apiAllocated = new List<double>();
    var feFound = new List<double>();
    var apiFound = new List<double>();
    var feLooking = new List<double>();
    var apiLooking = new List<double>();
    var lookingRatios = new List<double>();
    var feLookingAllocated = new List<double>();
    var apiLookingAllocated = new List<double>();
    int feReported = 0, apiReported = 0;

    // Compile alone runs in a block of its own, before the analyses: an emit between two analyses left the next
    // analysis's timings scattered over several hundred milliseconds, while analyses taken in turns vary by tens.
    for (var i = 0; i < settings.Iterations; i++)
    {
        compile.Add(Harness.MeasureCompile(corpus));
        compileCpu.Add(Harness.LastCompileCpuMilliseconds);
    }

    for (var i = 0; i < settings.Iterations; i++)
    {
        // The order rotates, so no set always runs first or last; ratios are taken inside one iteration.
        var runs = new Dictionary<string, AnalysisRun>();
        var order = new List<string> { "none", "fe", "mvc", "fe-replay", "mvc-replay" };
        for (var r = 0; r < i % order.Count; r++)
        {
            order.Add(order[0]);
            order.RemoveAt(0);
        }

        foreach (var step in order)
        {
            switch (step)
            {
                case "none":
                    runs["none"] = await Harness.MeasureAnalysisAsync(corpus, baseline);
                    break;
                case "fe":
                    runs["fe"] = await Harness.MeasureAnalysisAsync(corpus, flightErrors);
                    break;
                case "mvc" when !mvc.IsEmpty:
                    runs["mvc"] = await Harness.MeasureAnalysisAsync(corpus, mvc);
                    break;
                case "fe-replay" when !feReplay.IsEmpty:
                    runs["fe-replay"] = await Harness.MeasureAnalysisAsync(corpus, feReplay);
                    break;
                case "mvc-replay" when !mvcReplay.IsEmpty:
                    runs["mvc-replay"] = await Harness.MeasureAnalysisAsync(corpus, mvcReplay);
                    break;
            }
        }

        none.Add(runs["none"].Milliseconds);
        fe.Add(runs["fe"].Milliseconds);
        feMarginal.Add(runs["fe"].Milliseconds - runs["none"].Milliseconds);
        feAllocated.Add(runs["fe"].AllocatedMegabytes - runs["none"].AllocatedMegabytes);
        feReported = runs["fe"].Diagnostics;
        feCpu.Add(runs["fe"].CpuMilliseconds - runs["none"].CpuMilliseconds);
        var feFindingsCost = runs.TryGetValue("fe-replay", out var feReplayRun) ? feReplayRun.Milliseconds - runs["none"].Milliseconds : 0;
        feFound.Add(feFindingsCost);
        feLooking.Add(feMarginal[^1] - feFindingsCost);
        feLookingAllocated.Add(runs["fe"].AllocatedMegabytes - (feReplayRun ?? runs["none"]).AllocatedMegabytes);
        if (runs.TryGetValue("mvc", out var mvcRun))
        {
            api.Add(mvcRun.Milliseconds);
            apiMarginal.Add(mvcRun.Milliseconds - runs["none"].Milliseconds);
            apiAllocated.Add(mvcRun.AllocatedMegabytes - runs["none"].AllocatedMegabytes);
            ratios.Add(feMarginal[^1] / Math.Max(apiMarginal[^1], 0.001));
            apiCpu.Add(mvcRun.CpuMilliseconds - runs["none"].CpuMilliseconds);
            cpuRatios.Add(feCpu[^1] / Math.Max(apiCpu[^1], 0.001));
            apiReported = mvcRun.Diagnostics;
            var apiFindingsCost = runs.TryGetValue("mvc-replay", out var mvcReplayRun) ? mvcReplayRun.Milliseconds - runs["none"].Milliseconds : 0;
            apiFound.Add(apiFindingsCost);
            apiLooking.Add(apiMarginal[^1] - apiFindingsCost);
            apiLookingAllocated.Add(mvcRun.AllocatedMegabytes - (mvcReplayRun ?? runs["none"]).AllocatedMegabytes);
            lookingRatios.Add(feLooking[^1] / Math.Max(apiLooking[^1], 0.001));
        }
    }

    // Roslyn's execution-time log, from runs of their own (it times every callback, which the timed runs do not).
    for (var i = 0; i < Math.Min(3, settings.Iterations); i++)
    {
        feExecution.Add(ExecutionSum(await Harness.MeasureAnalysisAsync(corpus, flightErrors, logExecutionTime: true)));
        if (!mvc.IsEmpty)
        {
            apiExecution.Add(ExecutionSum(await Harness.MeasureAnalysisAsync(corpus, mvc, logExecutionTime: true)));
        }
    }

    // Retained memory, from runs of their own (their forced compacting collections would disturb the timings), the
    // order rotating as above: what each set's analysis leaves reachable while the compilation and its results are
    // kept, over the do-nothing set's (the compiler's own), and how much of it the set's findings alone retain.
    var retained = new Dictionary<string, List<RetainedRun>>();
    var retainedSets = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Set)> { ("none", baseline), ("fe", flightErrors), ("mvc", mvc), ("fe-replay", feReplay), ("mvc-replay", mvcReplay) };
    retainedSets.RemoveAll(s => s.Set.IsEmpty);
    for (var i = 0; i < Math.Min(3, settings.Iterations); i++)
    {
        for (var r = 0; r < retainedSets.Count; r++)
        {
            var (name, set) = retainedSets[(r + i) % retainedSets.Count];
            if (!retained.TryGetValue(name, out var runs))
            {
                retained[name] = runs = [];
            }

            runs.Add(await Harness.MeasureRetainedAsync(corpus, set));
        }
    }

    double Retained(string name, bool heap = false) =>
        retained.TryGetValue(name, out var runs) ? Median(runs.Select(run => heap ? run.HeapMegabytes : run.Megabytes).ToList()) : double.NaN;
    double RetainedOver(string name, string over = "none", bool heap = false) =>
        retained.ContainsKey(name) ? Retained(name, heap) - Retained(over, heap) : 0;
    string RetainedLine(string set) =>
        $"{RetainedOver(set),9:F1} MB  = {RetainedOver(set) * 1024 / corpus.Endpoints,7:F1} KB / endpoint  (GC heap size {RetainedOver(set, heap: true):F1} MB; " +
        $"its findings alone, replayed: {RetainedOver(set + "-replay"):F1} MB; iterations {retained[set].Min(run => run.Megabytes) - Retained("none"):F1} to {retained[set].Max(run => run.Megabytes) - Retained("none"):F1} MB)";

    double PerThousand(double ms) => ms * 1000 / corpus.Endpoints;
    var compileMs = Median(compile);
    Console.WriteLine($"  compile alone (bind + emit)                  {compileMs,9:F0} ms");
    Console.WriteLine($"  compile + do-nothing analyzer (baseline)     {Median(none),9:F0} ms");
    Console.WriteLine($"  retained by the baseline's analysis          {Retained("none"),9:F1} MB  (the compiler's own: live bytes after a full compacting GC, compilation and results kept, minus before analysis; GC heap size {Retained("none", heap: true):F1} MB)");
    Console.WriteLine($"  FlightErrors: marginal wall time              {Median(feMarginal),9:F0} ms  = {PerThousand(Median(feMarginal)),7:F1} ms / 1,000 endpoints  = {Median(feMarginal) / compileMs,6:P1} of compile   ({feReported} diagnostics; iterations {Spread(feMarginal)} ms)");
    Console.WriteLine($"  FlightErrors: analyzer execution time (sum)   {Median(feExecution),9:F0} ms  = {PerThousand(Median(feExecution)),7:F1} ms / 1,000 endpoints");
    Console.WriteLine($"  FlightErrors: marginal CPU time               {Median(feCpu),9:F0} ms  = {PerThousand(Median(feCpu)),7:F1} ms / 1,000 endpoints  = {Median(feCpu) / Median(compileCpu),6:P1} of compile CPU ({Median(compileCpu):F0} ms)");
    Console.WriteLine($"  FlightErrors: marginal allocations            {Median(feAllocated),9:F1} MB  = {Median(feAllocated) * 1024 / corpus.Endpoints,7:F1} KB / endpoint");
    Console.WriteLine($"  FlightErrors: marginal retained memory        {RetainedLine("fe")}");
    Console.WriteLine($"  FlightErrors: its findings alone (replayed)   {Median(feFound),9:F0} ms  ({feFindings.Count} findings; iterations {Spread(feFound)} ms)");
    Console.WriteLine($"  FlightErrors: looking (marginal - findings)   {Median(feLooking),9:F0} ms  = {PerThousand(Median(feLooking)),7:F1} ms / 1,000 endpoints  = {Median(feLooking) / compileMs,6:P1} of compile   (iterations {Spread(feLooking)} ms); {Median(feLookingAllocated):F1} MB");
    if (!mvc.IsEmpty)
    {
        Console.WriteLine($"  MVC API analyzers: marginal wall time        {Median(apiMarginal),9:F0} ms  = {PerThousand(Median(apiMarginal)),7:F1} ms / 1,000 endpoints  = {Median(apiMarginal) / compileMs,6:P1} of compile   ({apiReported} diagnostics; iterations {Spread(apiMarginal)} ms)");
        Console.WriteLine($"  MVC API analyzers: analyzer execution (sum)  {Median(apiExecution),9:F0} ms  = {PerThousand(Median(apiExecution)),7:F1} ms / 1,000 endpoints");
        Console.WriteLine($"  MVC API analyzers: marginal CPU time         {Median(apiCpu),9:F0} ms  = {PerThousand(Median(apiCpu)),7:F1} ms / 1,000 endpoints  = {Median(apiCpu) / Median(compileCpu),6:P1} of compile CPU");
        Console.WriteLine($"  MVC API analyzers: marginal allocations      {Median(apiAllocated),9:F1} MB  = {Median(apiAllocated) * 1024 / corpus.Endpoints,7:F1} KB / endpoint");
        Console.WriteLine($"  MVC API analyzers: marginal retained memory  {RetainedLine("mvc")}");
        Console.WriteLine($"  MVC API analyzers: findings alone (replayed) {Median(apiFound),9:F0} ms  ({mvcFindings.Count} findings; iterations {Spread(apiFound)} ms)");
        Console.WriteLine($"  MVC API analyzers: looking                   {Median(apiLooking),9:F0} ms  = {PerThousand(Median(apiLooking)),7:F1} ms / 1,000 endpoints  = {Median(apiLooking) / compileMs,6:P1} of compile   (iterations {Spread(apiLooking)} ms); {Median(apiLookingAllocated):F1} MB");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (marginal, median of per-iteration ratios)  {Median(ratios):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (medians of the marginals)                 {Median(feMarginal) / Math.Max(Median(apiMarginal), 0.001):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (marginal allocations)                     {Median(feAllocated) / Math.Max(Median(apiAllocated), 0.001):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (marginal retained memory)                 {Ratio(RetainedOver("fe"), RetainedOver("mvc"))}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (marginal CPU, median of ratios)            {Median(cpuRatios):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (execution time)                           {Median(feExecution) / Math.Max(Median(apiExecution), 0.001):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (looking, median of per-iteration ratios)  {Median(lookingRatios):F2}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (looking, medians)                         {Ratio(Median(feLooking), Median(apiLooking))}");
        Console.WriteLine($"  ratio FlightErrors / MVC API analyzers (looking, allocations)                     {Ratio(Median(feLookingAllocated), Median(apiLookingAllocated))}");
    }

    if (settings.PerAnalyzer)
    {
        var each = await Harness.MeasureAnalysisAsync(corpus, flightErrors, logExecutionTime: true);
        foreach (var (name, ms) in each.ExecutionMilliseconds)
        {
            Console.WriteLine($"    {name,-45} {ms,8:F0} ms execution");
        }
    }

    perThousand.Add((corpus.Endpoints, PerThousand(Median(feMarginal)), mvc.IsEmpty ? double.NaN : PerThousand(Median(apiMarginal))));
    Console.WriteLine();
}

if (perThousand.Count > 1)
{
    var (smallest, largest) = (perThousand[0], perThousand[^1]);
    Console.WriteLine($"== Growth from {smallest.Endpoints} to {largest.Endpoints} endpoints (marginal ms per 1,000 endpoints; 1.00 = linear)");
    Console.WriteLine($"  FlightErrors {largest.FlightErrors / smallest.FlightErrors:F2}" + (double.IsNaN(largest.Mvc) ? "" : $", MVC API analyzers {largest.Mvc / smallest.Mvc:F2}"));
    Console.WriteLine();
}

if (!settings.SkipIde)
{
    var corpus = Corpus.Generate(200, settings.Actions, withLargeController: true);
    Console.WriteLine($"== IDE: the analyzer diagnostics of one {Corpus.LargeActions}-action controller file in a project of {corpus.Endpoints} endpoints (a fresh compilation each time, the other files' trees kept, as after an edit)");
    await Harness.MeasureFileAsync(corpus, corpus.Large!, flightErrors);
    var none = new List<double>();
    var fe = new List<double>();
    var api = new List<double>();
    for (var i = 0; i < settings.Iterations; i++)
    {
        none.Add(await Harness.MeasureFileAsync(corpus, corpus.Large!, baseline));
        fe.Add(await Harness.MeasureFileAsync(corpus, corpus.Large!, flightErrors) - none[^1]);
        if (!mvc.IsEmpty)
        {
            api.Add(await Harness.MeasureFileAsync(corpus, corpus.Large!, mvc) - none[^1]);
        }
    }

    Console.WriteLine($"  baseline (binding the file, do-nothing analyzer)  {Median(none),7:F0} ms");
    Console.WriteLine($"  FlightErrors on top                                {Median(fe),7:F0} ms");
    if (!mvc.IsEmpty)
    {
        Console.WriteLine($"  MVC API analyzers on top                           {Median(api),7:F0} ms");
    }

    Console.WriteLine();
}

if (settings.Build)
{
    await WholeBuild.RunAsync(settings);
}

// The lowest and highest of the iterations: on a shared machine the spread says how far to trust a median.
static string Spread(List<double> values) =>
    values.Count == 0 ? "-" : $"{values.Min():F0} to {values.Max():F0}";

// A ratio of two marginals; "n/a" when the second is not above zero (noise larger than the cost).
static string Ratio(double value, double over) => over > 0 ? (value / over).ToString("F2", CultureInfo.InvariantCulture) : "n/a";

static double ExecutionSum(AnalysisRun run) => run.ExecutionMilliseconds.Where(e => e.Key != nameof(DoNothingAnalyzer)).Sum(e => e.Value);

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Settings(int[] Controllers, int Actions, int Iterations, bool SkipIde, bool Build, string MvcPath, int BuildControllers, bool PerAnalyzer = false, string? Profile = null, bool Sequential = false, bool Clean = false, bool Services = false, string[]? RuleIds = null)
{
    /// <summary>The rules measured: FE0001 to FE0003 unless --rules says otherwise (the set the earlier tables measured).</summary>
    public string[] Rules => RuleIds ?? ["FE0001", "FE0002", "FE0003"];

    public static Settings Parse(string[] args)
    {
        var settings = new Settings([200, 2000], 10, 5, false, false, Harness.Metadata("MvcApiAnalyzers"), 200);
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--controllers" => settings with { Controllers = args[++i].Split(',').Select(int.Parse).ToArray() },
                "--actions" => settings with { Actions = int.Parse(args[++i]) },
                "--iterations" => settings with { Iterations = Math.Max(1, int.Parse(args[++i])) },
                "--skip-ide" => settings with { SkipIde = true },
                "--build" => settings with { Build = true },
                "--build-controllers" => settings with { BuildControllers = int.Parse(args[++i]) },
                "--mvc" => settings with { MvcPath = args[++i] },
                "--per-analyzer" => settings with { PerAnalyzer = true },
                "--sequential" => settings with { Sequential = true },
                "--clean" => settings with { Clean = true },
                "--services" => settings with { Services = true },
                "--rules" => settings with { RuleIds = args[++i].Split(',') },
                "--profile" => settings with { Profile = args[++i] },
                _ => throw new ArgumentException($"Unknown argument {args[i]}"),
            };
        }

        return settings;
    }
}
