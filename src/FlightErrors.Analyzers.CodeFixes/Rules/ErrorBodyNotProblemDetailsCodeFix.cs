using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0003: rewrites an error with a string, one-message or empty body into <c>Problem(...)</c>, and a model-state or
/// field-error dictionary body into <c>ValidationProblem(...)</c>, from the factory the code already uses (the
/// controller, <c>Results</c> or <c>TypedResults</c>). An arbitrary DTO has no faithful rewrite, so it gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyNotProblemDetailsCodeFix)), Shared]
public sealed class ErrorBodyNotProblemDetailsCodeFix : CodeFixProvider
{
    public const string UseProblemKey = "FE0003.UseProblem";
    public const string UseValidationProblemKey = "FE0003.UseValidationProblem";

    private static readonly SyntaxAnnotation Rewritten = new(nameof(ErrorBodyNotProblemDetailsCodeFix));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ErrorBodyNotProblemDetails);

    public const string CompletePipelineKey = "FE0003.CompletePipeline";

    // Each occurrence gets the chosen kind of fix where it is offered, else its first one (see PreferredFixAll); a
    // bodyless error that the application's missing status code pages would fill gets none there, and the application
    // gets its pipeline completed once instead (see PipelineFixAll), whichever fix started Fix All.
    private static readonly FixAllProvider FixAll = new PipelineFixAll(
        PreferredFixAll.Create(static diagnostic => FixProperties.CompletesPipeline(diagnostic) ? string.Empty : null),
        FixProperties.CompletesPipeline);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        if (await ProblemRewriter.CreateAsync(document, context.CancellationToken).ConfigureAwait(false) is not var (root, model, rewriter))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // One change to the application makes every bodyless error Problem Details: offered first, next to the
            // rewrite of this one.
            if (FixProperties.CompletesPipeline(diagnostic))
            {
                var project = document.Project;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make every bodyless error Problem Details (AddProblemDetails() and UseStatusCodePages() in the application)",
                        ct => ErrorPipelineEditor.CompleteAsync(project.Solution, project.Id, ct),
                        CompletePipelineKey),
                    diagnostic);
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var request = FixProperties.Read(diagnostic);
            // The rewrite writes the reported code; a status that can take other values (a local, a conditional) has
            // no faithful rewrite to one code.
            if (model.GetOperation(node, context.CancellationToken) is not { } producer
                || !WrittenStatus.IsFixed(producer)
                || rewriter.FactoryOf(producer) is not { } factory
                || request.StatusCode is not { StatusCode: var statusCode }
                || request.Body is not { } kind)
            {
                continue;
            }

            var body = ResultBodies.Of(producer);
            HandlerUnion? union = null;
            ExpressionSyntax? replacement = null;
            string title;
            string key;
            if (kind == BodyKind.ModelState)
            {
                if (factory != ProblemFactory.Controller || body is null || !rewriter.CanReplace(producer, factory, validation: true))
                {
                    continue;
                }

                replacement = rewriter.ValidationProblem((ExpressionSyntax)body.Syntax, statusCode);
                title = "Use ValidationProblem";
                key = UseValidationProblemKey;
            }
            else if (kind == BodyKind.ValidationErrors)
            {
                if (body is null || !rewriter.CanReplace(producer, factory, validation: true)
                    || rewriter.ValidationProblemFromErrors(factory, (ExpressionSyntax)body.WalkDownConversions().Syntax, body.WalkDownConversions().Type, statusCode) is not { } validation)
                {
                    continue;
                }

                replacement = validation;
                title = "Use ValidationProblem";
                key = UseValidationProblemKey;
            }
            else if (kind is BodyKind.String or BodyKind.None || (kind == BodyKind.Anonymous && ResultBodies.IsFaithfulDetail(body)))
            {
                // A typed result returned as a member of the handler's Results<…> union: the union takes
                // ProblemHttpResult, and gives up the member no path returns any more.
                union = factory == ProblemFactory.TypedResults ? HandlerUnion.Of(producer, model, rewriter.Types, context.CancellationToken) : null;
                if (union is not null && !SymbolEqualityComparer.Default.Equals(ProblemRewriter.TargetOf(producer), union.Type))
                {
                    union = null;
                }

                if (union is null && !rewriter.CanReplace(producer, factory, validation: false))
                {
                    continue;
                }

                replacement = rewriter.Problem(factory, rewriter.DetailOf(body), statusCode);
                title = "Use Problem Details";
                key = UseProblemKey;
            }
            else
            {
                continue;
            }

            // The declarations follow the body: the union (above), and a `.Produces(code)` of the endpoint's chain that
            // said the error had another body becomes `.ProducesProblem(code)`.
            var rewritten = replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Rewritten);
            var edits = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> { [node] = _ => rewritten };
            if (union is { Changes: true } edit)
            {
                edits[edit.Syntax] = current => edit.Rewrite((GenericNameSyntax)current);
            }

            if (key == UseProblemKey && factory != ProblemFactory.Controller && EndpointChainEditor.MapCallAround(node) is { } mapCall)
            {
                foreach (var produces in EndpointChainEditor.ProducesCallsFor(mapCall, statusCode, model, context.CancellationToken))
                {
                    // Only the name and the arguments change: the call's receiver holds the handler, and the rewrite.
                    edits[produces.Expression] = current => ((MemberAccessExpressionSyntax)EndpointChainEditor.AsProducesProblem(produces).Expression)
                        .WithExpression(((MemberAccessExpressionSyntax)current).Expression);
                    edits[produces.ArgumentList] = _ => EndpointChainEditor.AsProducesProblem(produces).ArgumentList;
                }
            }

            var newRoot = root.ReplaceNodes(edits.Keys, (original, current) => edits[original](current));
            context.RegisterCodeFix(CodeAction.Create(title, ct => Imports.AddForAsync(document, newRoot, Rewritten, ct), key), diagnostic);
        }
    }
}
