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

    /// <summary>One pass per document: every code of one action (or endpoint) becomes one edit.</summary>
    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark the Map* calls first, to find them again once the actions' attributes are in (marks change no span).
        var originalRoot = root;
        var marks = new Dictionary<InvocationExpressionSyntax, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            if (FixProperties.Read(diagnostic).IsRouteHandler && DocumentationService.FindMapCall(root, diagnostic) is { } mapCall && !marks.ContainsKey(mapCall))
            {
                marks.Add(mapCall, new SyntaxAnnotation());
            }
        }

        if (marks.Count > 0)
        {
            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var plans = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
        foreach (var diagnostic in diagnostics)
        {
            var request = FixProperties.Read(diagnostic);
            if (!request.IsRouteHandler && DocumentationService.FindAction(root, diagnostic.Location.SourceSpan) is { } method)
            {
                DocumentationPlan.Merge(plans, method, DocumentationService.ActionPlan(method, request, all: false));
            }
        }

        if (plans.Count > 0)
        {
            document = await ResponseAttributeEditor.DocumentAsync(document, plans.Values, cancellationToken).ConfigureAwait(false);
        }

        if (marks.Count == 0)
        {
            return document;
        }

        root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var endpoints = new Dictionary<InvocationExpressionSyntax, EndpointDocumentation>();
        foreach (var diagnostic in diagnostics)
        {
            var request = FixProperties.Read(diagnostic);
            if (request.IsRouteHandler
                && DocumentationService.FindMapCall(originalRoot, diagnostic) is { } original
                && marks.TryGetValue(original, out var mark)
                && FirstAnnotated(root, mark) is { } mapCall)
            {
                DocumentationPlan.Merge(endpoints, mapCall, DocumentationService.EndpointPlan(mapCall, request, all: false));
            }
        }

        return endpoints.Count == 0 ? document : await EndpointChainEditor.AppendAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax? FirstAnnotated(SyntaxNode root, SyntaxAnnotation mark)
    {
        foreach (var node in root.GetAnnotatedNodes(mark))
        {
            return node as InvocationExpressionSyntax;
        }

        return null;
    }
}
