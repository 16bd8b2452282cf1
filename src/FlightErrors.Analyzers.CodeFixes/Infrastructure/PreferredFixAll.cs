using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FlightErrors.Analyzers;

/// <summary>
/// Fix All for fixers that offer a different set of fixes per diagnostic (FE0002 rethrows only inside a catch;
/// FE0003 offers ValidationProblem only for field errors): each diagnostic gets the fix with the chosen equivalence
/// key when it has one, and otherwise the first fix it offers. The batch fixer would skip the others, and
/// <c>dotnet format analyzers</c>, which runs Fix All with the key of the first diagnostic it meets, would leave
/// them for a second run. A fix whose key is among the overriding keys wins wherever it is offered.
/// </summary>
internal static class PreferredFixAll
{
    public static FixAllProvider Create(params string[] overridingKeys) =>
        FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(context, document, diagnostics, overridingKeys, keyOf: null));

    /// <summary>
    /// Fix All where the diagnostic itself can name the fix to apply whatever fix started it (<paramref name="keyOf"/>
    /// returns its equivalence key; an empty key applies none, null leaves the choice to the usual rules). A named fix
    /// that is not offered applies nothing: the diagnostic said no other fix is safe.
    /// </summary>
    public static FixAllProvider Create(Func<Diagnostic, string?> keyOf) =>
        FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(context, document, diagnostics, Array.Empty<string>(), keyOf));

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics, string[] overridingKeys, Func<Diagnostic, string?>? keyOf)
    {
        var cancellationToken = context.CancellationToken;
        if (diagnostics.IsEmpty || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        // Mark each diagnostic's node (and the nodes of its additional locations, such as a Map* call) first: every fix
        // changes the document, and the marks find the rest again.
        var marks = new List<(SyntaxAnnotation[] Marks, Diagnostic Diagnostic)>(diagnostics.Length);
        var marksByNode = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            var locationMarks = new SyntaxAnnotation[1 + diagnostic.AdditionalLocations.Count];
            for (var i = 0; i < locationMarks.Length; i++)
            {
                var location = i == 0 ? diagnostic.Location : diagnostic.AdditionalLocations[i - 1];
                if (location.SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                locationMarks[i] = new SyntaxAnnotation(nameof(PreferredFixAll));
                if (!marksByNode.TryGetValue(node, out var nodeMarks))
                {
                    marksByNode[node] = nodeMarks = new List<SyntaxAnnotation>(1);
                }

                nodeMarks.Add(locationMarks[i]);
            }

            marks.Add((locationMarks, diagnostic));
        }

        root = root.ReplaceNodes(marksByNode.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marksByNode[original]));
        var current = document.WithSyntaxRoot(root);
        var changed = false;
        foreach (var (locationMarks, diagnostic) in marks)
        {
            root = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || Single(root.GetAnnotatedNodes(locationMarks[0])) is not { } node)
            {
                continue; // an earlier fix removed it, e.g. a rethrow that replaced the whole return
            }

            var additionalLocations = new List<Location>(diagnostic.AdditionalLocations.Count);
            for (var i = 1; i < locationMarks.Length; i++)
            {
                additionalLocations.Add(locationMarks[i] is { } mark && Single(root.GetAnnotatedNodes(mark)) is { } additional
                    ? Location.Create(root.SyntaxTree, additional.Span)
                    : diagnostic.AdditionalLocations[i - 1]);
            }

            var moved = Diagnostic.Create(
                diagnostic.Descriptor,
                Location.Create(root.SyntaxTree, node.Span),
                additionalLocations,
                diagnostic.Properties);
            var named = keyOf?.Invoke(diagnostic);
            if (named is { Length: 0 })
            {
                continue;
            }

            var actions = new List<CodeAction>(4);
            var fixContext = new CodeFixContext(current, moved, (action, _) => actions.Add(action), cancellationToken);
            await context.CodeFixProvider.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
            if ((named is null ? Choose(actions, context.CodeActionEquivalenceKey, overridingKeys) : Named(actions, named)) is not { } action)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply && apply.ChangedSolution.GetDocument(current.Id) is { } fixedDocument)
                {
                    current = fixedDocument;
                    changed = true;
                }
            }
        }

        return changed ? current : null;
    }

    private static CodeAction? Choose(List<CodeAction> actions, string? equivalenceKey, string[] overridingKeys)
    {
        foreach (var action in actions)
        {
            if (System.Array.IndexOf(overridingKeys, action.EquivalenceKey) >= 0)
            {
                return action;
            }
        }

        foreach (var action in actions)
        {
            if (action.EquivalenceKey == equivalenceKey)
            {
                return action;
            }
        }

        return actions.Count > 0 ? actions[0] : null;
    }

    private static CodeAction? Named(List<CodeAction> actions, string equivalenceKey)
    {
        foreach (var action in actions)
        {
            if (action.EquivalenceKey == equivalenceKey)
            {
                return action;
            }
        }

        return null;
    }

    private static SyntaxNode? Single(IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            return node;
        }

        return null;
    }
}
