using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0002: inside a <c>catch</c>, rethrow so the exception handler writes the 500; anywhere, return 503, 502 or 504
/// as Problem Details instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExplicitInternalServerErrorCodeFix)), Shared]
public sealed class ExplicitInternalServerErrorCodeFix : CodeFixProvider
{
    public const string RethrowKey = "FE0002.Rethrow";
    public const string Return503Key = "FE0002.Return503";
    public const string Return502Key = "FE0002.Return502";
    public const string Return504Key = "FE0002.Return504";

    private static readonly SyntaxAnnotation Rewritten = new(nameof(ExplicitInternalServerErrorCodeFix));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ExplicitInternalServerError);

    // Fix All applies, whatever fix started it, what the analyzer found safe to apply unread at each catch (502 for an
    // upstream failure, 504 for a timeout, a rethrow where the application handles exceptions, nothing where it does
    // not); elsewhere each occurrence gets the chosen code, or 503 when the rethrow started it (see PreferredFixAll).
    // A rethrow in an application without an exception handler adds FE0004's, once (see PipelineFixAll).
    private static readonly FixAllProvider FixAll = new PipelineFixAll(
        PreferredFixAll.Create(diagnostic => FixProperties.Read(diagnostic).BulkFix switch
        {
            BulkFix.None => string.Empty,
            BulkFix.Rethrow => RethrowKey,
            BulkFix.Return502 => Return502Key,
            BulkFix.Return504 => Return504Key,
            _ => null,
        }),
        static diagnostic => FixProperties.CompletesPipeline(diagnostic) && FixProperties.Read(diagnostic).BulkFix == BulkFix.Rethrow);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            // A status that is a 500 on some paths only (a local, a conditional) keeps its other codes: neither a
            // rethrow nor a new code may take them away.
            if (model.GetOperation(node, context.CancellationToken) is not { } producer || !WrittenStatus.IsFixed(producer))
            {
                continue;
            }

            if (CatchSites.ReturnInCatch(node, out _) is { } returnStatement)
            {
                // Where the application has no exception handler, the rethrow adds one: the exception must not reach
                // the client as an empty 500 or a stack trace.
                var completesPipeline = FixProperties.CompletesPipeline(diagnostic);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        completesPipeline ? "Let the exception reach the exception handler (added to the application)" : "Let the exception reach the exception handler",
                        async ct =>
                        {
                            var rethrown = await RethrowAsync(document, root, returnStatement, diagnostic, ct).ConfigureAwait(false);
                            return completesPipeline
                                ? await ErrorPipelineEditor.CompleteAsync(rethrown.Project.Solution, rethrown.Project.Id, ct).ConfigureAwait(false)
                                : rethrown.Project.Solution;
                        },
                        RethrowKey),
                    diagnostic);
            }

            Register(context, diagnostic, root, node, producer, rewriter, 503, "Return 503 Service Unavailable", Return503Key);
            Register(context, diagnostic, root, node, producer, rewriter, 502, "Return 502 Bad Gateway", Return502Key);
            Register(context, diagnostic, root, node, producer, rewriter, 504, "Return 504 Gateway Timeout", Return504Key);
        }
    }

    /// <summary>
    /// Rethrows, and where the endpoint documents its codes but not 500, documents the 500 the exception handler now
    /// answers for the same failure (as Problem Details): the client still gets a 500 there, and the document keeps
    /// saying so.
    /// </summary>
    private static async Task<Document> RethrowAsync(Document document, SyntaxNode root, ReturnStatementSyntax returnStatement, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var request = FixProperties.Read(diagnostic);
        if (request.IsUndocumented(500))
        {
            var mark = new SyntaxAnnotation(nameof(RethrowAsync));
            var documented = await DocumentationService.DocumentAsync(
                document.WithSyntaxRoot(root.ReplaceNode(returnStatement, returnStatement.WithAdditionalAnnotations(mark))),
                diagnostic,
                request.For(500),
                cancellationToken).ConfigureAwait(false);
            var documentedRoot = (await documented.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            if (documentedRoot.GetAnnotatedNodes(mark).OfType<ReturnStatementSyntax>().FirstOrDefault() is { } marked)
            {
                document = documented;
                root = documentedRoot;
                returnStatement = marked;
            }
        }

        return await FormattingGuard.ApplyAsync(document.WithSyntaxRoot(Rethrow(root, returnStatement)), cancellationToken).ConfigureAwait(false);
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node, IOperation producer, ProblemRewriter rewriter, int statusCode, string title, string key)
    {
        if (Replacement(node, producer, rewriter, statusCode, context.CancellationToken) is not { } replacement)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                ct => ReplaceAsync(document, root, node, replacement, diagnostic, statusCode, ct),
                key),
            diagnostic);
    }

    /// <summary>
    /// Replaces the 500 and, when the endpoint documents its codes and not this one, documents the new code the way
    /// FE0001's fix would, so one pass of <c>dotnet format</c> leaves no FE0001 behind.
    /// </summary>
    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode root, SyntaxNode node, SyntaxNode replacement, Diagnostic diagnostic, int statusCode, CancellationToken cancellationToken)
    {
        var original = document;
        var request = FixProperties.Read(diagnostic);
        if (request.IsUndocumented(statusCode))
        {
            var mark = new SyntaxAnnotation(nameof(ExplicitInternalServerErrorCodeFix));
            document = await DocumentationService.DocumentAsync(
                document.WithSyntaxRoot(root.ReplaceNode(node, node.WithAdditionalAnnotations(mark))),
                diagnostic,
                request.For(statusCode),
                cancellationToken).ConfigureAwait(false);
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            SyntaxNode? found = null;
            foreach (var marked in root.GetAnnotatedNodes(mark))
            {
                found = marked;
                break;
            }

            if (found is null)
            {
                return original; // never documented without the rewrite it belongs to
            }

            node = found;
        }

        var newRoot = WithoutUnreadCatchVariable(root.ReplaceNode(node, replacement.WithTriviaFrom(node).WithAdditionalAnnotations(Rewritten)));
        return await Imports.AddForAsync(document, newRoot, Rewritten, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What replaces the 500: the new status code where the code is set, else a whole <c>Problem(...)</c> call.</summary>
    private static SyntaxNode? Replacement(SyntaxNode node, IOperation producer, ProblemRewriter rewriter, int statusCode, CancellationToken cancellationToken)
    {
        if (producer is ISimpleAssignmentOperation && node is AssignmentExpressionSyntax assignment)
        {
            return assignment.WithRight(rewriter.StatusCode(statusCode).WithTriviaFrom(assignment.Right));
        }

        if (producer is IInvocationOperation { TargetMethod.Name: "Problem" } problem && node is InvocationExpressionSyntax call)
        {
            return WithStatusCode(call, problem, rewriter.StatusCode(statusCode));
        }

        if (rewriter.FactoryOf(producer) is not { } factory || !rewriter.CanReplace(producer, factory, validation: false))
        {
            return null;
        }

        // An exception's text stays in the logs, not in a client's detail. A body that is dropped (neither text nor
        // an exception) must not take side effects with it.
        var body = ResultBodies.Of(producer);
        var detail = rewriter.ReadsException(body) ? null : rewriter.DetailOf(body);
        if (detail is null && body is not null && ResultBodies.HasSideEffects(body))
        {
            return null;
        }

        return rewriter.Problem(factory, detail, statusCode);
    }

    private static InvocationExpressionSyntax WithStatusCode(InvocationExpressionSyntax call, IInvocationOperation problem, ExpressionSyntax statusCode)
    {
        foreach (var argument in problem.Arguments)
        {
            if (argument.Parameter?.Name == "statusCode" && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Syntax is ArgumentSyntax written)
            {
                return call.ReplaceNode(written, written.WithExpression(statusCode.WithTriviaFrom(written.Expression)));
            }
        }

        var named = SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("statusCode")), default, statusCode);
        return call.WithArgumentList(call.ArgumentList.AddArguments(named));
    }

    /// <summary>
    /// <c>return ...;</c> becomes <c>throw;</c>. Catches that end the <c>try</c> and do nothing but rethrow are removed
    /// (only at the end: an earlier one keeps a later, broader catch from catching its exceptions), and a <c>try</c>
    /// left with no catch and no finally gives way to its statements.
    /// </summary>
    private static SyntaxNode Rethrow(SyntaxNode root, ReturnStatementSyntax returnStatement)
    {
        var rethrow = SyntaxFactory.ThrowStatement().WithTriviaFrom(returnStatement).WithAdditionalAnnotations(Rewritten);
        if (returnStatement.Parent is BlockSyntax { Parent: CatchClauseSyntax catchClause } && catchClause.Parent is TryStatementSyntax tryStatement)
        {
            var catches = tryStatement.Catches;
            var kept = catches.Count;
            while (kept > 0 && (catches[kept - 1] == catchClause ? catchClause.Block.Statements.Count == 1 && catchClause.Filter is null : OnlyRethrows(catches[kept - 1])))
            {
                kept--;
            }

            if (kept <= catches.IndexOf(catchClause))
            {
                var remaining = SyntaxFactory.List(catches.Take(kept));
                if (remaining.Count > 0 || tryStatement.Finally is not null)
                {
                    return root.ReplaceNode(tryStatement, tryStatement.WithCatches(remaining).WithAdditionalAnnotations(Formatter.Annotation));
                }

                if (tryStatement.Parent is BlockSyntax && tryStatement.Block.Statements.Count > 0)
                {
                    // The statements take the place of the try, with its leading trivia (a blank line, a comment).
                    var statements = tryStatement.Block.Statements;
                    statements = statements.Replace(statements[0], statements[0].WithLeadingTrivia(tryStatement.GetLeadingTrivia()));
                    return root.ReplaceNode(tryStatement, statements.Select(statement => statement.WithAdditionalAnnotations(Formatter.Annotation)));
                }
            }
        }

        return WithoutUnreadCatchVariable(root.ReplaceNode(returnStatement, rethrow));
    }

    /// <summary><c>catch (…) { throw; }</c> with no filter.</summary>
    private static bool OnlyRethrows(CatchClauseSyntax catchClause) =>
        catchClause.Filter is null && catchClause.Block.Statements.Count == 1 && catchClause.Block.Statements[0] is ThrowStatementSyntax { Expression: null };

    /// <summary>
    /// Drops the exception variable of the catch around the rewritten node when nothing reads it any more
    /// (<c>catch (StoreException ex)</c> would warn CS0168 once <c>ex.Message</c> is gone); a read in the filter or in a
    /// nested function counts.
    /// </summary>
    private static SyntaxNode WithoutUnreadCatchVariable(SyntaxNode root)
    {
        foreach (var rewritten in root.GetAnnotatedNodes(Rewritten))
        {
            if (rewritten.FirstAncestorOrSelf<CatchClauseSyntax>() is { Declaration: { Identifier.ValueText.Length: > 0 } declaration } catchClause
                && !Reads(catchClause, declaration.Identifier.ValueText))
            {
                return root.ReplaceNode(declaration, declaration
                    .WithType(declaration.Type.WithoutTrailingTrivia())
                    .WithIdentifier(default)
                    .WithCloseParenToken(declaration.CloseParenToken.WithLeadingTrivia()));
            }

            break;
        }

        return root;
    }

    private static bool Reads(CatchClauseSyntax catchClause, string name)
    {
        foreach (var node in catchClause.DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: var text } && text == name)
            {
                return true;
            }
        }

        return false;
    }
}
