using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0008: passes <c>contentType: "application/problem+json"</c> to <c>WriteAsJsonAsync</c> (or <c>Results.Json</c>,
/// <c>TypedResults.Json</c>), as ASP.NET Core's own problem details writer does. An overload without a content type becomes its sibling with one, through
/// <c>options: null</c> (which that overload passes itself); the value, type, options, type info and cancellation
/// arguments stay as written, and a constant content type is replaced.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProblemDetailsWrittenAsJsonCodeFix)), Shared]
public sealed class ProblemDetailsWrittenAsJsonCodeFix : CodeFixProvider
{
    public const string UseProblemContentTypeKey = "FE0008.UseProblemContentType";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProblemDetailsWrittenAsJson);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation
                || WithProblemContentType(invocation, operation) is not { } arguments)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Write it as application/problem+json",
                    ct => ReplaceAsync(document, invocation.ArgumentList, arguments, ct),
                    UseProblemContentTypeKey),
                diagnostic);
        }
    }

    /// <summary>The argument list with the content type: replaced when given, else inserted after the arguments that come before it.</summary>
    private static ArgumentListSyntax? WithProblemContentType(InvocationExpressionSyntax invocation, IInvocationOperation operation)
    {
        var list = invocation.ArgumentList;
        var contentType = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(ProblemDetailsWrittenAsJsonAnalyzer.ProblemContentType));
        var insertAt = 0;
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax syntax)
            {
                continue;
            }

            switch (argument.Parameter?.Name)
            {
                case "contentType":
                    return list.ReplaceNode(syntax.Expression, contentType.WithTriviaFrom(syntax.Expression));
                case "response" or "value" or "data" or "type" or "options" or "jsonTypeInfo" or "context":
                    var index = list.Arguments.IndexOf(syntax);
                    if (index < 0)
                    {
                        return null;
                    }

                    insertAt = index + 1 > insertAt ? index + 1 : insertAt;
                    break;
            }
        }

        // The overloads without a content type become their sibling with one: (value, [type,] options, contentType, ct).
        // One that takes no options gets "options: null", which it passes on itself.
        var inserted = new List<ArgumentSyntax>();
        if (!HasParameter(operation.TargetMethod, "contentType") && !HasParameter(operation.TargetMethod, "options"))
        {
            inserted.Add(Named("options", SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
        }

        inserted.Add(Named("contentType", contentType));
        return list.WithArguments(list.Arguments.InsertRange(insertAt, inserted));
    }

    private static ArgumentSyntax Named(string name, ExpressionSyntax value) =>
        SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)), default, value);

    private static bool HasParameter(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> ReplaceAsync(Document document, ArgumentListSyntax original, ArgumentListSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : await FormattingGuard.ApplyAsync(document.WithSyntaxRoot(root.ReplaceNode(original, replacement)), cancellationToken).ConfigureAwait(false);
    }
}
