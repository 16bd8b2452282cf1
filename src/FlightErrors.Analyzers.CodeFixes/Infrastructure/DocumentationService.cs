using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>
/// Documents status codes on the endpoint a diagnostic is about: <c>[ProducesResponseType]</c> on an action,
/// <c>.Produces*(...)</c> on a minimal-API endpoint's builder chain. Every fix that documents a code goes through it.
/// </summary>
internal static class DocumentationService
{
    /// <summary>
    /// Documents <paramref name="request"/>'s status code on the endpoint of <paramref name="diagnostic"/>, found by
    /// its spans in <paramref name="document"/> (which may be a later version of the diagnostic's document, with the
    /// same spans).
    /// </summary>
    public static async Task<Document> DocumentAsync(Document document, Diagnostic diagnostic, FixRequest request, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (request.IsRouteHandler)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model is not null
                && KnownTypes.TryCreate(model.Compilation) is { } types
                && FindMapCall(root, diagnostic) is { } mapCall
                && EndpointChainEditor.CanAppend(mapCall, model, types, cancellationToken)
                ? await EndpointChainEditor.AppendAsync(document, new[] { EndpointPlan(mapCall, request, all: false) }, cancellationToken).ConfigureAwait(false)
                : document;
        }

        return FindAction(root, diagnostic.Location.SourceSpan) is { } method
            ? await ResponseAttributeEditor.DocumentAsync(document, new[] { ActionPlan(method, request, all: false) }, cancellationToken).ConfigureAwait(false)
            : document;
    }

    /// <summary>The codes to add to an action: the request's code, or with <paramref name="all"/> every missing one.</summary>
    public static ActionDocumentation ActionPlan(MethodDeclarationSyntax method, FixRequest request, bool all)
    {
        var plan = new ActionDocumentation(method, request.TypedErrors, request.ImplicitOk);
        AddEntries(plan, request, all);
        return plan;
    }

    /// <summary>The codes to add to a minimal-API endpoint; without <paramref name="keepImplicitOk"/> for a <c>Results&lt;…&gt;</c> union, which lists its 200 itself.</summary>
    public static EndpointDocumentation EndpointPlan(InvocationExpressionSyntax mapCall, FixRequest request, bool all, bool keepImplicitOk = true)
    {
        var plan = new EndpointDocumentation(mapCall, keepImplicitOk ? request.ImplicitOk : null);
        AddEntries(plan, request, all);
        return plan;
    }

    /// <summary>The action a diagnostic is in.</summary>
    public static MethodDeclarationSyntax? FindAction(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();

    /// <summary>The <c>Map*</c> call of a route-handler diagnostic: its first additional location, in the same file.</summary>
    public static InvocationExpressionSyntax? FindMapCall(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location
            || tree.FilePath != root.SyntaxTree.FilePath
            || !root.FullSpan.Contains(location.SourceSpan))
        {
            return null;
        }

        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax;
    }

    private static void AddEntries(DocumentationPlan plan, FixRequest request, bool all)
    {
        var code = request.StatusCode;
        foreach (var entry in request.Missing)
        {
            if (all || entry.StatusCode == code?.StatusCode)
            {
                plan.Add(entry);
            }
        }

        if (plan.Entries.Count == 0 && code is { } only)
        {
            plan.Add(only);
        }
    }

    /// <summary>
    /// Fix All for the rules that document codes (FE0001, FE0005): one pass per document, every code of one action or
    /// endpoint one edit. The actions' attributes go in first; the <c>Map*</c> calls, marked beforehand (marks change no
    /// span), are found again for their chains, or their handlers' <c>Results&lt;…&gt;</c> unions with
    /// <paramref name="toUnions"/>.
    /// </summary>
    public static async Task<Document> DocumentAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool all, bool toUnions, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark the Map* calls first, to find them again once the actions' attributes are in.
        var originalRoot = root;
        var marks = new Dictionary<InvocationExpressionSyntax, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            if (FixProperties.Read(diagnostic).IsRouteHandler && FindMapCall(root, diagnostic) is { } mapCall && !marks.ContainsKey(mapCall))
            {
                marks.Add(mapCall, new SyntaxAnnotation());
            }
        }

        if (marks.Count > 0)
        {
            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (!toUnions)
        {
            var plans = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
            foreach (var diagnostic in diagnostics)
            {
                var request = FixProperties.Read(diagnostic);
                if (request.IsRouteHandler || FindAction(root, diagnostic.Location.SourceSpan) is not { } method)
                {
                    continue;
                }

                var plan = ActionPlan(method, request, all);
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

        var endpoints = new Dictionary<InvocationExpressionSyntax, EndpointDocumentation>();
        foreach (var diagnostic in diagnostics)
        {
            var request = FixProperties.Read(diagnostic);
            if (!request.IsRouteHandler
                || FindMapCall(originalRoot, diagnostic) is not { } original
                || !marks.TryGetValue(original, out var mark)
                || root.GetAnnotatedNodes(mark).FirstOrDefault() is not InvocationExpressionSyntax mapCall)
            {
                continue;
            }

            var plan = EndpointPlan(mapCall, request, all, keepImplicitOk: !toUnions);
            DocumentationPlan.Merge(endpoints, mapCall, plan);
        }

        if (endpoints.Count == 0)
        {
            return document;
        }

        return toUnions
            ? await EndpointChainEditor.AddToUnionsAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false)
            : await EndpointChainEditor.AppendAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false);
    }
}
