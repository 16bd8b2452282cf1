using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

internal static class SymbolExtensions
{
    public static bool Implements(this ITypeSymbol type, INamedTypeSymbol interfaceOrClass)
    {
        if (interfaceOrClass.TypeKind == TypeKind.Interface)
        {
            if (SymbolEqualityComparer.Default.Equals(type, interfaceOrClass))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceOrClass))
                {
                    return true;
                }
            }

            return false;
        }

        return type.InheritsFromOrEquals(interfaceOrClass);
    }

    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && attributeClass.Implements(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like <c>Attribute.IsDefined(type, inherit: true)</c>: the type or any of its bases carries the attribute.</summary>
    public static bool HasAttributeInHierarchy(this INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.HasAttribute(attributeType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPubliclyVisible(this ISymbol symbol)
    {
        for (var current = symbol; current is not null && current.Kind != SymbolKind.Namespace; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the symbol's namespace is exactly <c>a.b.c</c> given as its parts, without building strings.</summary>
    public static bool IsInNamespace(this ISymbol symbol, params string[] parts)
    {
        var current = symbol.ContainingNamespace;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (current is null || current.IsGlobalNamespace || current.Name != parts[i])
            {
                return false;
            }

            current = current.ContainingNamespace;
        }

        return current is not null && current.IsGlobalNamespace;
    }

    /// <summary>
    /// True when the type, or any type argument or element type in it, does not bind (half-typed code, a missing using
    /// directive): what it documents cannot be read.
    /// </summary>
    public static bool ContainsErrorType(this ITypeSymbol type)
    {
        switch (type)
        {
            case { TypeKind: TypeKind.Error }:
                return true;
            case IArrayTypeSymbol array:
                return array.ElementType.ContainsErrorType();
            case INamedTypeSymbol { IsGenericType: true } named:
                foreach (var argument in named.TypeArguments)
                {
                    if (argument.ContainsErrorType())
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
