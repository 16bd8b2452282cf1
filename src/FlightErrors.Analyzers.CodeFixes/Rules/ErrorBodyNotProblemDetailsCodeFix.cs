using System;
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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0003: rewrites an error with a string, one-message or empty body into <c>Problem(...)</c>, and a model-state or
/// field-error dictionary body into <c>ValidationProblem(...)</c>, from the factory the code already uses (the
/// controller, <c>Results</c> or <c>TypedResults</c>). An error DTO created in place whose every member maps onto
/// Problem Details (<see cref="ErrorDtoMapping"/>) becomes <c>Problem(...)</c> with its message, title and extensions;
/// any other DTO has no faithful rewrite, so it gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorBodyNotProblemDetailsCodeFix)), Shared]
public sealed class ErrorBodyNotProblemDetailsCodeFix : CodeFixProvider
{
    public const string UseProblemKey = "FE0003.UseProblem";
    public const string UseValidationProblemKey = "FE0003.UseValidationProblem";
    public const string MapToProblemKey = "FE0003.MapToProblem";
    public const string CompletePipelineKey = "FE0003.CompletePipeline";

    private static readonly SyntaxAnnotation Rewritten = new(nameof(ErrorBodyNotProblemDetailsCodeFix));

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ErrorBodyNotProblemDetails);

    // Each occurrence gets the chosen kind of fix where it is offered, else its first one (see PreferredFixAll); a
    // bodyless error that the application's missing status code pages would fill gets none there, and the application
    // gets its pipeline completed once instead (see PipelineFixAll), whichever fix started Fix All.
    private static readonly FixAllProvider FixAll = new PipelineFixAll(
        PreferredFixAll.Create(static diagnostic => FixProperties.CompletesPipeline(diagnostic) ? string.Empty : null),
        FixProperties.CompletesPipeline);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        if (await ProblemRewriter.CreateAsync(document, context.CancellationToken).ConfigureAwait(false) is not var (root, model, rewriter))
        {
            return;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        foreach (var diagnostic in context.Diagnostics)
        {
            // One change to the application makes every bodyless error Problem Details: offered first, next to the
            // rewrite of this one.
            if (FixProperties.CompletesPipeline(diagnostic))
            {
                var project = document.Project;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make every bodyless error Problem Details (AddProblemDetails() and UseStatusCodePages() in the application)",
                        ct => ErrorPipelineEditor.CompleteAsync(project.Solution, project.Id, ct),
                        CompletePipelineKey),
                    diagnostic);
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var request = FixProperties.Read(diagnostic);
            // The rewrite writes the reported code; a status that can take other values (a local, a conditional) has
            // no faithful rewrite to one code.
            if (model.GetOperation(node, context.CancellationToken) is not { } producer
                || !WrittenStatus.IsFixed(producer)
                || rewriter.FactoryOf(producer) is not { } factory
                || request.StatusCode is not { StatusCode: var statusCode }
                || request.Body is not { } kind)
            {
                continue;
            }

            var body = ResultBodies.Of(producer);
            HandlerUnion? union = null;
            ExpressionSyntax? replacement = null;
            SyntaxNode target = node;
            ErrorDtoMapping? dto = null;
            string title;
            string key;
            if (kind == BodyKind.ModelState)
            {
                if (factory != ProblemFactory.Controller || body is null || !rewriter.CanReplace(producer, factory, validation: true))
                {
                    continue;
                }

                replacement = rewriter.ValidationProblem((ExpressionSyntax)body.Syntax, statusCode);
                title = "Use ValidationProblem";
                key = UseValidationProblemKey;
            }
            else if (kind == BodyKind.ValidationErrors)
            {
                if (body is null || !rewriter.CanReplace(producer, factory, validation: true)
                    || rewriter.ValidationProblemFromErrors(factory, (ExpressionSyntax)body.WalkDownConversions().Syntax, body.WalkDownConversions().Type, statusCode) is not { } validation)
                {
                    continue;
                }

                replacement = validation;
                title = "Use ValidationProblem";
                key = UseValidationProblemKey;
            }
            else if (kind is BodyKind.String or BodyKind.None || (kind == BodyKind.Anonymous && ResultBodies.IsFaithfulDetail(body)))
            {
                if (!FitsProblem(producer, factory, rewriter, model, context.CancellationToken, out union))
                {
                    continue;
                }

                replacement = rewriter.Problem(factory, rewriter.DetailOf(body), statusCode);
                title = "Use Problem Details";
                key = UseProblemKey;
            }
            else if (kind == BodyKind.Object && ErrorDtoMapping.Of(body, statusCode, generator) is { } mapping)
            {
                dto = mapping;
                if (factory == ProblemFactory.Controller && mapping.Extensions.Count > 0 && !rewriter.ControllerProblemTakesExtensions)
                {
                    // ASP.NET Core 8's controller Problem(...) takes no extensions, and an extension cannot be added to
                    // the object it makes within one expression (the producer may be a conditional's arm or an
                    // expression body). So the result keeps its helper and status and gets a ProblemDetails body, which
                    // MVC writes as application/problem+json. What Problem() would add through ProblemDetailsFactory
                    // (the `type` link for the code and `traceId`) is not added: calling the factory directly would
                    // need statements, and it is null in a controller created by a unit test, which Problem() guards.
                    target = body!.WalkDownConversions().Syntax;
                    replacement = rewriter.ProblemDetailsBody(mapping, statusCode);
                }
                else
                {
                    // Problem(...) (with extensions: from ASP.NET Core 9 in controllers, always in minimal APIs) lets
                    // the factory fill in `type` and `traceId` as for every other Problem Details response.
                    if (!FitsProblem(producer, factory, rewriter, model, context.CancellationToken, out union))
                    {
                        continue;
                    }

                    replacement = rewriter.Problem(factory, mapping, statusCode, node.SpanStart);
                }

                title = "Map '" + mapping.Type.Name + "' to Problem Details";
                key = MapToProblemKey;
            }
            else
            {
                continue;
            }

            // The declarations follow the body: the union (above), and a `.Produces(code)` of the endpoint's chain that
            // said the error had another body becomes `.ProducesProblem(code)`.
            var rewritten = replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Rewritten);
            var edits = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> { [target] = _ => rewritten };
            if (union is { Changes: true } edit)
            {
                edits[edit.Syntax] = current => edit.Rewrite((GenericNameSyntax)current);
            }

            // A declaration that names the DTO for this code keeps telling the truth while another path still sends it.
            // An action's attributes speak for the whole action; a route handler's chain for its lambda.
            var endpoint = factory == ProblemFactory.Controller
                ? node.FirstAncestorOrSelf<MethodDeclarationSyntax>()
                : node.FirstAncestorOrSelf<SyntaxNode>(static n => n is AnonymousFunctionExpressionSyntax or MethodDeclarationSyntax);
            var dtoDeclarationsFollow = dto is not null && endpoint is not null
                && !IsSentElsewhere(endpoint, node, dto.Type, statusCode, model, rewriter.Types, context.CancellationToken);
            if (dtoDeclarationsFollow && factory == ProblemFactory.Controller && endpoint is MethodDeclarationSyntax action
                && model.GetDeclaredSymbol(action, context.CancellationToken)?.ContainingType is { } controller)
            {
                var typedErrors = new ControllerActions(rewriter.Types).Kind(controller) != ControllerKind.ApiController;
                foreach (var attribute in ResponseAttributeEditor.AsProblemDetails(action, statusCode, dto!.Type, typedErrors, model, rewriter.Types, generator, context.CancellationToken))
                {
                    var attributeReplacement = attribute.Value.WithAdditionalAnnotations(Rewritten);
                    edits[attribute.Key] = _ => attributeReplacement;
                }
            }

            SyntaxAnnotation? undocumentedOn = null;
            if (key is UseProblemKey or MapToProblemKey && factory != ProblemFactory.Controller && EndpointChainEditor.MapCallAround(node) is { } mapCall)
            {
                var producesCalls = EndpointChainEditor.ProducesCallsFor(mapCall, statusCode, model, context.CancellationToken);
                if (union is { RemovesMember: true } && producesCalls.Count == 0)
                {
                    // The union member the error was documented the code; the chain says it now, as Problem Details.
                    undocumentedOn = new SyntaxAnnotation(nameof(HandlerUnion));
                    var mark = undocumentedOn;
                    edits[mapCall] = current => current.WithAdditionalAnnotations(mark);
                }

                foreach (var produces in producesCalls)
                {
                    if (dto is not null && !dtoDeclarationsFollow
                        && SymbolEqualityComparer.Default.Equals(EndpointChainEditor.DocumentedBodyType(produces, model, context.CancellationToken), dto.Type))
                    {
                        continue;
                    }

                    // Only the name and the arguments change: the call's receiver holds the handler, and the rewrite.
                    edits[produces.Expression] = current => ((MemberAccessExpressionSyntax)EndpointChainEditor.AsProducesProblem(produces).Expression)
                        .WithExpression(((MemberAccessExpressionSyntax)current).Expression);
                    edits[produces.ArgumentList] = _ => EndpointChainEditor.AsProducesProblem(produces).ArgumentList;
                }
            }

            var newRoot = root.ReplaceNodes(edits.Keys, (original, current) => edits[original](current));
            context.RegisterCodeFix(CodeAction.Create(title, ct => RewriteAsync(document, newRoot, undocumentedOn, statusCode, ct), key), diagnostic);
        }
    }

    /// <summary>
    /// The rewritten document, with <c>.ProducesProblem(code)</c> appended to the chain of the <c>Map*</c> call marked
    /// <paramref name="undocumentedOn"/>, where the union member that documented the code was removed.
    /// </summary>
    private static async Task<Document> RewriteAsync(Document document, SyntaxNode newRoot, SyntaxAnnotation? undocumentedOn, int statusCode, CancellationToken cancellationToken)
    {
        var rewritten = await Imports.AddForAsync(document, newRoot, Rewritten, cancellationToken).ConfigureAwait(false);
        if (undocumentedOn is null
            || await rewritten.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || root.GetAnnotatedNodes(undocumentedOn).FirstOrDefault() is not InvocationExpressionSyntax mapCall)
        {
            return rewritten;
        }

        var documentation = new EndpointDocumentation(mapCall, implicitOk: null);
        documentation.Add(new ResponseEntry(statusCode, typeId: null));
        return await EndpointChainEditor.AppendAsync(rewritten, new[] { documentation }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a <c>Problem(...)</c> call can stand where <paramref name="producer"/> stands; a typed result returned as
    /// a member of the handler's <c>Results&lt;…&gt;</c> union comes with the <paramref name="union"/> edit (it takes
    /// <c>ProblemHttpResult</c>, and gives up the member no path returns any more).
    /// </summary>
    private static bool FitsProblem(IOperation producer, ProblemFactory factory, ProblemRewriter rewriter, SemanticModel model, CancellationToken cancellationToken, out HandlerUnion? union)
    {
        union = factory == ProblemFactory.TypedResults ? HandlerUnion.Of(producer, model, rewriter.Types, cancellationToken) : null;
        if (union is not null && !SymbolEqualityComparer.Default.Equals(ProblemRewriter.TargetOf(producer), union.Type))
        {
            union = null;
        }

        return union is not null || rewriter.CanReplace(producer, factory, validation: false);
    }

    /// <summary>
    /// Whether a path of <paramref name="function"/> (the action, or the route handler lambda) other than
    /// <paramref name="node"/> still answers <paramref name="statusCode"/> with a <paramref name="dtoType"/> body, as the
    /// model infers it (helpers and lambdas held by locals included). Unknown counts as yes: the declaration stays.
    /// </summary>
    private static bool IsSentElsewhere(SyntaxNode function, SyntaxNode node, ITypeSymbol dtoType, int statusCode, SemanticModel model, KnownTypes types, CancellationToken cancellationToken)
    {
        if (model.GetOperation(function, cancellationToken) is not { } operation)
        {
            return true;
        }

        var symbol = operation switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol,
        };
        var body = operation is IAnonymousFunctionOperation { Body: var lambdaBody } ? lambdaBody : operation;
        if (symbol is null)
        {
            return true;
        }

        var responses = new ResponseInference(types, new BodyClassifier(types)).Infer(symbol, body, new SemanticModelSource(model), cancellationToken);
        foreach (var response in responses.Responses)
        {
            if (response.StatusCode == statusCode && response.Producer != node.Span && SymbolEqualityComparer.Default.Equals(response.BodyType, dtoType))
            {
                return true;
            }
        }

        return false;
    }
}
