using System;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// Matches an action against an API convention method with MVC's rules: names and parameters are compared per
/// <c>[ApiConventionNameMatch]</c> (Exact unless stated) and <c>[ApiConventionTypeMatch]</c> (AssignableFrom unless
/// stated); a <c>params</c> convention parameter matches all remaining parameters.
/// </summary>
internal static class ApiConventionMatcher
{
    // Values of Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchBehavior.
    private const int NameAny = 0;
    private const int NameExact = 1;
    private const int NamePrefix = 2;
    private const int NameSuffix = 3;

    // Values of Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatchBehavior.
    private const int TypeAny = 0;

    public static bool IsMatch(IMethodSymbol action, IMethodSymbol convention, KnownTypes types)
    {
        if (!IsNameMatch(action.Name, convention.Name, NameBehavior(convention, types)))
        {
            return false;
        }

        var actionParameters = action.Parameters;
        var conventionParameters = convention.Parameters;
        for (var i = 0; i < conventionParameters.Length; i++)
        {
            var conventionParameter = conventionParameters[i];
            if (conventionParameter.IsParams)
            {
                return true;
            }

            if (i >= actionParameters.Length)
            {
                return false;
            }

            var parameter = actionParameters[i];
            if (!IsNameMatch(parameter.Name, conventionParameter.Name, NameBehavior(conventionParameter, types))
                || !IsTypeMatch(parameter.Type, conventionParameter.Type, TypeBehavior(conventionParameter, types), types.Compilation))
            {
                return false;
            }
        }

        return actionParameters.Length == conventionParameters.Length;
    }

    internal static bool IsNameMatch(string name, string conventionName, int behavior)
    {
        switch (behavior)
        {
            case NameAny:
                return true;
            case NamePrefix:
                return name.StartsWith(conventionName, StringComparison.Ordinal)
                    && (name.Length == conventionName.Length || char.IsUpper(name[conventionName.Length]));
            case NameSuffix:
                if (name.Length == conventionName.Length)
                {
                    return string.Equals(name, conventionName, StringComparison.Ordinal);
                }

                if (conventionName.Length == 0 || name.Length < conventionName.Length)
                {
                    return false;
                }

                var start = name.Length - conventionName.Length;
                return char.IsLower(name[start - 1])
                    && name[start] == char.ToUpperInvariant(conventionName[0])
                    && string.CompareOrdinal(name, start + 1, conventionName, 1, conventionName.Length - 1) == 0;
            default:
                return string.Equals(name, conventionName, StringComparison.Ordinal);
        }
    }

    private static bool IsTypeMatch(ITypeSymbol type, ITypeSymbol conventionType, int behavior, Compilation compilation)
    {
        if (behavior == TypeAny)
        {
            return true;
        }

        var conversion = compilation.ClassifyCommonConversion(type, conventionType);
        // Type.IsAssignableFrom: identity, reference and boxing conversions, never numeric or user-defined ones.
        return conversion.IsIdentity || (conversion.IsImplicit && !conversion.IsNumeric && !conversion.IsUserDefined);
    }

    private static int NameBehavior(ISymbol symbol, KnownTypes types) =>
        EnumArgument(symbol, types.ApiConventionNameMatchAttribute) ?? NameExact;

    private static int TypeBehavior(ISymbol symbol, KnownTypes types) =>
        EnumArgument(symbol, types.ApiConventionTypeMatchAttribute) ?? 1;

    private static int? EnumArgument(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int value)
            {
                return value;
            }
        }

        return null;
    }
}
