using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0901: a <c>#pragma warning</c> or <c>[SuppressMessage]</c> names a rule of the retired MVC API analyzers. API1000
/// and API1001 live on as FE0001, so their suppressions move there; API1002 and API1003 have no successor, so theirs
/// suppress nothing. Reported on the rule's ID, where the fix edits it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetiredMvcAnalyzerSuppressionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0901);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxTreeAction(static tree =>
        {
            var root = tree.Tree.GetRoot(tree.CancellationToken);
            if (!root.ContainsDirectives)
            {
                return;
            }

            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                if (directive is PragmaWarningDirectiveTriviaSyntax pragma)
                {
                    foreach (var code in pragma.ErrorCodes)
                    {
                        if (code is IdentifierNameSyntax { Identifier.ValueText: var id } && RetiredMvcRules.Successor(id) is { } successor)
                        {
                            tree.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0901, code.GetLocation(), "#pragma warning " + pragma.DisableOrRestoreKeyword.ValueText, id, successor));
                        }
                    }
                }
            }
        });
        context.RegisterSyntaxNodeAction(
            static node =>
            {
                var attribute = (AttributeSyntax)node.Node;
                if (SyntaxNames.RightmostName(attribute.Name) is "SuppressMessage" or "SuppressMessageAttribute"
                    && attribute.ArgumentList is { Arguments: { Count: >= 2 } arguments }
                    && arguments[1].Expression is LiteralExpressionSyntax { Token: var checkId } literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && RetiredMvcRules.IdOf(checkId.ValueText) is { } id
                    && RetiredMvcRules.Successor(id) is { } successor)
                {
                    node.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0901, literal.GetLocation(), "[SuppressMessage]", id, successor));
                }
            },
            SyntaxKind.Attribute);
    }
}
