using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>FE0001: documents the status code (or all of them) with <c>[ProducesResponseType]</c> on the action.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedStatusCodeCodeFix)), Shared]
public sealed class UndocumentedStatusCodeCodeFix : CodeFixProvider
{
    public const string DocumentOneKey = "FE0001.AddProducesResponseType";
    public const string DocumentAllKey = "FE0001.AddAllProducesResponseTypes";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndocumentedStatusCode);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindAction(root, diagnostic.Location.SourceSpan) is not { } method
                || ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.StatusCodeProperty)) is not { } code)
            {
                continue;
            }

            var missing = ResponseEntry.ParseList(Property(diagnostic, UndocumentedStatusCodeAnalyzer.MissingProperty));
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Document status code {code.StatusCode}",
                    ct => ResponseAttributeEditor.DocumentAsync(document, new[] { Plan(method, diagnostic, DocumentOneKey) }, ct),
                    DocumentOneKey),
                diagnostic);

            if (missing.Count > 1)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Document all status codes of '{method.Identifier.ValueText}'",
                        ct => ResponseAttributeEditor.DocumentAsync(document, new[] { Plan(method, diagnostic, DocumentAllKey) }, ct),
                        DocumentAllKey),
                    diagnostic);
            }
        }
    }

    /// <summary>One pass per document: all diagnostics of one action become one edit of its attribute lists.</summary>
    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var key = context.CodeActionEquivalenceKey ?? DocumentOneKey;
        var plans = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
        foreach (var diagnostic in diagnostics)
        {
            if (FindAction(root, diagnostic.Location.SourceSpan) is not { } method)
            {
                continue;
            }

            var plan = Plan(method, diagnostic, key);
            if (plans.TryGetValue(method, out var existing))
            {
                foreach (var entry in plan.Entries)
                {
                    existing.Add(entry);
                }
            }
            else
            {
                plans.Add(method, plan);
            }
        }

        return plans.Count == 0 ? document : await ResponseAttributeEditor.DocumentAsync(document, plans.Values, context.CancellationToken).ConfigureAwait(false);
    }

    private static ActionDocumentation Plan(MethodDeclarationSyntax method, Diagnostic diagnostic, string key)
    {
        var plan = new ActionDocumentation(
            method,
            Property(diagnostic, UndocumentedStatusCodeAnalyzer.TypedErrorsProperty) == "1",
            ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.ImplicitOkProperty)));
        var missing = ResponseEntry.ParseList(Property(diagnostic, UndocumentedStatusCodeAnalyzer.MissingProperty));
        var code = ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.StatusCodeProperty));
        foreach (var entry in missing)
        {
            if (key == DocumentAllKey || entry.StatusCode == code?.StatusCode)
            {
                plan.Add(entry);
            }
        }

        if (plan.Entries.Count == 0 && code is { } only)
        {
            plan.Add(only);
        }

        return plan;
    }

    private static MethodDeclarationSyntax? FindAction(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();

    private static string? Property(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) ? value : null;
}
