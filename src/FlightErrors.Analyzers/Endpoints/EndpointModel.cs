using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// Everything the rules share for one compilation: known types, endpoint discovery, the response model, the
/// declaration reader and the options. Created in a compilation-start action; holds no state across compilations.
/// </summary>
internal sealed class EndpointModel
{
    private EndpointModel(KnownTypes types, FlightErrorsOptions.Cache options)
    {
        Types = types;
        Options = options;
        Controllers = new ControllerActions(types);
        Responses = new ResponseInference(types);
        Declarations = new DeclarationReader(types);
        _suppressesClientErrorMapping = new Lazy<bool>(() => FindsClientErrorMappingSuppressed(types.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<bool> _suppressesClientErrorMapping;

    /// <summary>
    /// Whether the application sets <c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>, so that bodyless error
    /// results of API controllers are no longer turned into Problem Details. Found once per compilation, on first need.
    /// </summary>
    public bool SuppressesClientErrorMapping => _suppressesClientErrorMapping.Value;

    public KnownTypes Types { get; }

    public FlightErrorsOptions.Cache Options { get; }

    public ControllerActions Controllers { get; }

    public ResponseInference Responses { get; }

    public DeclarationReader Declarations { get; }

    /// <summary>The model, or null when the compilation does not reference ASP.NET Core MVC.</summary>
    public static EndpointModel? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        KnownTypes.TryCreate(compilation) is { } types ? new EndpointModel(types, new FlightErrorsOptions.Cache(options)) : null;

    /// <summary>
    /// Whether <paramref name="method"/> is a controller action in the scope configured for <paramref name="ruleId"/>.
    /// </summary>
    public bool IsActionInScope(IMethodSymbol method, FlightErrorsOptions options, string ruleId, out bool isApiController)
    {
        var kind = Controllers.ActionKind(method);
        isApiController = kind == ControllerKind.ApiController;
        return isApiController || (kind == ControllerKind.Controller && options.ControllerScope(ruleId) == ControllerScope.All);
    }

    /// <summary>
    /// Whether <paramref name="method"/> is any method of a controller in scope (an action or a helper): rules about how
    /// a response is produced report where it is produced.
    /// </summary>
    public bool IsControllerMemberInScope(IMethodSymbol method, FlightErrorsOptions options, string ruleId, out bool isApiController)
    {
        var kind = method.ContainingType is { } type ? Controllers.Kind(type) : ControllerKind.None;
        isApiController = kind == ControllerKind.ApiController;
        return isApiController || (kind == ControllerKind.Controller && options.ControllerScope(ruleId) == ControllerScope.All);
    }

    /// <summary>
    /// The responses of the method that owns an operation block, when it is an action in scope for
    /// <paramref name="ruleId"/> (<paramref name="actionsOnly"/>) or any method of a controller in scope.
    /// </summary>
    public bool TryInfer(OperationBlockAnalysisContext context, string ruleId, bool actionsOnly, out EndpointContext endpoint)
    {
        endpoint = default;
        if (context.OwningSymbol is not IMethodSymbol method || context.OperationBlocks.IsEmpty)
        {
            return false;
        }

        var firstBlock = context.OperationBlocks[0];
        var options = Options.For(firstBlock.Syntax.SyntaxTree);
        var inScope = actionsOnly
            ? IsActionInScope(method, options, ruleId, out var isApiController)
            : IsControllerMemberInScope(method, options, ruleId, out isApiController);
        if (!inScope || firstBlock.SemanticModel is not { } semanticModel)
        {
            return false;
        }

        var responses = Responses.Infer(method, context.OperationBlocks, new SemanticModelSource(semanticModel), context.CancellationToken);
        if (responses.Responses.IsEmpty)
        {
            return false;
        }

        endpoint = new EndpointContext(method, isApiController, options, responses, firstBlock.Syntax.Parent ?? firstBlock.Syntax);
        return true;
    }

    private static bool FindsClientErrorMappingSuppressed(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!tree.TryGetText(out var text))
            {
                text = tree.GetText();
            }

            if (text.ToString().IndexOf("SuppressMapClientErrors", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: var left, Right: var right }
                    && right.IsKind(SyntaxKind.TrueLiteralExpression)
                    && left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SuppressMapClientErrors" } or IdentifierNameSyntax { Identifier.ValueText: "SuppressMapClientErrors" })
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>An endpoint (or controller method) with its options and inferred responses.</summary>
internal readonly struct EndpointContext
{
    public EndpointContext(IMethodSymbol method, bool isApiController, FlightErrorsOptions options, EndpointResponses responses, SyntaxNode declaration)
    {
        Method = method;
        IsApiController = isApiController;
        Options = options;
        Responses = responses;
        Declaration = declaration;
    }

    /// <summary>The method's declaration (the parent of its body).</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>
    /// The responses created in this method's own body, once per producing expression: rules about how a response is
    /// produced report there, so a helper used by several actions is reported once, in the helper.
    /// </summary>
    public List<ProducedResponse> ProducedHere()
    {
        var produced = new List<ProducedResponse>();
        var seen = new HashSet<SyntaxNode>();
        foreach (var response in Responses.Responses)
        {
            if (response.IsProducedWithin(Declaration) && seen.Add(response.Producer.Syntax))
            {
                produced.Add(response);
            }
        }

        return produced;
    }

    public IMethodSymbol Method { get; }

    public bool IsApiController { get; }

    public FlightErrorsOptions Options { get; }

    public EndpointResponses Responses { get; }
}
