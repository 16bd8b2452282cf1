using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
            if (IsRouteHandler(diagnostic))
            {
                await RegisterEndpointFixesAsync(context, root, diagnostic).ConfigureAwait(false);
                continue;
            }

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

    /// <summary>
    /// Documents <paramref name="statusCode"/> for the endpoint another rule's diagnostic is about, when that
    /// diagnostic carries FE0001's documentation properties (FE0002's 503/502/504 fixes): the same attribute or
    /// <c>.ProducesProblem(...)</c> call FE0001's fix would add.
    /// </summary>
    internal static async Task<Document> DocumentStatusCodeAsync(Document document, Diagnostic diagnostic, int statusCode, CancellationToken cancellationToken)
    {
        var code = statusCode.ToString(CultureInfo.InvariantCulture);
        var properties = diagnostic.Properties
            .SetItem(UndocumentedStatusCodeAnalyzer.StatusCodeProperty, code)
            .SetItem(UndocumentedStatusCodeAnalyzer.MissingProperty, code);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // The caller's document may be a new version of the diagnostic's: same spans, another tree.
        var additionalLocations = new List<Location>(diagnostic.AdditionalLocations.Count);
        foreach (var location in diagnostic.AdditionalLocations)
        {
            additionalLocations.Add(Location.Create(root.SyntaxTree, location.SourceSpan));
        }

        var request = Diagnostic.Create(Descriptors.FE0001, Location.Create(root.SyntaxTree, diagnostic.Location.SourceSpan), additionalLocations, properties);

        if (IsRouteHandler(request))
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is not null
                && KnownTypes.TryCreate(model.Compilation) is { } types
                && FindMapCall(root, request) is { } mapCall
                && EndpointChainEditor.CanAppend(mapCall, model, types, cancellationToken)
                ? await EndpointChainEditor.AppendAsync(document, new[] { EndpointPlan(mapCall, request, AppendOneKey) }, cancellationToken).ConfigureAwait(false)
                : document;
        }

        return FindAction(root, request.Location.SourceSpan) is { } method
            ? await ResponseAttributeEditor.DocumentAsync(document, new[] { Plan(method, request, DocumentOneKey) }, cancellationToken).ConfigureAwait(false)
            : document;
    }

    private static async Task RegisterEndpointFixesAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var document = context.Document;
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null
            || KnownTypes.TryCreate(model.Compilation) is not { } types
            || FindMapCall(root, diagnostic) is not { } mapCall
            || ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.StatusCodeProperty)) is not { } code)
        {
            return;
        }

        if (EndpointChainEditor.CanAppend(mapCall, model, types, context.CancellationToken))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Document status code {code.StatusCode}",
                    ct => EndpointChainEditor.AppendAsync(document, new[] { EndpointPlan(mapCall, diagnostic, AppendOneKey) }, ct),
                    AppendOneKey),
                diagnostic);

            if (ResponseEntry.ParseList(Property(diagnostic, UndocumentedStatusCodeAnalyzer.MissingProperty)).Count > 1)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Document all status codes of the endpoint",
                        ct => EndpointChainEditor.AppendAsync(document, new[] { EndpointPlan(mapCall, diagnostic, AppendAllKey) }, ct),
                        AppendAllKey),
                    diagnostic);
            }
        }

        var entry = EndpointPlan(mapCall, diagnostic, AddToUnionKey).Entries[0];
        if (EndpointChainEditor.UnionMember(entry, model, mapCall.SpanStart) is { } member
            && EndpointChainEditor.ResultsUnion(mapCall, model, 1, context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {member.ToMinimalDisplayString(model, mapCall.SpanStart)} to the handler's Results<...>",
                    ct => EndpointChainEditor.AddToUnionsAsync(document, new[] { EndpointPlan(mapCall, diagnostic, AddToUnionKey) }, ct),
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
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var key = context.CodeActionEquivalenceKey ?? DocumentOneKey;
        var all = key is DocumentAllKey or AppendAllKey;

        // Mark the Map* calls first, to find them again once the actions' attributes are in.
        var originalRoot = root;
        var marks = new Dictionary<InvocationExpressionSyntax, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            if (IsRouteHandler(diagnostic) && FindMapCall(root, diagnostic) is { } mapCall && !marks.ContainsKey(mapCall))
            {
                marks.Add(mapCall, new SyntaxAnnotation());
            }
        }

        if (marks.Count > 0)
        {
            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (key != AddToUnionKey)
        {
            var plans = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
            foreach (var diagnostic in diagnostics)
            {
                if (IsRouteHandler(diagnostic) || FindAction(root, diagnostic.Location.SourceSpan) is not { } method)
                {
                    continue;
                }

                var plan = Plan(method, diagnostic, all ? DocumentAllKey : DocumentOneKey);
                DocumentationPlan.Merge(plans, method, plan);
            }

            if (plans.Count > 0)
            {
                document = await ResponseAttributeEditor.DocumentAsync(document, plans.Values, cancellationToken).ConfigureAwait(false);
                root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }

        if (marks.Count == 0)
        {
            return document;
        }

        var endpointKey = key == AddToUnionKey ? AddToUnionKey : all ? AppendAllKey : AppendOneKey;
        var endpoints = new Dictionary<InvocationExpressionSyntax, EndpointDocumentation>();
        foreach (var diagnostic in diagnostics)
        {
            if (!IsRouteHandler(diagnostic)
                || FindMapCall(originalRoot, diagnostic) is not { } original
                || !marks.TryGetValue(original, out var mark)
                || root.GetAnnotatedNodes(mark).FirstOrDefault() is not InvocationExpressionSyntax mapCall)
            {
                continue;
            }

            var plan = EndpointPlan(mapCall, diagnostic, endpointKey);
            DocumentationPlan.Merge(endpoints, mapCall, plan);
        }

        if (endpoints.Count == 0)
        {
            return document;
        }

        return endpointKey == AddToUnionKey
            ? await EndpointChainEditor.AddToUnionsAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false)
            : await EndpointChainEditor.AppendAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false);
    }

    private static EndpointDocumentation EndpointPlan(InvocationExpressionSyntax mapCall, Diagnostic diagnostic, string key)
    {
        var implicitOk = key == AddToUnionKey ? null : ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.ImplicitOkProperty));
        var plan = new EndpointDocumentation(mapCall, implicitOk);
        var code = ResponseEntry.Parse(Property(diagnostic, UndocumentedStatusCodeAnalyzer.StatusCodeProperty));
        foreach (var entry in ResponseEntry.ParseList(Property(diagnostic, UndocumentedStatusCodeAnalyzer.MissingProperty)))
        {
            if (key == AppendAllKey || entry.StatusCode == code?.StatusCode)
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

    private static bool IsRouteHandler(Diagnostic diagnostic) =>
        Property(diagnostic, UndocumentedStatusCodeAnalyzer.RouteHandlerProperty) == "1";

    /// <summary>The <c>Map*</c> call of a route-handler diagnostic: its first additional location, in the same file.</summary>
    private static InvocationExpressionSyntax? FindMapCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location || tree != root.SyntaxTree)
        {
            return null;
        }

        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax;
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
