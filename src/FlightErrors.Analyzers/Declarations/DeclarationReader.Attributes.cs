using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

// Response metadata attributes ([ProducesResponseType] and its subclasses, [Produces], [ProducesDefaultResponseType]) and
// what leaves an endpoint out of the description.
internal sealed partial class DeclarationReader
{
    /// <summary>
    /// What an <c>[ApiExplorerSettings]</c> among <paramref name="attributes"/> says of visibility in the API
    /// description (<c>IgnoreApi = true</c> hides); null when there is none.
    /// </summary>
    private static bool? ApiExplorerVisibility(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { Name: "ApiExplorerSettingsAttribute" } type && type.IsInNamespace("Microsoft", "AspNetCore", "Mvc"))
            {
                return !IsExcludedFromDescription(attribute);
            }
        }

        return null;
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

    private TypeAttributes TypeAttributesOf(INamedTypeSymbol type)
    {
        if (!_typeAttributes.TryGetValue(type, out var attributes))
        {
            var codes = new HashSet<int>();
            var state = new ReadState();
            bool? visible = null;
            for (var current = type; current is not null; current = current.BaseType)
            {
                var declared = current.GetAttributes();
                ReadAttributes(declared, codes, ref state);
                visible ??= ApiExplorerVisibility(declared);
            }

            attributes = _typeAttributes.GetOrAdd(type, new TypeAttributes(codes, state.HasMetadata, state.HasDefault, state.Complete, visible));
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
}
