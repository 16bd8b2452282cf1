using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers.Benchmarks;

/// <summary>An analyzer that registers one operation action and does nothing: the driver's fixed cost.</summary>
public sealed class DoNothingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}

/// <summary>
/// Reports a warning at each place another analyzer set reported one, and looks at nothing else: what the analyzer
/// driver spends on findings themselves (severity filtering, the diagnostic queue and its lock, the generated-code and
/// <c>[SuppressMessage]</c> checks). That cost grows with the number of findings, not with how they were found, so the
/// benchmark subtracts it to compare what the sets spend on looking.
/// </summary>
public sealed class ReplayAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Replayed finding", "Replayed finding", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private readonly Dictionary<string, TextSpan[]> _byFile;
    private readonly GeneratedCodeAnalysisFlags _generatedCode;

    /// <param name="findings">Where the replayed set reported, by file path.</param>
    /// <param name="generatedCode">The replayed set's setting: with <c>None</c> the driver checks every finding against the generated code of its file.</param>
    public ReplayAnalyzer(IEnumerable<(string Path, TextSpan Span)> findings, GeneratedCodeAnalysisFlags generatedCode)
    {
        _byFile = findings.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.Select(f => f.Span).ToArray());
        _generatedCode = generatedCode;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(_generatedCode);
        // Each finding is reported from the method body it lies in, as the rules report theirs.
        context.RegisterOperationAction(
            body =>
            {
                if (!_byFile.TryGetValue(body.Operation.Syntax.SyntaxTree.FilePath, out var spans))
                {
                    return;
                }

                var within = body.Operation.Syntax.Span;
                foreach (var span in spans)
                {
                    if (within.Contains(span))
                    {
                        body.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(body.Operation.Syntax.SyntaxTree, span)));
                    }
                }
            },
            OperationKind.MethodBody);
    }
}

/// <summary>
/// One analyzer set and what a run of it measured: wall time; the CPU time of this process (all its threads), which
/// other load on a shared machine disturbs less than wall time; and the bytes allocated, which it does not disturb.
/// </summary>
public sealed record AnalysisRun(double Milliseconds, double CpuMilliseconds, int Diagnostics, IReadOnlyDictionary<string, double> ExecutionMilliseconds, double AllocatedMegabytes = 0);

/// <summary>
/// What one analysis left reachable while its compilation and results are kept: the live managed bytes after a full
/// compacting collection (<see cref="GC.GetTotalMemory"/>) and the GC heap size, each minus the same figure for the
/// compilation before analysis.
/// </summary>
public sealed record RetainedRun(double Megabytes, double HeapMegabytes);

public static class Harness
{
    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences();

    /// <summary>
    /// The trees a measured compilation starts from: parsed again (before the clock starts), so nothing the compiler
    /// or an analyzer keeps per tree carries over from one measurement to the next, as in a build; the IDE case keeps
    /// the trees of the files not being edited (<paramref name="keepTreesBut"/>), as an editor does.
    /// </summary>
    public static ImmutableArray<SyntaxTree> Trees(Corpus corpus, SyntaxTree? keepTreesBut = null) =>
        keepTreesBut is null
            ? corpus.Trees.Select(Fresh).ToImmutableArray()
            : corpus.Trees.Select(t => t == keepTreesBut ? Fresh(t) : t).ToImmutableArray();

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Bench",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: Concurrent));

    /// <summary>The tree parsed again from its text, as a build parses it (the text stays the same object).</summary>
    private static SyntaxTree Fresh(SyntaxTree tree) =>
        CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath);

    /// <summary>False with --sequential: one thread binds and analyzes, for steadier figures on a busy machine.</summary>
    public static bool Concurrent { get; set; } = true;

    /// <summary>CPU time of a compile in the last <see cref="MeasureCompile"/>.</summary>
    public static double LastCompileCpuMilliseconds { get; private set; }

    /// <summary>Binding and emitting a fresh compilation: what the compiler does without analyzers.</summary>
    public static double MeasureCompile(Corpus corpus)
    {
        var trees = Trees(corpus);
        Collect();
        var cpu = CpuMilliseconds();
        var watch = Stopwatch.StartNew();
        var compilation = Compile(trees);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        using var pe = new MemoryStream();
        var emitted = compilation.Emit(pe);
        watch.Stop();
        LastCompileCpuMilliseconds = CpuMilliseconds() - cpu;
        if (errors.Count > 0 || !emitted.Success)
        {
            throw new InvalidOperationException("The generated corpus does not compile: " + string.Join(Environment.NewLine, errors.Take(10)));
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Compiler and analyzer diagnostics of a fresh compilation, as a build computes them. Roslyn's per-analyzer
    /// execution times are logged only when asked (<paramref name="logExecutionTime"/>): the log times every callback,
    /// which a build does not do (unless run with /reportanalyzer), so the timed runs go without it.
    /// </summary>
    public static async Task<AnalysisRun> MeasureAnalysisAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime = false)
    {
        var trees = Trees(corpus);
        Collect();
        var cpu = CpuMilliseconds();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var withAnalyzers = Compile(trees).WithAnalyzers(analyzers, Options(logExecutionTime));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        watch.Stop();
        cpu = CpuMilliseconds() - cpu;
        var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        var executionTimes = logExecutionTime ? await ExecutionTimesAsync(withAnalyzers, analyzers) : new Dictionary<string, double>();
        return new AnalysisRun(watch.Elapsed.TotalMilliseconds, cpu, CountReported(diagnostics), executionTimes, megabytes);
    }

    /// <summary>
    /// Retained memory: a fresh compilation is measured after a full compacting collection, analyzed as in
    /// <see cref="MeasureAnalysisAsync"/>, and measured again after another while the compilation, the
    /// <see cref="CompilationWithAnalyzers"/> and the diagnostics are still referenced, as an IDE keeps the compilation
    /// of an open project. The difference is what the compiler keeps of its binding plus what the analyzers keep per
    /// compilation or per tree (caches in a <c>ConditionalWeakTable</c> keyed by either live as long as the key);
    /// the benchmark subtracts the do-nothing set's figure to get each set's own.
    /// </summary>
    public static async Task<RetainedRun> MeasureRetainedAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        await ReleasePreviousAnalysisAsync();
        var compilation = Compile(Trees(corpus));
        var (before, heapBefore) = LiveBytesAfterFullCollection();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(logExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        CountReported(diagnostics);
        var (after, heapAfter) = LiveBytesAfterFullCollection();
        GC.KeepAlive(compilation);
        GC.KeepAlive(withAnalyzers);
        GC.KeepAlive(diagnostics);
        return new RetainedRun((after - before) / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
    }

    /// <summary>Where a set reports (FlightErrors' and the MVC API analyzers' own diagnostics), for <see cref="ReplayAnalyzer"/>.</summary>
    public static async Task<List<(string Path, TextSpan Span)>> FindingsAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = await Compile(Trees(corpus)).WithAnalyzers(analyzers, Options(logExecutionTime: false)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics
            .Where(d => IsFinding(d.Id) && d.Location.IsInSource)
            .Select(d => (d.Location.SourceTree!.FilePath, d.Location.SourceSpan))
            .ToList();
    }

    /// <summary>
    /// The IDE case: the analyzer diagnostics of one file just edited, in a fresh compilation of the whole project whose
    /// other trees are those of the previous compilation.
    /// </summary>
    public static async Task<double> MeasureFileAsync(Corpus corpus, SyntaxTree file, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var trees = Trees(corpus, keepTreesBut: file);
        Collect();
        var compilation = Compile(trees);
        var watch = Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(logExecutionTime: false));
        var model = compilation.GetSemanticModel(compilation.SyntaxTrees.Single(t => t.FilePath == file.FilePath));
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        watch.Stop();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Every DiagnosticAnalyzer in Microsoft.AspNetCore.Mvc.Api.Analyzers.dll, or none when the file is absent.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadMvcApiAnalyzers(string path)
    {
        if (!File.Exists(path))
        {
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }

        var assembly = Assembly.LoadFrom(path);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in LoadableTypes(assembly))
        {
            if (!type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            {
                analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
        }

        return analyzers.ToImmutable();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(t => t is not null)!;
        }
    }

    private static CompilationWithAnalyzersOptions Options(bool logExecutionTime) =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: Concurrent, logAnalyzerExecutionTime: logExecutionTime);

    private static int CountReported(ImmutableArray<Diagnostic> diagnostics)
    {
        var count = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (IsFinding(diagnostic.Id) || diagnostic.Id == "BENCH0001")
            {
                count++;
            }

            if (diagnostic.Id == "AD0001")
            {
                throw new InvalidOperationException("An analyzer threw: " + diagnostic);
            }
        }

        return count;
    }

    private static bool IsFinding(string id) => id.StartsWith("FE", StringComparison.Ordinal) || id.StartsWith("API", StringComparison.Ordinal);

    private static async Task<IReadOnlyDictionary<string, double>> ExecutionTimesAsync(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        // The analysis is done: the result (with Roslyn's per-analyzer execution times) comes from the driver's cache.
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        var times = new Dictionary<string, double>();
        foreach (var analyzer in analyzers)
        {
            times[analyzer.GetType().Name] = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry) ? telemetry.ExecutionTime.TotalMilliseconds : double.NaN;
        }

        return times;
    }

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>
    /// The compilation of the previous analysis stays reachable after the benchmark has dropped every reference to it,
    /// until another analysis runs, whatever the analyzers (seen here with the do-nothing set alone: without this
    /// step the previous measurement's bound compilation was counted in the next one's "before", and dropping a
    /// compilation and its results released nothing). A tiny analysis with a new do-nothing analyzer lets it go.
    /// </summary>
    private static Task<ImmutableArray<Diagnostic>> ReleasePreviousAnalysisAsync() =>
        Compile([CSharpSyntaxTree.ParseText("class C { void M() => M(); }")])
            .WithAnalyzers([new DoNothingAnalyzer()], Options(logExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None);

    /// <summary>
    /// Live managed bytes and the GC heap size after full, blocking, compacting collections (the large object heap
    /// compacted too) with the finalizers run in between.
    /// </summary>
    private static (long Live, long Heap) LiveBytesAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var live = GC.GetTotalMemory(forceFullCollection: true);
        return (live, GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var packs = Metadata("NetCoreTargetingPackRoot");
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var newest = Directory.GetDirectories(Path.Combine(packs, pack))
                .Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal))
                .OrderByDescending(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
                .First();
            foreach (var file in Directory.GetFiles(Path.Combine(newest, "ref", "net10.0"), "*.dll").Order(StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references.ToImmutable();
    }

    public static string Metadata(string key) =>
        typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
