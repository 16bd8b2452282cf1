using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0901: moves a suppression of API1000 or API1001 to FE0001, and removes one of API1002 or API1003. In a
/// <c>#pragma warning</c> the ID is replaced (or dropped when FE0001 is already listed) or removed, and a pragma left
/// with no ID goes; a <c>[SuppressMessage]</c> gets FE0001's category and check ID, or goes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetiredMvcAnalyzerSuppressionCodeFix)), Shared]
public sealed class RetiredMvcAnalyzerSuppressionCodeFix : CodeFixProvider
{
    public const string MigrateKey = "FE0901.Migrate";

    private const string Successor = DiagnosticIds.UndocumentedStatusCode;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RetiredMvcAnalyzerSuppression);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(static async (context, document, diagnostics) =>
        await MigrateAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Move the suppression to FlightErrors", ct => MigrateAsync(document, ImmutableArray.Create(diagnostic), ct), MigrateKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> MigrateAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var pragmas = new Dictionary<PragmaWarningDirectiveTriviaSyntax, HashSet<int>>();
        var attributes = new List<LiteralExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<PragmaWarningDirectiveTriviaSyntax>() is { } pragma)
            {
                var index = pragma.ErrorCodes.IndexOf(code => code.Span == diagnostic.Location.SourceSpan);
                if (index >= 0)
                {
                    (pragmas.TryGetValue(pragma, out var indexes) ? indexes : pragmas[pragma] = new HashSet<int>()).Add(index);
                }
            }
            else if (node is LiteralExpressionSyntax literal)
            {
                attributes.Add(literal);
            }
        }

        var trivia = new Dictionary<SyntaxTrivia, SyntaxTrivia>();
        foreach (var pair in pragmas)
        {
            var directive = pair.Key.ParentTrivia;
            if (Migrated(pair.Key, pair.Value) is { } migrated)
            {
                trivia[directive] = SyntaxFactory.Trivia(migrated);
                continue;
            }

            // A pragma left with no ID goes, with the indentation before it.
            trivia[directive] = SyntaxFactory.Whitespace(string.Empty);
            var list = directive.Token.LeadingTrivia;
            var at = list.IndexOf(directive);
            if (at > 0 && list[at - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                trivia[list[at - 1]] = SyntaxFactory.Whitespace(string.Empty);
            }
        }

        var removal = new SyntaxAnnotation(nameof(RetiredMvcAnalyzerSuppressionCodeFix));
        var nodes = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var literal in attributes)
        {
            if (literal.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList: { } arguments } attribute)
            {
                continue;
            }

            if (RetiredMvcRules.IdOf(literal.Token.ValueText) is { } id && RetiredMvcRules.LivesOn(id))
            {
                var category = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Categories.Documentation));
                var checkId = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Successor + ":" + Descriptors.FE0001.Title));
                var categoryArgument = arguments.Arguments[0].Expression;
                var checkIdArgument = arguments.Arguments[1].Expression;
                nodes[arguments] = arguments.ReplaceNodes(
                    new[] { categoryArgument, checkIdArgument },
                    (original, _) => (original == categoryArgument ? category : checkId).WithTriviaFrom(original));
            }
            else
            {
                // An attribute list left empty goes with its last attribute.
                SyntaxNode gone = attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } list ? list : attribute;
                nodes[gone] = gone.WithAdditionalAnnotations(removal);
            }
        }

        root = root.ReplaceSyntax(
            nodes.Keys,
            (original, _) => nodes[original],
            Enumerable.Empty<SyntaxToken>(),
            static (_, token) => token,
            trivia.Keys,
            (original, _) => trivia[original]);
        // An attribute list that goes hands its leading trivia (the blank line and indentation above it) to what
        // follows when it came first; an attribute that goes from a list takes its comma with it.
        while (root.GetAnnotatedNodes(removal).FirstOrDefault() is { } gone)
        {
            if (gone is AttributeListSyntax list && list.Parent is { } owner)
            {
                var isFirst = owner.GetFirstToken() == list.GetFirstToken();
                var remaining = owner.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
                root = root.ReplaceNode(owner, isFirst ? remaining.WithLeadingTrivia(list.GetLeadingTrivia()) : remaining);
            }
            else
            {
                root = root.RemoveNode(gone, SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        return document.WithSyntaxRoot(root);
    }

    /// <summary>The pragma without the retired IDs at <paramref name="indexes"/> (FE0001 in place of the first that lives on); null when no ID is left.</summary>
    private static PragmaWarningDirectiveTriviaSyntax? Migrated(PragmaWarningDirectiveTriviaSyntax pragma, HashSet<int> indexes)
    {
        var codes = new List<ExpressionSyntax>();
        var hasSuccessor = pragma.ErrorCodes.Any(static code => code is IdentifierNameSyntax { Identifier.ValueText: Successor });
        for (var i = 0; i < pragma.ErrorCodes.Count; i++)
        {
            var code = pragma.ErrorCodes[i];
            if (!indexes.Contains(i))
            {
                codes.Add(code);
            }
            else if (!hasSuccessor && code is IdentifierNameSyntax { Identifier.ValueText: var id } && RetiredMvcRules.LivesOn(id))
            {
                codes.Add(SyntaxFactory.IdentifierName(Successor).WithTriviaFrom(code));
                hasSuccessor = true;
            }
        }

        if (codes.Count == 0)
        {
            return null;
        }

        var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), codes.Count - 1);
        var first = codes[0].WithLeadingTrivia(pragma.ErrorCodes[0].GetLeadingTrivia());
        codes[0] = first;
        codes[codes.Count - 1] = codes[codes.Count - 1].WithTrailingTrivia(pragma.ErrorCodes[pragma.ErrorCodes.Count - 1].GetTrailingTrivia());
        return pragma.WithErrorCodes(SyntaxFactory.SeparatedList(codes, separators));
    }
}
