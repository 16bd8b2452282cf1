using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Reads what an action documents, the way ApiExplorer's <c>ApiResponseTypeProvider</c> does: response metadata
/// attributes (and subclasses) on the action, its overridden methods, the controller and its bases; API conventions
/// when no attribute applies; self-describing result types (<c>Results&lt;...&gt;</c>, <c>Ok&lt;T&gt;</c>); plus
/// XML <c>&lt;response code&gt;</c> (where the generator reads it: Swashbuckle, NSwag) and globally documented codes
/// from options.
/// One instance per compilation.
/// </summary>
internal sealed partial class DeclarationReader
{
    private readonly KnownTypes _types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeAttributes> _typeAttributes = new(SymbolEqualityComparer.Default);
    private readonly ImmutableArray<INamedTypeSymbol> _assemblyConventions;

    public DeclarationReader(KnownTypes types)
    {
        _types = types;
        _assemblyConventions = ConventionTypes(types.Compilation.Assembly);
    }

    /// <summary>
    /// What <paramref name="action"/> documents as an action of <paramref name="controller"/> (its declaring type unless
    /// given): ApiExplorer describes an inherited action once per controller, with that controller's attributes.
    /// </summary>
    public DeclaredResponses Read(IMethodSymbol action, bool isApiController, ImmutableHashSet<int> globallyDocumented, bool xmlResponses, CancellationToken cancellationToken, INamedTypeSymbol? controller = null)
    {
        var controllerType = controller ?? action.ContainingType;
        var codes = new HashSet<int>(globallyDocumented);
        var state = new ReadState();

        bool? visible = null;
        for (var method = action; method is not null; method = method.OverriddenMethod)
        {
            var attributes = method.GetAttributes();
            ReadAttributes(attributes, codes, ref state);
            visible ??= ApiExplorerVisibility(attributes);
        }

        var replacement = ImplicitOkReplacement.None;
        var typeAttributes = TypeAttributesOf(controllerType);
        if (!state.HasMetadata && typeAttributes.HasMetadata)
        {
            replacement = ImplicitOkReplacement.ControllerAttributes;
        }

        codes.UnionWith(typeAttributes.Codes);
        state.HasMetadata |= typeAttributes.HasMetadata;
        state.HasDefault |= typeAttributes.HasDefault;
        state.Complete &= typeAttributes.Complete;

        // ApiExplorer leaves out an action whose [ApiExplorerSettings(IgnoreApi = true)], on the action or else on the
        // controller or a base, hides it; an action's own settings win over the controller's.
        state.Excluded = (visible ?? typeAttributes.Visible) == false;

        // Conventions apply to API controllers only, and only when no response attribute applies at any level.
        if (!state.HasMetadata && isApiController && Convention(action, controllerType) is { } convention)
        {
            ReadAttributes(convention.GetAttributes(), codes, ref state);
            replacement = state.HasMetadata ? ImplicitOkReplacement.Convention : replacement;
        }

        state.Complete &= ResultShapeBinds(action.ReturnType);
        var returnType = _types.UnwrapTask(action.ReturnType);
        if (returnType is not null)
        {
            ReadSelfDescribingResults(returnType, codes, ref state);
        }

        if (xmlResponses)
        {
            XmlResponses.Read(action, codes, cancellationToken);
        }

        return new DeclaredResponses(codes, state.HasMetadata, state.HasDefault, state.Complete, ImplicitOkType(returnType), state.Excluded, replacement);
    }

    /// <summary>
    /// Reads what a minimal-API endpoint documents, the way <c>EndpointMetadataApiDescriptionProvider</c> sees it:
    /// <c>.Produces*</c> and <c>.WithMetadata(...)</c> on the endpoint and its groups, response attributes on the
    /// handler, self-describing result types, XML <c>&lt;response&gt;</c> of a method handler (when
    /// <paramref name="xmlResponses"/>), and configured codes.
    /// </summary>
    public DeclaredResponses ReadRouteHandler(RouteHandler endpoint, ImmutableHashSet<int> globallyDocumented, bool xmlResponses, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        var codes = new HashSet<int>(globallyDocumented);
        // ApiExplorer describes only endpoints with HTTP-method metadata: Map and MapFallback have none.
        var state = new ReadState { Complete = endpoint.ConventionsComplete, Excluded = !endpoint.HasHttpMethods };
        var attributes = endpoint.Handler.GetAttributes();
        ReadAttributes(attributes, codes, ref state);
        foreach (var attribute in attributes)
        {
            // ApiExplorer reads [ExcludeFromDescription] on a handler, not MVC's [ApiExplorerSettings].
            state.Excluded |= attribute.AttributeClass?.Name == "ExcludeFromDescriptionAttribute";
        }

        foreach (var syntax in endpoint.Conventions)
        {
            if (semanticModels.For(syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken) is IInvocationOperation call)
            {
                ReadConvention(call, codes, ref state);
            }
            else
            {
                state.Complete = false;
            }
        }

        state.Complete &= ResultShapeBinds(endpoint.Handler.ReturnType);
        var returnType = _types.UnwrapTask(endpoint.Handler.ReturnType);
        if (returnType is not null)
        {
            ReadSelfDescribingResults(returnType, codes, ref state);
            if (!_types.IsResultType(returnType))
            {
                // The request delegate factory documents a handler's plain return type as its 200 itself.
                codes.Add(200);
                state.HasMetadata = true;
            }
        }

        if (xmlResponses)
        {
            XmlResponses.Read(endpoint.Handler, codes, cancellationToken);
        }

        return new DeclaredResponses(codes, state.HasMetadata, state.HasDefault, state.Complete, ImplicitOkType(returnType), state.Excluded);
    }

    /// <summary>
    /// Whether what decides the documented codes binds: the return type around the model, and each member of a
    /// <c>Results&lt;…&gt;</c> union. A model that does not bind yet (<c>ActionResult&lt;FlightDto&gt;</c> while
    /// <c>FlightDto</c> is being typed) changes no documented code, so the codes that are known still count.
    /// </summary>
    private bool ResultShapeBinds(ITypeSymbol returnType)
    {
        var type = _types.UnwrapTask(returnType) ?? returnType;
        if (type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        if (type is INamedTypeSymbol { Name: "Results" } union && union.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults"))
        {
            foreach (var member in union.TypeArguments)
            {
                if (member.TypeKind == TypeKind.Error)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void AddCode(int? code, HashSet<int> codes, ref ReadState state)
    {
        if (code is { } value)
        {
            codes.Add(value);
        }
        else
        {
            state.Complete = false;
        }
    }

    /// <summary>The model of the implicit 200; null when there is none, or it does not bind yet (a fix cannot name it).</summary>
    private ITypeSymbol? ImplicitOkType(ITypeSymbol? returnType)
    {
        if (returnType is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _types.ActionResultOfT))
        {
            return named.TypeArguments[0].ContainsErrorType() ? null : named.TypeArguments[0];
        }

        if (returnType is null || returnType.ContainsErrorType() || returnType.SpecialType == SpecialType.System_Object || _types.IsResultType(returnType))
        {
            return null;
        }

        return returnType;
    }

    private void ReadSelfDescribingResults(ITypeSymbol returnType, HashSet<int> codes, ref ReadState state)
    {
        if (_types.EndpointMetadataProvider is null || returnType is not INamedTypeSymbol named || !_types.Implements(named, _types.EndpointMetadataProvider))
        {
            return;
        }

        if (named.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults") && named.Name == "Results")
        {
            foreach (var member in named.TypeArguments)
            {
                ReadSelfDescribingResults(member, codes, ref state);
            }

            return;
        }

        if (ResultApis.TypedResultStatusCode(named) is { } code)
        {
            codes.Add(code);
            state.HasMetadata = true;
        }
    }

    private struct ReadState
    {
        public bool HasMetadata;
        public bool HasDefault;
        public bool Complete;
        public bool Excluded;

        public ReadState()
        {
            HasMetadata = false;
            HasDefault = false;
            Complete = true;
            Excluded = false;
        }
    }

    private sealed class TypeAttributes
    {
        public TypeAttributes(HashSet<int> codes, bool hasMetadata, bool hasDefault, bool complete, bool? visible)
        {
            Codes = codes;
            HasMetadata = hasMetadata;
            HasDefault = hasDefault;
            Complete = complete;
            Visible = visible;
        }

        /// <summary>What the nearest <c>[ApiExplorerSettings]</c> on the type or a base says; null when none does.</summary>
        public bool? Visible { get; }

        public HashSet<int> Codes { get; }

        public bool HasMetadata { get; }

        public bool HasDefault { get; }

        public bool Complete { get; }
    }
}
