using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

internal static class Imports
{
    /// <summary>
    /// Adds the imports that the fully qualified names inside the annotated nodes need (by span: the annotation-based
    /// <c>ImportAdder</c> overload adds nothing for names inside attribute arguments), then shortens every
    /// <c>global::</c>-qualified type name there that binds to the same type without its qualification. The simplifier
    /// alone leaves such names long inside target-typed conditionals, where it cannot bind speculatively. Every fix's
    /// document passes through here, and so through <see cref="FormattingGuard"/>.
    /// </summary>
    public static async Task<Document> AddForAsync(Document document, SyntaxNode root, SyntaxAnnotation annotation, CancellationToken cancellationToken)
    {
        var spans = new List<TextSpan>();
        foreach (var node in root.GetAnnotatedNodes(annotation))
        {
            spans.Add(node.Span);
        }

        var updated = document.WithSyntaxRoot(root);
        if (spans.Count > 0)
        {
            updated = await ImportAdder.AddImportsAsync(updated, spans, cancellationToken: cancellationToken).ConfigureAwait(false);
            updated = await ShortenAsync(updated, annotation, cancellationToken).ConfigureAwait(false);
        }

        return await FormattingGuard.ApplyAsync(updated, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> ShortenAsync(Document document, SyntaxAnnotation annotation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var annotated in root.GetAnnotatedNodes(annotation))
        {
            foreach (var node in annotated.DescendantNodesAndSelf())
            {
                if (node is not (QualifiedNameSyntax or MemberAccessExpressionSyntax) || !StartsWithGlobal(node)
                    || model.GetSymbolInfo(node, cancellationToken).Symbol is not INamedTypeSymbol type
                    || IsInside(node, replacements))
                {
                    continue;
                }

                if (type.SpecialType != SpecialType.None)
                {
                    // global::System.Int32 is int.
                    replacements[node] = SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)).WithTriviaFrom(node);
                    continue;
                }

                var shortName = SyntaxFactory.IdentifierName(type.Name);
                var bound = model.GetSpeculativeSymbolInfo(node.SpanStart, shortName, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
                if (SymbolEqualityComparer.Default.Equals(bound, type) && type.TypeArguments.IsEmpty)
                {
                    replacements[node] = shortName.WithTriviaFrom(node);
                }
            }
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static bool StartsWithGlobal(SyntaxNode node)
    {
        var current = node;
        while (true)
        {
            switch (current)
            {
                case QualifiedNameSyntax qualified:
                    current = qualified.Left;
                    break;
                case MemberAccessExpressionSyntax access:
                    current = access.Expression;
                    break;
                case AliasQualifiedNameSyntax alias:
                    return alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword);
                default:
                    return false;
            }
        }
    }

    private static bool IsInside(SyntaxNode node, Dictionary<SyntaxNode, SyntaxNode> replacements)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (replacements.ContainsKey(ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
