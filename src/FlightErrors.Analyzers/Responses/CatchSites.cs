using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>What a <c>catch</c> that answers with a 500 caught, as far as it decides the fix to apply unread.</summary>
internal enum CaughtFailure : byte
{
    /// <summary>The 500 is not returned straight from a <c>catch</c> block.</summary>
    None,

    /// <summary>An upstream call failed (<c>HttpRequestException</c>): 502 Bad Gateway says so.</summary>
    Upstream,

    /// <summary>An upstream call timed out (<c>TimeoutException</c>, <c>TaskCanceledException</c>): 504 Gateway Timeout.</summary>
    Timeout,

    /// <summary>Anything else: an unexpected failure, which belongs to the exception handler.</summary>
    Unexpected,
}

/// <summary>Where a result is returned from a <c>catch</c> block, and what that block caught.</summary>
internal static class CatchSites
{
    /// <summary>The <c>return</c> statement that returns <paramref name="node"/> straight from a catch block, if any.</summary>
    public static ReturnStatementSyntax? ReturnInCatch(SyntaxNode node, out CatchClauseSyntax? catchClause)
    {
        catchClause = null;
        var expression = node;
        while (expression.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            expression = expression.Parent;
        }

        if (expression.Parent is not ReturnStatementSyntax returnStatement)
        {
            return null;
        }

        for (var current = returnStatement.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case CatchClauseSyntax clause:
                    catchClause = clause;
                    return returnStatement;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or FinallyClauseSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>What the catch block that returns <paramref name="node"/> caught.</summary>
    public static CaughtFailure Caught(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (ReturnInCatch(node, out var catchClause) is null)
        {
            return CaughtFailure.None;
        }

        if (catchClause!.Declaration?.Type is not { } caughtType
            || model.GetTypeInfo(caughtType, cancellationToken).Type is not INamedTypeSymbol type)
        {
            return CaughtFailure.Unexpected;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            switch (current.Name)
            {
                case "HttpRequestException" when current.IsInNamespace("System", "Net", "Http"):
                    return CaughtFailure.Upstream;
                case "TimeoutException" when current.IsInNamespace("System"):
                case "TaskCanceledException" when current.IsInNamespace("System", "Threading", "Tasks"):
                    return CaughtFailure.Timeout;
            }
        }

        return CaughtFailure.Unexpected;
    }
}
