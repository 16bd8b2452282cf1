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

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0001: documents the status code (or all of them) with <c>[ProducesResponseType]</c> on an action, or on a
/// minimal-API endpoint with <c>.ProducesProblem(...)</c> / <c>.Produces&lt;T&gt;(...)</c> appended to its builder chain,
/// or with a typed result added to the handler's <c>Results&lt;...&gt;</c> union.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedStatusCodeCodeFix)), Shared]
public sealed class UndocumentedStatusCodeCodeFix : CodeFixProvider
{
    public const string DocumentOneKey = "FE0001.AddProducesResponseType";
    public const string DocumentAllKey = "FE0001.AddAllProducesResponseTypes";
    public const string AppendOneKey = "FE0001.AppendProduces";
    public const string AppendAllKey = "FE0001.AppendAllProduces";
    public const string AddToUnionKey = "FE0001.AddToResultsUnion";

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
            var request = FixProperties.Read(diagnostic);
            if (request.IsRouteHandler)
            {
                await RegisterEndpointFixesAsync(context, root, diagnostic, request).ConfigureAwait(false);
                continue;
            }

            if (DocumentationService.FindAction(root, diagnostic.Location.SourceSpan) is not { } method || request.StatusCode is not { } code)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Document status code {code.StatusCode}",
                    ct => ResponseAttributeEditor.DocumentAsync(document, new[] { DocumentationService.ActionPlan(method, request, all: false) }, ct),
                    DocumentOneKey),
                diagnostic);

            if (request.Missing.Count > 1)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Document all status codes of '{method.Identifier.ValueText}'",
                        ct => ResponseAttributeEditor.DocumentAsync(document, new[] { DocumentationService.ActionPlan(method, request, all: true) }, ct),
                        DocumentAllKey),
                    diagnostic);
            }
        }
    }

    private static async Task RegisterEndpointFixesAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic, FixRequest request)
    {
        var document = context.Document;
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null
            || KnownTypes.TryCreate(model.Compilation) is not { } types
            || DocumentationService.FindMapCall(root, diagnostic) is not { } mapCall
            || request.StatusCode is not { } code)
        {
            return;
        }

        if (EndpointChainEditor.CanAppend(mapCall, model, types, context.CancellationToken))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Document status code {code.StatusCode}",
                    ct => EndpointChainEditor.AppendAsync(document, new[] { DocumentationService.EndpointPlan(mapCall, request, all: false) }, ct),
                    AppendOneKey),
                diagnostic);

            if (request.Missing.Count > 1)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Document all status codes of the endpoint",
                        ct => EndpointChainEditor.AppendAsync(document, new[] { DocumentationService.EndpointPlan(mapCall, request, all: true) }, ct),
                        AppendAllKey),
                    diagnostic);
            }
        }

        var entry = DocumentationService.EndpointPlan(mapCall, request, all: false, keepImplicitOk: false).Entries[0];
        if (EndpointChainEditor.UnionMember(entry, model, mapCall.SpanStart) is { } member
            && EndpointChainEditor.ResultsUnion(mapCall, model, 1, context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {member.ToMinimalDisplayString(model, mapCall.SpanStart)} to the handler's Results<...>",
                    ct => EndpointChainEditor.AddToUnionsAsync(document, new[] { DocumentationService.EndpointPlan(mapCall, request, all: false, keepImplicitOk: false) }, ct),
                    AddToUnionKey),
                diagnostic);
        }
    }

    /// <summary>
    /// One pass per document: all diagnostics of one action (or endpoint) become one edit. "Document" and "document
    /// all" fix actions and route handlers alike, whichever form the fix was started from (<c>dotnet format</c> uses the
    /// key of the first diagnostic it meets for every diagnostic of the rule).
    /// </summary>
    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var key = context.CodeActionEquivalenceKey ?? DocumentOneKey;
        return await DocumentationService.DocumentAllAsync(
            document,
            diagnostics,
            all: key is DocumentAllKey or AppendAllKey,
            toUnions: key == AddToUnionKey,
            context.CancellationToken).ConfigureAwait(false);
    }
}
