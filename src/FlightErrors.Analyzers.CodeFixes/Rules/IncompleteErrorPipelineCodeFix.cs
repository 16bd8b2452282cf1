using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0004: adds what the application's error pipeline lacks, <c>AddProblemDetails()</c> before <c>Build()</c> and
/// <c>UseExceptionHandler()</c> and <c>UseStatusCodePages()</c> right after it (<see cref="ErrorPipelineEditor"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IncompleteErrorPipelineCodeFix)), Shared]
public sealed class IncompleteErrorPipelineCodeFix : CodeFixProvider
{
    public const string CompletePipelineKey = "FE0004.CompletePipeline";

    private static readonly FixAllProvider FixAll = new PipelineFixAll(documents: null, static _ => true);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IncompleteErrorPipeline);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.Document.Project;
        var (missing, _) = await ErrorPipelineEditor.MissingAsync(project, context.CancellationToken).ConfigureAwait(false);
        if (missing == PipelineParts.None)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add " + missing.Describe(),
                ct => ErrorPipelineEditor.CompleteAsync(project.Solution, project.Id, ct),
                CompletePipelineKey),
            context.Diagnostics);
    }
}
