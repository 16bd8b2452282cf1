using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0006: documents the code the framework answers where its cause lives, when that changes no other endpoint's
/// description: a class-level <c>[ProducesResponseType]</c> for the controller's cause, <c>.ProducesProblem(code)</c>
/// on the group's chain for a route group's (<see cref="GroupDocumentation"/>: every endpoint of the group, nested
/// groups included, in sight and declaring its own responses, none exempt, ASP.NET Core 9 or later); else on the
/// action or on the endpoint's builder chain, since a class-level attribute or a group's <c>.ProducesProblem</c> would
/// take the implicit 200 from an endpoint that relies on it (measured with ApiExplorer on ASP.NET Core 10) and document
/// the code on anonymous ones too. Fix All documents each controller's and each group's cause once, in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UndocumentedFrameworkStatusCodeCodeFix)), Shared]
public sealed class UndocumentedFrameworkStatusCodeCodeFix : CodeFixProvider
{
    public const string DocumentKey = "FE0006.DocumentFrameworkStatusCode";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndocumentedFrameworkStatusCode);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(static async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            if (FixProperties.Read(diagnostic).StatusCode is not { } code || Target(root, model, types, diagnostic, context.CancellationToken) is not { } target)
            {
                continue;
            }

            var document = context.Document;
            var where = target.Node switch
            {
                ClassDeclarationSyntax type => " on " + type.Identifier.ValueText,
                _ when target.Group is { } group => " on group '" + group.Name + "'",
                _ => string.Empty,
            };
            context.RegisterCodeFix(
                CodeAction.Create($"Document status code {code.StatusCode}{where}", ct => FixAsync(document, ImmutableArray.Create(diagnostic), ct), DocumentKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Where the diagnostic's code is documented: the controller class, the group's chain, the action, or the
    /// endpoint's <c>Map*</c> call; null when none can be edited.
    /// </summary>
    private static (SyntaxNode Node, GroupTarget? Group)? Target(SyntaxNode root, SemanticModel model, KnownTypes types, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var request = FixProperties.Read(diagnostic);
        var level = FixProperties.DocumentAt(diagnostic);
        if (request.IsRouteHandler)
        {
            if (level == AnswerLevel.Group && GroupDocumentation.Find(root, model, types, diagnostic, request, cancellationToken) is { } group)
            {
                return (group.ChainEnd, group);
            }

            return DocumentationService.FindMapCall(root, diagnostic) is { } mapCall && EndpointChainEditor.CanAppend(mapCall, model, types, cancellationToken)
                ? (mapCall, null)
                : null;
        }

        if (DocumentationService.FindAction(root, diagnostic.Location.SourceSpan) is not { } method)
        {
            return null;
        }

        return level == AnswerLevel.Controller && method.Parent is ClassDeclarationSyntax controller && EveryActionDocumentsItself(controller)
            ? (controller, null)
            : (method, null);
    }

    /// <summary>
    /// Whether every public method of the controller declares response metadata of its own and none is anonymous: a
    /// class-level attribute would otherwise replace the implicit 200 of one, or document 401 on one that never answers it.
    /// </summary>
    private static bool EveryActionDocumentsItself(ClassDeclarationSyntax controller)
    {
        if (controller.Modifiers.Any(SyntaxKind.AbstractKeyword))
        {
            return false;
        }

        foreach (var member in controller.Members)
        {
            if (member is not MethodDeclarationSyntax method
                || !method.Modifiers.Any(SyntaxKind.PublicKeyword)
                || method.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                continue;
            }

            var documents = false;
            foreach (var list in method.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = SyntaxNames.RightmostName(attribute.Name) ?? "";
                    if (name is "AllowAnonymous" or "AllowAnonymousAttribute")
                    {
                        return false;
                    }

                    documents |= name.StartsWith("ProducesResponseType", System.StringComparison.Ordinal) || name is "NonAction" or "NonActionAttribute";
                }
            }

            if (!documents)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Documents every diagnostic's code, each target once: controllers, then groups, then actions, then endpoints, each
    /// found again by an annotation after the edits before it.
    /// </summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return document;
        }

        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        var work = new List<(SyntaxAnnotation Mark, FixRequest Request, AnswerLevel Level)>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, model, types, diagnostic, cancellationToken) is not { } target)
            {
                continue;
            }

            if (!marks.TryGetValue(target.Node, out var mark))
            {
                mark = new SyntaxAnnotation();
                marks.Add(target.Node, mark);
            }

            var level = target.Node switch
            {
                ClassDeclarationSyntax => AnswerLevel.Controller,
                _ when target.Group is not null => AnswerLevel.Group,
                _ => AnswerLevel.Endpoint,
            };
            work.Add((mark, FixProperties.Read(diagnostic), level));
        }

        if (work.Count == 0)
        {
            return document;
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));

        // Controllers.
        root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var controllers = new Dictionary<ClassDeclarationSyntax, (List<int> Codes, bool TypedErrors)>();
        foreach (var (mark, request, level) in work)
        {
            if (level == AnswerLevel.Controller && root.GetAnnotatedNodes(mark).FirstOrDefault() is ClassDeclarationSyntax controller)
            {
                if (!controllers.TryGetValue(controller, out var entry))
                {
                    entry = (new List<int>(), request.TypedErrors);
                    controllers.Add(controller, entry);
                }

                if (!entry.Codes.Contains(request.StatusCode!.Value.StatusCode))
                {
                    entry.Codes.Add(request.StatusCode!.Value.StatusCode);
                }
            }
        }

        if (controllers.Count > 0)
        {
            document = await ResponseAttributeEditor.DocumentControllersAsync(document, controllers, cancellationToken).ConfigureAwait(false);
        }

        // Groups.
        root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var groups = new Dictionary<InvocationExpressionSyntax, List<ResponseEntry>>();
        foreach (var (mark, request, level) in work)
        {
            if (level == AnswerLevel.Group && root.GetAnnotatedNodes(mark).FirstOrDefault() is InvocationExpressionSyntax chainEnd)
            {
                if (!groups.TryGetValue(chainEnd, out var entries))
                {
                    entries = new List<ResponseEntry>();
                    groups.Add(chainEnd, entries);
                }

                var code = request.StatusCode!.Value.StatusCode;
                if (!entries.Exists(e => e.StatusCode == code))
                {
                    entries.Add(new ResponseEntry(code, typeId: null));
                }
            }
        }

        if (groups.Count > 0)
        {
            document = await EndpointChainEditor.AppendToGroupsAsync(document, groups, cancellationToken).ConfigureAwait(false);
        }

        // Actions.
        root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var actions = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
        foreach (var (mark, request, _) in work)
        {
            if (root.GetAnnotatedNodes(mark).FirstOrDefault() is MethodDeclarationSyntax method)
            {
                DocumentationPlan.Merge(actions, method, DocumentationService.ActionPlan(method, request, all: false));
            }
        }

        if (actions.Count > 0)
        {
            document = await ResponseAttributeEditor.DocumentAsync(document, actions.Values, cancellationToken).ConfigureAwait(false);
        }

        // Endpoints.
        root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var endpoints = new Dictionary<InvocationExpressionSyntax, EndpointDocumentation>();
        foreach (var (mark, request, level) in work)
        {
            if (level == AnswerLevel.Endpoint && request.IsRouteHandler && root.GetAnnotatedNodes(mark).FirstOrDefault() is InvocationExpressionSyntax mapCall)
            {
                DocumentationPlan.Merge(endpoints, mapCall, DocumentationService.EndpointPlan(mapCall, request, all: false));
            }
        }

        return endpoints.Count > 0
            ? await EndpointChainEditor.AppendAsync(document, endpoints.Values, cancellationToken).ConfigureAwait(false)
            : document;
    }
}
