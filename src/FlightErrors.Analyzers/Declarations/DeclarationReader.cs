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
/// XML <c>&lt;response code&gt;</c> (read by Swashbuckle) and globally documented codes from options.
/// One instance per compilation.
/// </summary>
internal sealed class DeclarationReader
{
    private readonly KnownTypes _types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeAttributes> _typeAttributes = new(SymbolEqualityComparer.Default);
    private readonly ImmutableArray<INamedTypeSymbol> _assemblyConventions;

    public DeclarationReader(KnownTypes types)
    {
        _types = types;
        _assemblyConventions = ConventionTypes(types.Compilation.Assembly);
    }

    public DeclaredResponses Read(IMethodSymbol action, bool isApiController, ImmutableHashSet<int> globallyDocumented, CancellationToken cancellationToken)
    {
        var codes = new HashSet<int>(globallyDocumented);
        var state = new ReadState();

        for (var method = action; method is not null; method = method.OverriddenMethod)
        {
            ReadAttributes(method.GetAttributes(), codes, ref state);
        }

        var controller = TypeAttributesOf(action.ContainingType);
        codes.UnionWith(controller.Codes);
        state.HasMetadata |= controller.HasMetadata;
        state.HasDefault |= controller.HasDefault;
        state.Complete &= controller.Complete;

        // Conventions apply to API controllers only, and only when no response attribute applies at any level.
        if (!state.HasMetadata && isApiController && Convention(action) is { } convention)
        {
            ReadAttributes(convention.GetAttributes(), codes, ref state);
        }

        state.Complete &= !action.ReturnType.ContainsErrorType();
        var returnType = _types.UnwrapTask(action.ReturnType);
        if (returnType is not null)
        {
            ReadSelfDescribingResults(returnType, codes, ref state);
        }

        XmlResponses.Read(action, codes, cancellationToken);

        return new DeclaredResponses(codes, state.HasMetadata, state.HasDefault, state.Complete, ImplicitOkType(returnType));
    }

    /// <summary>
    /// Reads what a minimal-API endpoint documents, the way <c>EndpointMetadataApiDescriptionProvider</c> sees it:
    /// <c>.Produces*</c> and <c>.WithMetadata(...)</c> on the endpoint and its groups, response attributes on the
    /// handler, self-describing result types, XML <c>&lt;response&gt;</c> of a method handler, and configured codes.
    /// </summary>
    public DeclaredResponses ReadRouteHandler(RouteHandler endpoint, ImmutableHashSet<int> globallyDocumented, CancellationToken cancellationToken)
    {
        var codes = new HashSet<int>(globallyDocumented);
        var state = new ReadState { Complete = endpoint.ConventionsComplete };
        var attributes = endpoint.Handler.GetAttributes();
        ReadAttributes(attributes, codes, ref state);
        foreach (var attribute in attributes)
        {
            state.Excluded |= IsExcludedFromDescription(attribute);
        }

        foreach (var call in endpoint.Conventions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadConvention(call, codes, ref state);
        }

        state.Complete &= !endpoint.Handler.ReturnType.ContainsErrorType();
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

        XmlResponses.Read(endpoint.Handler, codes, cancellationToken);
        return new DeclaredResponses(codes, state.HasMetadata, state.HasDefault, state.Complete, ImplicitOkType(returnType), state.Excluded);
    }

    /// <summary>One call on an endpoint builder or a group: <c>.Produces*</c>, <c>.WithMetadata</c>, <c>.ExcludeFromDescription</c>, <c>.WithOpenApi(…)</c>.</summary>
    private void ReadConvention(IInvocationOperation call, HashSet<int> codes, ref ReadState state)
    {
        var method = call.TargetMethod;
        switch (method.Name)
        {
            case "Produces" or "ProducesProblem" or "ProducesValidationProblem"
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.OpenApiRouteHandlerBuilderExtensions):
                state.HasMetadata = true;
                AddCode(RouteHandlers.ArgumentValue(call, "statusCode")?.ConstantInt(), codes, ref state);
                return;
            case "ExcludeFromDescription":
                state.Excluded = true;
                return;
            case "WithMetadata":
                if (RouteHandlers.ArgumentValue(call, "items")?.WalkDownConversions() is IArrayCreationOperation { Initializer: { } items })
                {
                    foreach (var item in items.ElementValues)
                    {
                        ReadMetadataObject(item.WalkDownConversions(), codes, ref state);
                    }
                }
                else
                {
                    state.Complete = false;
                }

                return;
            case "Add" or "Finally" when _types.EndpointConventionBuilder is { } conventionBuilder && method.ContainingType.Implements(conventionBuilder):
                // A raw convention can add any metadata.
                state.Complete = false;
                return;
            case "WithOpenApi" or "AddOpenApiOperationTransformer":
                // An operation transformer can add responses the analyzer cannot read; WithOpenApi() alone adds none.
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { Ordinal: > 0 } && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        state.Complete = false;
                    }
                }

                return;
        }
    }

    /// <summary><c>.WithMetadata(new ProducesResponseTypeAttribute(404))</c> and the like.</summary>
    private void ReadMetadataObject(IOperation item, HashSet<int> codes, ref ReadState state)
    {
        var type = item.Type;
        if (type is null || type.SpecialType == SpecialType.System_Object)
        {
            state.Complete = false;
            return;
        }

        if (type.Name == "ExcludeFromDescriptionAttribute")
        {
            state.Excluded = true;
            return;
        }

        var isResponseMetadata = (_types.ProducesResponseTypeMetadata is { } metadata && _types.Implements(type, metadata))
            || (_types.ApiResponseMetadataProvider is { } provider && _types.Implements(type, provider));
        if (!isResponseMetadata)
        {
            return;
        }

        state.HasMetadata = true;
        if (item is not IObjectCreationOperation creation)
        {
            state.Complete = false;
            return;
        }

        var code = (creation.Argument("statusCode")?.Value ?? creation.InitializedValue("StatusCode"))?.ConstantInt();
        if (code is null && creation.Type.InheritsFromOrEquals(_types.ProducesAttribute))
        {
            code = 200;
        }

        AddCode(code, codes, ref state);
    }

    /// <summary><c>[ExcludeFromDescription]</c>, or <c>[ApiExplorerSettings(IgnoreApi = true)]</c>.</summary>
    private static bool IsExcludedFromDescription(AttributeData attribute)
    {
        switch (attribute.AttributeClass?.Name)
        {
            case "ExcludeFromDescriptionAttribute":
                return true;
            case "ApiExplorerSettingsAttribute":
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "IgnoreApi" && named.Value.Value is true)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
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

    /// <summary>The status code a response metadata attribute declares, or null when it is not one (or cannot be read).</summary>
    public int? StatusCodeOf(AttributeData attribute, out bool isResponseMetadata)
    {
        var state = new ReadState();
        var codes = new HashSet<int>();
        ReadAttribute(attribute, codes, ref state);
        isResponseMetadata = state.HasMetadata;
        foreach (var code in codes)
        {
            return code;
        }

        return null;
    }

    private ITypeSymbol? ImplicitOkType(ITypeSymbol? returnType)
    {
        if (returnType is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _types.ActionResultOfT))
        {
            return named.TypeArguments[0];
        }

        if (returnType is null || returnType.SpecialType == SpecialType.System_Object || _types.IsResultType(returnType))
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

        if (HttpResultTypes.DeclaredStatusCode(named) is { } code)
        {
            codes.Add(code);
            state.HasMetadata = true;
        }
    }

    private TypeAttributes TypeAttributesOf(INamedTypeSymbol type)
    {
        if (!_typeAttributes.TryGetValue(type, out var attributes))
        {
            var codes = new HashSet<int>();
            var state = new ReadState();
            for (var current = type; current is not null; current = current.BaseType)
            {
                ReadAttributes(current.GetAttributes(), codes, ref state);
            }

            attributes = _typeAttributes.GetOrAdd(type, new TypeAttributes(codes, state.HasMetadata, state.HasDefault, state.Complete));
        }

        return attributes;
    }

    private void ReadAttributes(ImmutableArray<AttributeData> attributes, HashSet<int> codes, ref ReadState state)
    {
        foreach (var attribute in attributes)
        {
            ReadAttribute(attribute, codes, ref state);
        }
    }

    private void ReadAttribute(AttributeData attribute, HashSet<int> codes, ref ReadState state)
    {
        if (attribute.AttributeClass is not { } attributeClass)
        {
            return;
        }

        if (attributeClass.InheritsFromOrEquals(_types.ProducesDefaultResponseTypeAttribute))
        {
            state.HasMetadata = true;
            state.HasDefault = true;
            return;
        }

        if (attributeClass.InheritsFromOrEquals(_types.ProducesAttribute))
        {
            // [Produces("application/json")] without a type only sets content types and documents nothing.
            if (HasTypeArgument(attribute))
            {
                state.HasMetadata = true;
                codes.Add(200);
            }

            return;
        }

        var isProducesResponseType = attributeClass.InheritsFromOrEquals(_types.ProducesResponseTypeAttribute)
            || attributeClass.InheritsFromOrEquals(_types.ProducesResponseTypeAttributeOfT);
        if (!isProducesResponseType
            && (_types.ApiResponseMetadataProvider is null || !_types.Implements(attributeClass, _types.ApiResponseMetadataProvider)))
        {
            return;
        }

        state.HasMetadata = true;
        if (ReadStatusCode(attribute) is { } code)
        {
            codes.Add(code);
        }
        else
        {
            state.Complete = false;
        }
    }

    /// <summary>
    /// The status code of <c>[ProducesResponseType]</c> or a subclass such as Swashbuckle's <c>[SwaggerResponse]</c>:
    /// a named <c>StatusCode</c> argument, else the constructor parameter called <c>statusCode</c>, else its only int.
    /// </summary>
    private static int? ReadStatusCode(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "StatusCode" && named.Value.Value is int fromProperty)
            {
                return fromProperty;
            }
        }

        if (attribute.AttributeConstructor is not { } constructor || constructor.Parameters.Length != attribute.ConstructorArguments.Length)
        {
            return null;
        }

        int? onlyInt = null;
        var intCount = 0;
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            if (attribute.ConstructorArguments[i].Value is not int value)
            {
                continue;
            }

            if (string.Equals(constructor.Parameters[i].Name, "statusCode", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }

            onlyInt = value;
            intCount++;
        }

        return intCount == 1 ? onlyInt : null;
    }

    private static bool HasTypeArgument(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Type && argument.Value is not null)
            {
                return true;
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Type" && named.Value.Value is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The convention method that applies to <paramref name="action"/>, if any.</summary>
    private IMethodSymbol? Convention(IMethodSymbol action)
    {
        for (var method = action; method is not null; method = method.OverriddenMethod)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.ApiConventionMethodAttribute)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol conventionType
                    && attribute.ConstructorArguments[1].Value is string methodName)
                {
                    foreach (var member in conventionType.GetMembers(methodName))
                    {
                        if (member is IMethodSymbol { IsStatic: true } conventionMethod)
                        {
                            return conventionMethod;
                        }
                    }

                    return null;
                }
            }
        }

        var conventionTypes = ImmutableArray<INamedTypeSymbol>.Empty;
        for (var type = action.ContainingType; type is not null && conventionTypes.IsEmpty; type = type.BaseType)
        {
            conventionTypes = ConventionTypes(type);
        }

        if (conventionTypes.IsEmpty)
        {
            conventionTypes = _assemblyConventions;
        }

        foreach (var conventionType in conventionTypes)
        {
            foreach (var member in conventionType.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } candidate
                    && ApiConventionMatcher.IsMatch(action, candidate, _types))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private ImmutableArray<INamedTypeSymbol> ConventionTypes(ISymbol symbol)
    {
        if (_types.ApiConventionTypeAttribute is null)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.ApiConventionTypeAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol conventionType)
            {
                builder.Add(conventionType);
            }
        }

        return builder.ToImmutable();
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
        public TypeAttributes(HashSet<int> codes, bool hasMetadata, bool hasDefault, bool complete)
        {
            Codes = codes;
            HasMetadata = hasMetadata;
            HasDefault = hasDefault;
            Complete = complete;
        }

        public HashSet<int> Codes { get; }

        public bool HasMetadata { get; }

        public bool HasDefault { get; }

        public bool Complete { get; }
    }
}
