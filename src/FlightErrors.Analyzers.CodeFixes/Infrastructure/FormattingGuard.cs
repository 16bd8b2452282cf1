using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;

namespace FlightErrors.Analyzers;

/// <summary>
/// A code action's cleanup formats what a fix marked (<see cref="Formatter.Annotation"/> and elastic trivia). On some
/// half-typed code Roslyn's formatter throws there (an unclosed switch expression above an action makes it fail
/// "Unexpected false" in its indentation rules), and the user sees the fix crash. The guard formats the marked spans
/// once in advance; when that throws, it removes the marks so the cleanup leaves the new code as written, unformatted.
/// When it succeeds, the document is returned unchanged and the cleanup formats as usual.
/// </summary>
internal static class FormattingGuard
{
    public static async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
    {
        try
        {
            var formatted = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            await Formatter.FormatAsync(formatted, SyntaxAnnotation.ElasticAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document;
        }
        catch (InvalidOperationException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await WithoutFormattingMarksAsync(document, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Document> WithoutFormattingMarksAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var nodes = new List<SyntaxNode>(root.GetAnnotatedNodes(Formatter.Annotation));
        var trivia = new List<SyntaxTrivia>(root.GetAnnotatedTrivia(SyntaxAnnotation.ElasticAnnotation));
        root = root.ReplaceSyntax(
            nodes,
            static (_, rewritten) => rewritten.WithoutAnnotations(Formatter.Annotation),
            Array.Empty<SyntaxToken>(),
            static (_, rewritten) => rewritten,
            trivia,
            static (_, rewritten) => rewritten.WithoutAnnotations(SyntaxAnnotation.ElasticAnnotation));
        return document.WithSyntaxRoot(root);
    }
}
