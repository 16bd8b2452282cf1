using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FlightErrors.Analyzers;

/// <summary>
/// Fix All that completes the application's error pipeline (<see cref="ErrorPipelineEditor"/>) once per project, after
/// the per-document fixes of <paramref name="documents"/> (if any), wherever one of the fixed diagnostics asks for it:
/// every FE0004, and the FE0002 and FE0003 occurrences whose fix relies on the pipeline
/// (<see cref="FixProperties.CompletesPipeline"/>). The per-document fixes cannot make it themselves: the host is in
/// another file, and each document's fix would add it again.
/// </summary>
internal sealed class PipelineFixAll : FixAllProvider
{
    private readonly FixAllProvider? _documents;
    private readonly Func<Diagnostic, bool> _completesPipeline;

    public PipelineFixAll(FixAllProvider? documents, Func<Diagnostic, bool> completesPipeline)
    {
        _documents = documents;
        _completesPipeline = completesPipeline;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        var cancellationToken = context.CancellationToken;
        var solution = context.Solution;
        if (_documents is not null && await _documents.GetFixAsync(context).ConfigureAwait(false) is { } documentFix)
        {
            foreach (var operation in await documentFix.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }
        }

        foreach (var project in Projects(context))
        {
            var diagnostics = context.Scope == FixAllScope.Document && context.Document is { } document
                ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                if (_completesPipeline(diagnostic))
                {
                    solution = await ErrorPipelineEditor.CompleteAsync(solution, project.Id, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }

        return solution == context.Solution
            ? null
            : CodeAction.Create(
                "Fix all occurrences",
                _ => Task.FromResult(solution),
                context.CodeActionEquivalenceKey);
    }

    private static IEnumerable<Project> Projects(FixAllContext context) => context.Scope == FixAllScope.Solution
        ? context.Solution.Projects
        : new[] { context.Project };
}
