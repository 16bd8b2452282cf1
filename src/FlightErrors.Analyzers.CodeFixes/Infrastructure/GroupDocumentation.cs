using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>Where a route group's status code is documented: the end of the chain that applies its cause, and how the fix names the group.</summary>
internal sealed class GroupTarget
{
    public GroupTarget(InvocationExpressionSyntax chainEnd, string name)
    {
        ChainEnd = chainEnd;
        Name = name;
    }

    /// <summary>The last call of the group's chain that still returns the group (<c>.RequireAuthorization()</c> or after it).</summary>
    public InvocationExpressionSyntax ChainEnd { get; }

    /// <summary>The local that holds the group, or its route prefix as written: <c>todos</c>, <c>/todos</c>.</summary>
    public string Name { get; }
}

/// <summary>
/// Whether a status code that a route group's convention makes the framework answer (<c>.RequireAuthorization()</c>,
/// <c>.RequireRateLimiting(…)</c>, <c>.AddEndpointFilter(…)</c>) can be documented once, with <c>.ProducesProblem(code)</c> on the group's chain.
/// <para>
/// ApiExplorer gives every endpoint of a group the group's response metadata, and describes an endpoint's implicit 200
/// only while it has no response metadata at all: on ASP.NET Core 10.0.12, with <c>.ProducesProblem(401)</c> on a
/// group (in the <c>MapGroup</c> chain, in a later statement, or on an outer group), an endpoint returning
/// <c>IResult</c>, <c>Task&lt;IResult&gt;</c>, <c>void</c> or <c>Task</c> was described with 401 alone, its 200 gone;
/// one returning <c>Todo</c>, <c>Task&lt;Todo&gt;</c>, <c>string</c>, <c>Ok&lt;Todo&gt;</c> or
/// <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>, or with its own <c>.Produces&lt;Todo&gt;(200)</c>, kept its 200; an
/// <c>.AllowAnonymous()</c> endpoint was described with 401 too (read from <c>IApiDescriptionGroupCollectionProvider</c>
/// in a throwaway app). So the group is documented only when every endpoint mapped on it, and on its nested groups,
/// is in sight in the document, declares its own responses (or is excluded from the description), and is not exempt
/// from the cause (<c>AllowAnonymous</c> for authorization, <c>DisableRateLimiting</c> for the limiter, nothing for an
/// endpoint filter); and only
/// where <c>ProducesProblem</c> applies to a group (its generic overload, from ASP.NET Core 9: in the 10.0.12 reference
/// assemblies, not in 8.0.28's). A group passed to a method, returned or stored elsewhere counts as out of sight, even
/// when the method is in source. Anything else, and the fix documents each endpoint.
/// </para>
/// </summary>
internal sealed class GroupDocumentation
{
    private readonly SyntaxNode _root;
    private readonly SemanticModel _model;
    private readonly KnownTypes _types;
    /// <summary>The call (or attribute, with <c>Attribute</c>) that exempts an endpoint from the cause; null when none does.</summary>
    private readonly string? _lifting;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);

    private GroupDocumentation(SyntaxNode root, SemanticModel model, KnownTypes types, string? lifting, CancellationToken cancellationToken)
    {
        _root = root;
        _model = model;
        _types = types;
        _lifting = lifting;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The group where <paramref name="diagnostic"/>'s code can be documented for every endpoint it applies to, and for
    /// no other: its cause is a group's (the second additional location), and documenting it there takes no implicit
    /// 200 and claims no code for an endpoint exempt from it. Null when it cannot.
    /// </summary>
    public static GroupTarget? Find(SyntaxNode root, SemanticModel model, KnownTypes types, Diagnostic diagnostic, FixRequest request, CancellationToken cancellationToken)
    {
        if (request.StatusCode is not { TypeId: null } code
            || !StatusCodeFacts.IsError(code.StatusCode)
            || request.Missing.Exists(e => e.StatusCode == code.StatusCode && e.TypeId is not null)
            || !ProducesProblemAppliesToGroups(types)
            || diagnostic.AdditionalLocations.Count < 2
            || diagnostic.AdditionalLocations[1] is not { SourceTree: { } tree } location
            || tree.FilePath != root.SyntaxTree.FilePath
            || !root.FullSpan.Contains(location.SourceSpan)
            || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax cause } causeCall
            || !IsGroup(model.GetTypeInfo(causeCall, cancellationToken).Type, types))
        {
            return null;
        }

        string? lifting;
        switch (cause.Name.Identifier.ValueText)
        {
            case "RequireAuthorization":
                lifting = "AllowAnonymous";
                break;
            case "RequireRateLimiting":
                lifting = "DisableRateLimiting";
                break;
            case "AddEndpointFilter" or "AddEndpointFilterFactory":
                // A group's endpoint filter runs for every endpoint of the group: nothing exempts one.
                lifting = null;
                break;
            default:
                return null;
        }

        var walk = new GroupDocumentation(root, model, types, lifting, cancellationToken);
        string? name = null;
        if (walk.Origin(cause.Expression, ref name) is not { } mapGroup || !walk.EveryEndpointDocumentsItself(mapGroup))
        {
            return null;
        }

        var end = ChainEnd(causeCall, model, types, cancellationToken);
        if (end.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            name = declarator.Identifier.ValueText;
        }

        if (name is null && mapGroup.ArgumentList.Arguments.Count > 0)
        {
            var prefix = mapGroup.ArgumentList.Arguments[0].Expression;
            name = model.GetConstantValue(prefix, cancellationToken) is { HasValue: true, Value: string text } ? text : prefix.ToString();
        }

        return new GroupTarget(end, name ?? "MapGroup");
    }

    /// <summary>Whether <c>ProducesProblem</c> takes any endpoint convention builder (ASP.NET Core 9 and later), a group included.</summary>
    private static bool ProducesProblemAppliesToGroups(KnownTypes types)
    {
        if (types.OpenApiRouteHandlerBuilderExtensions is not { } extensions)
        {
            return false;
        }

        foreach (var member in extensions.GetMembers("ProducesProblem"))
        {
            if (member is IMethodSymbol { Arity: 1 })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGroup(ITypeSymbol? type, KnownTypes types) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, types.RouteGroupBuilder);

    /// <summary>The last call after <paramref name="call"/> that still configures the same group: not a <c>Map*</c> on it.</summary>
    private static InvocationExpressionSyntax ChainEnd(InvocationExpressionSyntax call, SemanticModel model, KnownTypes types, CancellationToken cancellationToken)
    {
        var current = call;
        while (current.Parent is MemberAccessExpressionSyntax access
            && access.Expression == current
            && access.Parent is InvocationExpressionSyntax next
            && next.Expression == access
            && !access.Name.Identifier.ValueText.StartsWith("Map", StringComparison.Ordinal)
            && IsGroup(model.GetTypeInfo(next, cancellationToken).Type, types))
        {
            current = next;
        }

        return current;
    }

    /// <summary>
    /// The <c>MapGroup</c> call that made the group <paramref name="receiver"/> holds: down its chain of framework
    /// conventions and through a local assigned once in this document; null for a group from elsewhere (a parameter,
    /// a field, a helper of the application's).
    /// </summary>
    private InvocationExpressionSyntax? Origin(ExpressionSyntax receiver, ref string? name)
    {
        var value = receiver;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            value = Unparenthesized(value);
            switch (value)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                    when _model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: true } method
                        && IsGroup(method.ReturnType, _types):
                    if (method.Name == "MapGroup")
                    {
                        return call;
                    }

                    value = access.Expression;
                    continue;
                case IdentifierNameSyntax identifier
                    when _model.GetSymbolInfo(identifier, _cancellationToken).Symbol is ILocalSymbol local
                        && local.DeclaringSyntaxReferences.Length == 1
                        && local.DeclaringSyntaxReferences[0].SyntaxTree == _root.SyntaxTree
                        && local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        && !IsReassigned(local):
                    name ??= local.Name;
                    value = initializer;
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Whether every endpoint the group of <paramref name="mapGroup"/> maps, itself or through its nested groups,
    /// declares its own responses and is not exempt from the cause; false when one is out of sight.
    /// </summary>
    private bool EveryEndpointDocumentsItself(InvocationExpressionSyntax mapGroup) => GroupUses(mapGroup);

    /// <summary>Follows a group value through the calls chained on it and the local it is stored in.</summary>
    private bool GroupUses(ExpressionSyntax value)
    {
        ExpressionSyntax current = value;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parent = ParentPastParentheses(ref current);

            switch (parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == current && access.Parent is InvocationExpressionSyntax call && call.Expression == access:
                    if (_model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol method || !method.DeclaringSyntaxReferences.IsEmpty)
                    {
                        // A helper of the application's may map endpoints or lift the cause out of sight.
                        return false;
                    }

                    if (method.Name == "MapGroup")
                    {
                        return IsGroup(method.ReturnType, _types) && GroupUses(call);
                    }

                    if (SymbolEqualityComparer.Default.Equals(method.ReturnType, _types.RouteHandlerBuilder))
                    {
                        return Endpoint(call);
                    }

                    if (method.Name.StartsWith("Map", StringComparison.Ordinal) || Lifts(method.Name, call) || !IsGroup(method.ReturnType, _types))
                    {
                        return false;
                    }

                    current = call;
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return _model.GetDeclaredSymbol(declarator, _cancellationToken) is ILocalSymbol local && ReferencesFollowed(local, GroupUses);
                case ExpressionStatementSyntax:
                    return true;
                default:
                    // Passed to a method, returned, stored elsewhere: the endpoints mapped on it are out of sight.
                    return false;
            }
        }
    }

    /// <summary>
    /// Whether the endpoint <paramref name="mapCall"/> maps declares its own responses (or is left out of the
    /// description) and is not exempt from the cause.
    /// </summary>
    private bool Endpoint(InvocationExpressionSyntax mapCall)
    {
        if (_model.GetOperation(mapCall, _cancellationToken) is not IInvocationOperation invocation
            || invocation.Argument("handler", includeDefaultValue: true)?.Value is not { } handlerValue)
        {
            return false;
        }

        var handler = RouteHandlers.HandlerTarget(handlerValue) switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };
        if (handler is null)
        {
            return false;
        }

        var documents = false;
        foreach (var attribute in handler.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name ?? "";
            if (_lifting is not null && name == _lifting + "Attribute")
            {
                return false;
            }

            documents |= name.StartsWith("ProducesResponseType", StringComparison.Ordinal);
        }

        documents |= ReturnTypeDocuments(handler.ReturnType);
        var chain = new EndpointChain();
        return EndpointUses(mapCall, ref chain) && !chain.Lifted && (documents || chain.Documents || chain.Excluded);
    }

    /// <summary>
    /// Whether the request delegate factory or the result type itself documents the handler's responses: a plain type
    /// (<c>Todo</c>, <c>Task&lt;Todo&gt;</c>, <c>string</c>) as its 200, a typed result or a <c>Results&lt;…&gt;</c>
    /// union by describing itself. <c>IResult</c>, <c>void</c> and <c>Task</c> document nothing.
    /// </summary>
    private bool ReturnTypeDocuments(ITypeSymbol returnType)
    {
        if (_types.UnwrapTask(returnType) is not INamedTypeSymbol type || type.ContainsErrorType())
        {
            return false;
        }

        if (!_types.IsResultType(type))
        {
            return true;
        }

        return _types.EndpointMetadataProvider is { } provider
            && _types.Implements(type, provider)
            && ((type.Name == "Results" && type.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults")) || ResultApis.TypedResultStatusCode(type) is not null);
    }

    /// <summary>The parent of <paramref name="current"/> past any parentheses around it, which become the new current.</summary>
    private static SyntaxNode? ParentPastParentheses(ref ExpressionSyntax current)
    {
        var parent = current.Parent;
        while (parent is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized;
            parent = parenthesized.Parent;
        }

        return parent;
    }

    /// <summary>Reads the calls on an endpoint's builder, through the local it is stored in.</summary>
    private bool EndpointUses(ExpressionSyntax value, ref EndpointChain chain)
    {
        ExpressionSyntax current = value;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parent = ParentPastParentheses(ref current);

            switch (parent)
            {
                case MemberAccessExpressionSyntax access when access.Expression == current && access.Parent is InvocationExpressionSyntax call && call.Expression == access:
                    var name = access.Name.Identifier.ValueText;
                    chain.Lifted |= Lifts(name, call);
                    chain.Documents |= name is "Produces" or "ProducesProblem" or "ProducesValidationProblem";
                    chain.Excluded |= name == "ExcludeFromDescription";
                    if (_model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: true } method
                        || !SymbolEqualityComparer.Default.Equals(method.ReturnType, _types.RouteHandlerBuilder))
                    {
                        // A helper of the application's, or a call that leaves the builder: what it adds is out of sight.
                        return false;
                    }

                    current = call;
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    if (_model.GetDeclaredSymbol(declarator, _cancellationToken) is not ILocalSymbol local)
                    {
                        return false;
                    }

                    var found = chain;
                    var followed = ReferencesFollowed(local, reference => EndpointUses(reference, ref found));
                    chain = found;
                    return followed;
                case ExpressionStatementSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether a call exempts what it configures from the cause: <c>.AllowAnonymous()</c>, or metadata that names it.</summary>
    private bool Lifts(string name, InvocationExpressionSyntax call) =>
        _lifting is not null && (name == _lifting || (name == "WithMetadata" && call.ArgumentList.ToString().Contains(_lifting)));

    /// <summary>Follows every read of <paramref name="local"/> in the document; false when it is assigned again.</summary>
    private bool ReferencesFollowed(ILocalSymbol local, Func<ExpressionSyntax, bool> follow)
    {
        if (IsReassigned(local))
        {
            return false;
        }

        if (!_seen.Add(local))
        {
            return true;
        }

        foreach (var node in _root.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol, local)
                && !follow(identifier))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the local is assigned after its declaration (another group, whose endpoints are not this one's).</summary>
    private bool IsReassigned(ILocalSymbol local)
    {
        foreach (var node in _root.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target }
                && target.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(target, _cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>What the calls on one endpoint's builder say.</summary>
    private struct EndpointChain
    {
        public bool Documents;
        public bool Excluded;
        public bool Lifted;
    }
}
