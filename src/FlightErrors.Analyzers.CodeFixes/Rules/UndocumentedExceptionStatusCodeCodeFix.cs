using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0005: documents the status code a thrown exception is mapped to, with the body type the mapping writes, through
/// the same documentation service as FE0001: <c>[ProducesResponseType]</c> on an action, <c>.Produces*(...)</c> on a
/// minimal-API endpoint's builder chain.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedExceptionStatusCodeCodeFix)), Shared]
public sealed class UndocumentedExceptionStatusCodeCodeFix : CodeFixProvider
{
    public const string DocumentKey = "FE0005.DocumentMappedStatusCode";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndocumentedExceptionStatusCode);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var request = FixProperties.Read(diagnostic);
            if (request.StatusCode is not { } code
                || (request.IsRouteHandler
                    ? DocumentationService.FindMapCall(root, diagnostic) is not { } mapCall || !EndpointChainEditor.CanAppend(mapCall, model, types, context.CancellationToken)
                    : DocumentationService.FindAction(root, diagnostic.Location.SourceSpan) is null))
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Document status code {code.StatusCode}",
                    ct => DocumentationService.DocumentAsync(document, diagnostic, request, ct),
                    DocumentKey),
                diagnostic);
        }
    }

    /// <summary>One pass per document: every code of one action (or endpoint) becomes one edit, as FE0001's Fix All.</summary>
    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        await DocumentationService.DocumentAllAsync(document, diagnostics, all: false, toUnions: false, context.CancellationToken).ConfigureAwait(false);
}
