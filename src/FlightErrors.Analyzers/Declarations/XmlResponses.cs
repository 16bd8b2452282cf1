using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightErrors.Analyzers;

/// <summary>
/// Reads <c>&lt;response code="404"&gt;</c> from an action's XML documentation comment, which Swashbuckle turns into
/// documented responses. Reads the comment's text, so it works whether or not the project generates a doc file.
/// </summary>
internal static class XmlResponses
{
    private const string Tag = "<response";
    private const string CodeAttribute = "code=";

    public static void Read(IMethodSymbol method, HashSet<int> codes, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            foreach (var trivia in syntax.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
                    || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
                    || (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", StringComparison.Ordinal)))
                {
                    Scan(trivia.ToFullString(), codes);
                }
            }
        }
    }

    internal static void Scan(string text, HashSet<int> codes)
    {
        var index = 0;
        while ((index = text.IndexOf(Tag, index, StringComparison.Ordinal)) >= 0)
        {
            index += Tag.Length;
            var end = text.IndexOf('>', index);
            if (end < 0)
            {
                return;
            }

            var code = text.IndexOf(CodeAttribute, index, end - index, StringComparison.Ordinal);
            if (code < 0)
            {
                continue;
            }

            var position = code + CodeAttribute.Length;
            if (position < end && (text[position] == '"' || text[position] == '\''))
            {
                position++;
            }

            var value = 0;
            var digits = 0;
            while (position < end && text[position] >= '0' && text[position] <= '9' && digits < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
                digits++;
            }

            if (digits == 3 && value >= 100 && value <= 599)
            {
                codes.Add(value);
            }
        }
    }
}
