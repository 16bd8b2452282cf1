using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// How the application is configured, where that decides whether a bodyless error becomes Problem Details. Found by one
/// text scan per compilation (on first need); only files that mention a name are parsed further.
/// </summary>
internal sealed class ApplicationFacts
{
    private ApplicationFacts(bool suppressesClientErrorMapping, bool writesStatusCodePagesAsProblemDetails)
    {
        SuppressesClientErrorMapping = suppressesClientErrorMapping;
        WritesStatusCodePagesAsProblemDetails = writesStatusCodePagesAsProblemDetails;
    }

    /// <summary><c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>.</summary>
    public bool SuppressesClientErrorMapping { get; }

    /// <summary><c>services.AddProblemDetails()</c> and <c>app.UseStatusCodePages()</c> (its default handler).</summary>
    public bool WritesStatusCodePagesAsProblemDetails { get; }

    public static ApplicationFacts Find(Compilation compilation)
    {
        var suppresses = false;
        var addsProblemDetails = false;
        var usesStatusCodePages = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.TryGetText(out var text))
            {
                text = tree.GetText();
            }

            var content = text.ToString();
            var mentionsSuppress = content.IndexOf("SuppressMapClientErrors", StringComparison.Ordinal) >= 0;
            var mentionsProblemDetails = content.IndexOf("AddProblemDetails", StringComparison.Ordinal) >= 0;
            var mentionsStatusCodePages = content.IndexOf("UseStatusCodePages", StringComparison.Ordinal) >= 0;
            if (!mentionsSuppress && !mentionsProblemDetails && !mentionsStatusCodePages)
            {
                continue;
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when mentionsSuppress
                        && right.IsKind(SyntaxKind.TrueLiteralExpression)
                        && NameOf(left) == "SuppressMapClientErrors":
                        suppresses = true;
                        break;
                    case InvocationExpressionSyntax { Expression: var callee, ArgumentList: var arguments }:
                        switch (NameOf(callee))
                        {
                            case "AddProblemDetails":
                                addsProblemDetails = true;
                                break;
                            case "UseStatusCodePages" when arguments.Arguments.Count == 0:
                                usesStatusCodePages = true;
                                break;
                        }

                        break;
                }
            }
        }

        return new ApplicationFacts(suppresses, addsProblemDetails && usesStatusCodePages);
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
