using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>The mutations each document gets, and how often a source that does not compile has a diagnostic fixed.</summary>
internal sealed record FuzzSettings(MutationBudget Budget, int BrokenSourceFixInterval);

/// <summary>A failure the fuzzer found: what broke, on which mutated source, and the exception or the new errors.</summary>
internal sealed record FuzzFailure(string Kind, string Case, string Document, Mutation Mutation, string Detail)
{
    public override string ToString() =>
        $"{Kind} in {Case} / {Document}, {Mutation.Kind} {Mutation.Detail}:{Environment.NewLine}{Detail}{Environment.NewLine}"
        + $"--- mutated source ---{Environment.NewLine}{Mutation.Text}{Environment.NewLine}--- end ---";
}

/// <summary>
/// Feeds mutated versions of each mutable document of each case to every analyzer (over the whole compilation), then
/// to every code fix of FE diagnostics found in that document, applying each action offered: up to
/// <see cref="MaxFixesPerCompilingSource"/> diagnostics (spread over the document) when the mutated document compiles,
/// and then the fixed project is compiled too; one diagnostic of every <see cref="FuzzSettings.BrokenSourceFixInterval"/>-th
/// source that does not compile. Records analyzer exceptions and AD0001s, exceptions from fixes, fixes that give
/// compiler errors to documents that had none, and runs that do not finish.
/// </summary>
internal sealed class Fuzzer
{
    /// <summary>The seed of every random choice; a document's own seed is derived from it and the document's name.</summary>
    public const int Seed = 6_2025;

    public const int MaxFixesPerCompilingSource = 3;

    /// <summary>A run that takes longer is reported as a hang (the analyzers take milliseconds on these sources).</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<FuzzFailure> _failures = new();
    private readonly ConcurrentBag<string> _unchanged = new();
    private int _documents;
    private int _mutations;
    private int _withDiagnostics;
    private int _compilingWithDiagnostics;
    private int _diagnostics;
    private int _fixedDiagnostics;
    private int _actionsApplied;
    private int _actionsCompiled;
    private long _analyzerTicks;
    private long _fixTicks;

    public Fuzzer(FuzzSettings settings) => Settings = settings;

    public FuzzSettings Settings { get; }

    /// <summary>How many documents were fuzzed: each gets at least itself and its smallest prefixes, whatever the budget.</summary>
    public int Documents => _documents;

    public IReadOnlyList<FuzzFailure> Failures =>
        _failures.OrderBy(f => f.Case, StringComparer.Ordinal).ThenBy(f => f.Document, StringComparer.Ordinal).ThenBy(f => f.Mutation.Detail, StringComparer.Ordinal).ToList();

    /// <summary>Code actions that were offered but left the solution as it was (never registered, says STYLE.md).</summary>
    public IReadOnlyList<string> UnchangedActions => _unchanged.OrderBy(u => u, StringComparer.Ordinal).ToList();

    public async Task RunAsync(IReadOnlyList<FuzzCase> cases, int degreeOfParallelism)
    {
        // Mutate first, in order, so that a text two documents share is analysed once, always for the same document.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new List<(FuzzCase Case, FuzzDocument Document, List<Mutation> Mutations)>();
        foreach (var fuzzCase in cases)
        {
            foreach (var document in fuzzCase.Documents.Where(d => d.Mutable))
            {
                var scope = fuzzCase.Documents.Length == 1 ? FlightErrors.Analyzers.Tests.Verification.ReferenceSets.NameOf(fuzzCase.References) : fuzzCase.Name + "/" + document.Name;
                var mutations = TokenMutations.Generate(document.Text, TokenMutations.Seed(Seed, fuzzCase.Name + "/" + document.Name), Settings.Budget)
                    .Where(m => seen.Add(scope + "\0" + m.Text))
                    .ToList();
                work.Add((fuzzCase, document, mutations));
            }
        }

        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            async (item, _) => await FuzzDocumentAsync(item.Case, item.Document, item.Mutations).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public string Summary(TimeSpan elapsed) =>
        $"{_documents} documents, {_mutations} distinct mutated sources analysed; {_withDiagnostics} of them had FE diagnostics in the mutated document "
        + $"({_diagnostics} in all; {_compilingWithDiagnostics} of these sources compile); {_fixedDiagnostics} diagnostics fixed with {_actionsApplied} code actions "
        + $"applied, {_actionsCompiled} of which on compiling sources were compiled again; {_unchanged.Count} actions left the solution unchanged; "
        + $"{_failures.Count} failures. {elapsed.TotalSeconds:0.0} s wall clock; summed over workers, {Seconds(_analyzerTicks):0.0} s compiling and analysing, "
        + $"{Seconds(_fixTicks):0.0} s fixing and checking.";

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private async Task FuzzDocumentAsync(FuzzCase fuzzCase, FuzzDocument fuzzDocument, List<Mutation> mutations)
    {
        Interlocked.Increment(ref _documents);
        var project = fuzzCase.CreateProject();
        var documentId = project.Documents.Single(d => d.Name == fuzzDocument.Name).Id;
        var brokenWithDiagnostics = 0;
        foreach (var mutation in mutations)
        {
            Interlocked.Increment(ref _mutations);
            var document = project.Solution.WithDocumentText(documentId, SourceText.From(mutation.Text, Encoding.UTF8)).GetDocument(documentId)!;
            try
            {
                await FuzzMutationAsync(fuzzCase, document, mutation, () => brokenWithDiagnostics++ % Settings.BrokenSourceFixInterval == 0).WaitAsync(RunTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _failures.Add(new FuzzFailure("hang", fuzzCase.Name, fuzzDocument.Name, mutation, $"No result within {RunTimeout.TotalSeconds} s."));
            }
        }
    }

    private async Task FuzzMutationAsync(FuzzCase fuzzCase, Document document, Mutation mutation, Func<bool> fixThisBrokenSource)
    {
        var start = Stopwatch.GetTimestamp();
        var compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
        var run = await AnalyzerRun.RunAsync(compilation, document.Project.AnalyzerOptions, concurrentAnalysis: false).ConfigureAwait(false);
        Interlocked.Add(ref _analyzerTicks, Stopwatch.GetTimestamp() - start);
        if (run.Failed)
        {
            _failures.Add(new FuzzFailure("analyzer exception", fuzzCase.Name, document.Name, mutation, run.DescribeFailure()));
            return;
        }

        var tree = (await document.GetSyntaxTreeAsync().ConfigureAwait(false))!;
        var found = run.Diagnostics
            .Where(d => d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        if (found.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _withDiagnostics);
        Interlocked.Add(ref _diagnostics, found.Count);
        start = Stopwatch.GetTimestamp();
        var compiles = !compilation.GetSemanticModel(tree).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        ImmutableHashSet<string>? errorFree = null;
        if (compiles)
        {
            // The documents that compile before the fix; a fix must not give any of them an error. Only asked of
            // sources whose mutated document compiles: a fix cannot be blamed for code that was broken already.
            Interlocked.Increment(ref _compilingWithDiagnostics);
            var broken = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.SourceTree?.FilePath ?? string.Empty);
            errorFree = compilation.SyntaxTrees.Select(t => t.FilePath).Except(broken).ToImmutableHashSet(StringComparer.Ordinal);
        }
        else if (!fixThisBrokenSource())
        {
            Interlocked.Add(ref _fixTicks, Stopwatch.GetTimestamp() - start);
            return;
        }

        foreach (var diagnostic in Spread(found, compiles ? MaxFixesPerCompilingSource : 1))
        {
            Interlocked.Increment(ref _fixedDiagnostics);
            foreach (var fixer in Meta.Catalogue.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await FixAsync(fuzzCase, document, mutation, fixer, diagnostic, errorFree).ConfigureAwait(false);
            }
        }

        Interlocked.Add(ref _fixTicks, Stopwatch.GetTimestamp() - start);
    }

    private async Task FixAsync(FuzzCase fuzzCase, Document document, Mutation mutation, CodeFixProvider fixer, Diagnostic diagnostic, ImmutableHashSet<string>? errorFree)
    {
        var actions = new List<CodeAction>();
        try
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _failures.Add(new FuzzFailure("code fix exception (RegisterCodeFixesAsync)", fuzzCase.Name, document.Name, mutation, $"{fixer.GetType().Name} on {AnalyzerRun.Describe(diagnostic)}:{Environment.NewLine}{e}"));
            return;
        }

        foreach (var action in Flatten(actions))
        {
            ImmutableArray<CodeActionOperation> operations;
            try
            {
                operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _failures.Add(new FuzzFailure("code fix exception (GetOperationsAsync)", fuzzCase.Name, document.Name, mutation, $"{fixer.GetType().Name} '{action.EquivalenceKey}' on {AnalyzerRun.Describe(diagnostic)}:{Environment.NewLine}{e}"));
                continue;
            }

            foreach (var apply in operations.OfType<ApplyChangesOperation>())
            {
                Interlocked.Increment(ref _actionsApplied);
                var changes = apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true)).ToList();
                if (changes.Count == 0)
                {
                    _unchanged.Add($"{fuzzCase.Name} / {document.Name}, {mutation.Kind} {mutation.Detail}: {fixer.GetType().Name} '{action.EquivalenceKey}' on {AnalyzerRun.Describe(diagnostic)}");
                    continue;
                }

                if (errorFree is null)
                {
                    continue;
                }

                Interlocked.Increment(ref _actionsCompiled);
                var project = apply.ChangedSolution.GetProject(document.Project.Id)!;
                var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
                var newErrors = compilation.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error && errorFree.Contains(d.Location.SourceTree?.FilePath ?? string.Empty))
                    .ToList();
                if (newErrors.Count > 0)
                {
                    var text = new StringBuilder($"{fixer.GetType().Name} '{action.EquivalenceKey}' on {AnalyzerRun.Describe(diagnostic)} gives errors:");
                    foreach (var error in newErrors.Take(10))
                    {
                        text.AppendLine().Append("  ").Append(error);
                    }

                    foreach (var changed in changes)
                    {
                        text.AppendLine().AppendLine($"--- {project.GetDocument(changed)!.Name} after the fix ---")
                            .Append((await project.GetDocument(changed)!.GetTextAsync().ConfigureAwait(false)).ToString());
                    }

                    _failures.Add(new FuzzFailure("code fix breaks compiling code", fuzzCase.Name, document.Name, mutation, text.ToString()));
                }
            }
        }
    }

    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            if (action.NestedActions.IsDefaultOrEmpty)
            {
                yield return action;
                continue;
            }

            foreach (var nested in Flatten(action.NestedActions))
            {
                yield return nested;
            }
        }
    }

    /// <summary>At most <paramref name="count"/> items, evenly spread over the list, first included.</summary>
    private static IEnumerable<T> Spread<T>(List<T> items, int count)
    {
        if (items.Count <= count)
        {
            return items;
        }

        return Enumerable.Range(0, count).Select(i => items[i * items.Count / count]);
    }
}
