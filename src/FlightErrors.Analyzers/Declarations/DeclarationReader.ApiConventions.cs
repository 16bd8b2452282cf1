using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

// API conventions ([ApiConventionType], [ApiConventionMethod]) that apply when no response attribute does.
internal sealed partial class DeclarationReader
{
    /// <summary>The convention method that applies to <paramref name="action"/>, if any.</summary>
    private IMethodSymbol? Convention(IMethodSymbol action, INamedTypeSymbol controller)
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
        for (var type = controller; type is not null && conventionTypes.IsEmpty; type = type.BaseType)
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
}
