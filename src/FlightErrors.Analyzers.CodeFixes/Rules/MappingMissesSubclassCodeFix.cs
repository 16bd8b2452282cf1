using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0007: turns the exact-type test <c>exception.GetType() == typeof(T)</c> into <c>exception is T</c>, so that T's
/// subclasses get T's code. Offered only where no other test of the mapper names a subclass of T (the diagnostic's
/// <see cref="FixProperties.WidenKey"/>); a dictionary keyed by <c>typeof(T)</c> has no such one-line fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MappingMissesSubclassCodeFix)), Shared]
public sealed class MappingMissesSubclassCodeFix : CodeFixProvider
{
    public const string MatchSubclassesKey = "FE0007.MatchSubclasses";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MappingMissesSubclass);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixProperties.CanWiden(diagnostic)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BinaryExpressionSyntax comparison
                || Widened(comparison) is not { } widened)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Match subclasses too ('is {widened.Right}')",
                    ct => ReplaceAsync(document, comparison, widened, ct),
                    MatchSubclassesKey),
                diagnostic);
        }
    }

    /// <summary><c>x.GetType() == typeof(T)</c> or <c>typeof(T) == x.GetType()</c> as <c>x is T</c>; null for any other shape.</summary>
    private static BinaryExpressionSyntax? Widened(BinaryExpressionSyntax comparison)
    {
        if (!comparison.IsKind(SyntaxKind.EqualsExpression))
        {
            return null;
        }

        var (getType, typeOf) = comparison.Right is TypeOfExpressionSyntax right
            ? (comparison.Left, right)
            : (comparison.Right, comparison.Left as TypeOfExpressionSyntax);
        if (typeOf is null
            || getType is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetType" } access }
            || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
        {
            return null;
        }

        return SyntaxFactory.BinaryExpression(SyntaxKind.IsExpression, access.Expression.WithoutTrivia(), typeOf.Type.WithoutTrivia())
            .WithTriviaFrom(comparison);
    }

    private static async Task<Document> ReplaceAsync(Document document, BinaryExpressionSyntax comparison, BinaryExpressionSyntax widened, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(comparison, widened));
    }
}
