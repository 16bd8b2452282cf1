using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>What a fix test checks besides the single-fix loop.</summary>
[Flags]
public enum CodeFixTestBehaviors
{
    None = 0,
    SkipIterativeFix = 1,
    SkipFixAll = 2,
}

/// <summary>
/// An analyzer (and optionally code-fix) test in the shape of Microsoft.CodeAnalysis.Testing: sources with markup,
/// expected diagnostics, an optional fixed state, run against every reference set. Every run asserts that the input
/// compiles (apart from expected compiler diagnostics), that the diagnostics match exactly (id, span, message when
/// given), that no analyzer throws, and for fixes that the single-fix loop and Fix All in document, project and
/// solution scope all produce the fixed state, which compiles and carries exactly its marked diagnostics.
/// </summary>
public class AnalyzerTest
{
    private const int MaxIterations = 20;
    private static readonly MetadataReference[] NoReferences = Array.Empty<MetadataReference>();

    public AnalyzerTest(ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider? codeFix)
    {
        Analyzers = analyzers;
        CodeFix = codeFix;
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public CodeFixProvider? CodeFix { get; }

    /// <summary>The first source file, with markup.</summary>
    public string TestCode
    {
        get => TestSources.Count > 0 ? TestSources[0] : string.Empty;
        set => SetFirst(TestSources, value);
    }

    /// <summary>The first fixed source file, with markup for the diagnostics that must remain.</summary>
    public string? FixedCode
    {
        get => FixedSources.Count > 0 ? FixedSources[0] : null;
        set => SetFirst(FixedSources, value ?? string.Empty);
    }

    public List<string> TestSources { get; } = new();

    public List<string> FixedSources { get; } = new();

    /// <summary>File names of the sources, by index; "Test{i}.cs" unless set (e.g. "Generated.g.cs").</summary>
    public Dictionary<int, string> FileNames { get; } = new();

    public List<DiagnosticResult> ExpectedDiagnostics { get; } = new();

    public List<DiagnosticResult> FixedDiagnostics { get; } = new();

    /// <summary>Lines of an <c>.editorconfig</c> section <c>[*.cs]</c> applied to every source.</summary>
    public string? EditorConfig { get; set; }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    public ImmutableArray<ReferenceAssemblies> ReferenceSets { get; set; } = ReferenceAssemblies.All;

    public string? CodeActionEquivalenceKey { get; set; }

    public CodeFixTestBehaviors CodeFixTestBehaviors { get; set; }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var references in ReferenceSets)
        {
            try
            {
                await RunAsync(references, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is XunitException)
            {
                throw new XunitException($"[{references}] {e.Message}");
            }
        }
    }

    /// <summary>Runs the analyzers on every reference set without checking that the code compiles: only that nothing throws.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeOnlyAsync(CancellationToken cancellationToken = default)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var references in ReferenceSets)
        {
            var project = CreateProject(references, TestSources);
            all.AddRange(await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false));
        }

        return all.ToImmutable();
    }

    private async Task RunAsync(ReferenceAssemblies references, CancellationToken cancellationToken)
    {
        var input = ParseSources(TestSources);
        var project = CreateProject(references, input.Select(s => s.Code).ToList());
        await VerifyDiagnosticsAsync(project, input, ExpectedDiagnostics, "input", cancellationToken).ConfigureAwait(false);

        if (CodeFix is null || FixedSources.Count == 0)
        {
            return;
        }

        var expected = ParseSources(FixedSources);
        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipIterativeFix) == 0)
        {
            var fixedProject = await ApplyIterativeAsync(project, cancellationToken).ConfigureAwait(false);
            await VerifyFixedAsync(fixedProject, expected, "single fix", cancellationToken).ConfigureAwait(false);
        }

        if ((CodeFixTestBehaviors & CodeFixTestBehaviors.SkipFixAll) == 0)
        {
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
            {
                var fixedProject = await ApplyFixAllAsync(project, scope, cancellationToken).ConfigureAwait(false);
                await VerifyFixedAsync(fixedProject, expected, "Fix All in " + scope, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task VerifyFixedAsync(Project project, List<(string Code, List<MarkedSpan> Spans)> expected, string stage, CancellationToken cancellationToken)
    {
        var documents = project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = (await documents[i].GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            var wanted = expected[i].Code;
            if (Normalize(actual) != Normalize(wanted))
            {
                throw new XunitException($"{stage}: {documents[i].Name} differs from the fixed state.{Environment.NewLine}{Diff(Normalize(wanted), Normalize(actual))}");
            }
        }

        await VerifyDiagnosticsAsync(project, expected, FixedDiagnostics, stage + " result", cancellationToken).ConfigureAwait(false);
    }

    private async Task VerifyDiagnosticsAsync(Project project, List<(string Code, List<MarkedSpan> Spans)> sources, List<DiagnosticResult> explicitResults, string stage, CancellationToken cancellationToken)
    {
        var documents = project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var expected = new List<(string Id, string Path, TextSpan Span, DiagnosticResult? Result)>();
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var span in sources[i].Spans)
            {
                if (span.LocationIndex is null)
                {
                    expected.Add((span.Id ?? DefaultId, documents[i].FilePath!, span.Span, null));
                }
            }
        }

        foreach (var result in explicitResults)
        {
            var located = LocateMarker(sources, documents, result.LocationIndex);
            expected.Add((result.Id, located.Path, located.Span, result));
        }

        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var compilerExpected = expected.Where(e => e.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        var errors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Where(d => !compilerExpected.Any(e => e.Id == d.Id && e.Span == d.Location.SourceSpan))
            .ToList();
        if (errors.Count > 0)
        {
            throw new XunitException($"{stage}: the code does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var actual = await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
        var analyzerExpected = expected.Where(e => !e.Id.StartsWith("CS", StringComparison.Ordinal)).ToList();
        var unmatched = new List<Diagnostic>(actual);
        var missing = new List<string>();
        foreach (var wanted in analyzerExpected)
        {
            var match = unmatched.FirstOrDefault(d => d.Id == wanted.Id && d.Location.SourceSpan == wanted.Span && d.Location.SourceTree?.FilePath == wanted.Path);
            if (match is null)
            {
                missing.Add($"{wanted.Id} at {wanted.Path}{wanted.Span}");
                continue;
            }

            unmatched.Remove(match);
            if (wanted.Result is { } result)
            {
                var message = result.Message ?? (result.Arguments.IsDefaultOrEmpty ? null : FormatMessage(match.Descriptor, result.Arguments));
                if (message is not null && message != match.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                {
                    throw new XunitException($"{stage}: {result} has message '{match.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}', expected '{message}'.");
                }
            }
        }

        if (missing.Count > 0 || unmatched.Count > 0)
        {
            var text = new StringBuilder();
            text.AppendLine($"{stage}: the diagnostics differ.");
            foreach (var m in missing)
            {
                text.AppendLine("  expected, not reported: " + m);
            }

            foreach (var d in unmatched)
            {
                var source = d.Location.SourceTree?.GetText(cancellationToken).ToString(d.Location.SourceSpan);
                text.AppendLine($"  reported, not expected: {d.Id} at {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} '{source}': {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            throw new XunitException(text.ToString());
        }
    }

    private string DefaultId => Analyzers.SelectMany(a => a.SupportedDiagnostics).First().Id;

    /// <summary>Runs the analyzers; any analyzer exception fails the test (an AD0001 for users).</summary>
    public async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        if (!exceptions.IsEmpty || diagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new XunitException("An analyzer threw: " + string.Join(Environment.NewLine, exceptions.Select(e => e.ToString()).Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()))));
        }

        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private async Task<Project> ApplyIterativeAsync(Project project, CancellationToken cancellationToken)
    {
        var fixer = CodeFix!;
        var skipped = new HashSet<string>();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var diagnostics = (await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false))
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id))
                .Where(d => !skipped.Contains(Key(d)))
                .ToList();
            if (diagnostics.Count == 0)
            {
                return project;
            }

            var diagnostic = diagnostics[0];
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var action = await FindActionAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (action is null)
            {
                skipped.Add(Key(diagnostic));
                continue;
            }

            project = await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
        }

        throw new XunitException($"The code fix did not converge within {MaxIterations} iterations.");
    }

    private async Task<Project> ApplyFixAllAsync(Project project, FixAllScope scope, CancellationToken cancellationToken)
    {
        var fixer = CodeFix!;
        var provider = fixer.GetFixAllProvider() ?? throw new XunitException("The code fix has no Fix All provider.");
        for (var iteration = 0; iteration < 3; iteration++)
        {
            var diagnostics = (await GetAnalyzerDiagnosticsAsync(project, cancellationToken).ConfigureAwait(false))
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id))
                .ToImmutableArray();
            CodeAction? firstAction = null;
            Diagnostic? first = null;
            foreach (var diagnostic in diagnostics)
            {
                firstAction = await FindActionAsync(fixer, project.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, cancellationToken).ConfigureAwait(false);
                if (firstAction is not null)
                {
                    first = diagnostic;
                    break;
                }
            }

            if (first is null || firstAction is null)
            {
                return project;
            }

            var context = new FixAllContext(
                project.GetDocument(first.Location.SourceTree)!,
                fixer,
                scope,
                firstAction.EquivalenceKey,
                fixer.FixableDiagnosticIds,
                new FixedDiagnosticProvider(diagnostics),
                cancellationToken);
            var action = await provider.GetFixAsync(context).ConfigureAwait(false);
            if (action is null)
            {
                return project;
            }

            var before = project;
            project = await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
            if (await SameTextAsync(before, project, cancellationToken).ConfigureAwait(false))
            {
                return project;
            }
        }

        return project;
    }

    private async Task<CodeAction?> FindActionAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var keys = actions.Select(a => a.EquivalenceKey).ToList();
        if (keys.Count != keys.Distinct().Count())
        {
            throw new XunitException("Two code actions for one diagnostic share an equivalence key: " + string.Join(", ", keys));
        }

        return CodeActionEquivalenceKey is null
            ? actions.FirstOrDefault()
            : actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        var changed = apply.ChangedSolution.GetProject(project.Id)!;
        if (await SameTextAsync(project, changed, cancellationToken).ConfigureAwait(false))
        {
            throw new XunitException($"The code action '{action.Title}' left the document unchanged.");
        }

        return changed;
    }

    private static async Task<bool> SameTextAsync(Project a, Project b, CancellationToken cancellationToken)
    {
        foreach (var document in a.Documents)
        {
            var other = b.GetDocument(document.Id);
            if (other is null || !(await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ContentEquals(await other.GetTextAsync(cancellationToken).ConfigureAwait(false)))
            {
                return false;
            }
        }

        return true;
    }

    private Project CreateProject(ReferenceAssemblies references, List<string> sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Parse);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "TestProject",
            "TestProject",
            LanguageNames.CSharp,
            filePath: "/0/TestProject.csproj",
            compilationOptions: compilationOptions,
            parseOptions: parseOptions,
            metadataReferences: references.References));
        for (var i = 0; i < sources.Count; i++)
        {
            var name = FileNames.TryGetValue(i, out var fileName) ? fileName : $"Test{i}.cs";
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(sources[i], Encoding.UTF8), filePath: "/0/" + name);
        }

        var editorConfig = "root = true" + Environment.NewLine + Environment.NewLine + "[*.cs]" + Environment.NewLine + (EditorConfig ?? string.Empty);
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/0/.editorconfig");
        return solution.GetProject(projectId)!;
    }

    private static (string Path, TextSpan Span) LocateMarker(List<(string Code, List<MarkedSpan> Spans)> sources, List<Document> documents, int? index)
    {
        if (index is null)
        {
            throw new InvalidOperationException("An expected diagnostic needs a location: use WithLocation and {|#0:…|} markup.");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var span in sources[i].Spans)
            {
                if (span.LocationIndex == index)
                {
                    return (documents[i].FilePath!, span.Span);
                }
            }
        }

        throw new InvalidOperationException($"No {{|#{index}:…|}} marker in the sources.");
    }

    private static List<(string Code, List<MarkedSpan> Spans)> ParseSources(List<string> sources) =>
        sources.Select(s => TestMarkup.Parse(s)).Select(p => (p.Code, p.Spans)).ToList();

    private static string FormatMessage(DiagnosticDescriptor descriptor, ImmutableArray<object?> arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments.ToArray());

    private static string Key(Diagnostic diagnostic) => $"{diagnostic.Id}@{diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.SourceSpan}";

    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Diff(string expected, string actual)
    {
        var wanted = expected.Split('\n');
        var got = actual.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(wanted.Length, got.Length); i++)
        {
            var w = i < wanted.Length ? wanted[i] : "<end>";
            var g = i < got.Length ? got[i] : "<end>";
            if (w != g)
            {
                text.AppendLine($"line {i + 1}:").AppendLine($"  expected: {w}").AppendLine($"  actual:   {g}");
            }
        }

        return text.AppendLine("actual text:").AppendLine(actual).ToString();
    }

    private static void SetFirst(List<string> list, string value)
    {
        if (list.Count == 0)
        {
            list.Add(value);
        }
        else
        {
            list[0] = value;
        }
    }

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
