using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// What an error DTO created in place carries, mapped member by member onto Problem Details: a message, detail or
/// description string becomes <c>detail</c>, a title <c>title</c>, an error code (<c>Code</c>, <c>ErrorCode</c>) the
/// extension <c>code</c>, and every other simple member an extension named as System.Text.Json's camel case names it.
/// There is a mapping only when every member the serializer writes maps, and its value is written in the creation
/// (a record's positional arguments, an object initializer); otherwise the rewrite would drop or invent data.
/// </summary>
internal sealed class ErrorDtoMapping
{
    /// <summary>Names the Problem Details object writes itself (and <c>traceId</c>, which its factory adds).</summary>
    private static readonly string[] ReservedNames = { "type", "title", "status", "detail", "instance", "traceId" };

    private ErrorDtoMapping(ITypeSymbol type, ExpressionSyntax? detail, ExpressionSyntax? title, List<KeyValuePair<string, ExpressionSyntax>> extensions)
    {
        Type = type;
        Detail = detail;
        Title = title;
        Extensions = extensions;
    }

    /// <summary>The DTO's type.</summary>
    public ITypeSymbol Type { get; }

    public ExpressionSyntax? Detail { get; }

    public ExpressionSyntax? Title { get; }

    /// <summary>The extensions, in the order the DTO declares its members.</summary>
    public List<KeyValuePair<string, ExpressionSyntax>> Extensions { get; }

    /// <summary>
    /// The mapping of <paramref name="body"/> for an error answered with <paramref name="statusCode"/>, or null when the
    /// body is not a DTO created right there whose every member maps.
    /// </summary>
    public static ErrorDtoMapping? Of(IOperation? body, int statusCode, SyntaxGenerator generator)
    {
        if (body?.WalkDownConversions() is not IObjectCreationOperation { Type: INamedTypeSymbol { IsAnonymousType: false } type } creation
            || creation.Constructor is not { } constructor
            || HasSerializerAttribute(type.GetAttributes()))
        {
            return null;
        }

        var values = new Dictionary<string, IOperation>(StringComparer.Ordinal);
        if (!creation.Arguments.IsEmpty)
        {
            // Only a record's positional constructor says where each argument goes: into the property of its name.
            if (!IsPositionalConstructor(constructor))
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                values[argument.Parameter!.Name] = argument.Value;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                // A member set twice (an argument, then the initializer) would lose the first value's expression.
                if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: var property }, Value: var value }
                    || values.ContainsKey(property.Name))
                {
                    return null;
                }

                values[property.Name] = value;
            }
        }

        string? detailName = null;
        string? titleName = null;
        ExpressionSyntax? detail = null;
        ExpressionSyntax? title = null;
        var extensions = new List<KeyValuePair<string, ExpressionSyntax>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sideEffects = 0;
        foreach (var property in SerializedProperties(type))
        {
            if (!IsSimple(property.Type)
                || !values.TryGetValue(property.Name, out var value)
                || Written(value, generator) is not { } written
                || PropertyNameOf(property) is not { } named)
            {
                return null;
            }

            var (jsonName, renamed) = named;
            sideEffects += ResultBodies.HasSideEffects(value) ? 1 : 0;
            var isString = property.Type.SpecialType == SpecialType.System_String;
            if (isString && detailName is null && !renamed && IsDetailName(property.Name))
            {
                detailName = property.Name;
                detail = value.IsNullLiteral() ? null : written;
                continue;
            }

            if (isString && titleName is null && !renamed && property.Name == "Title")
            {
                titleName = property.Name;
                title = value.IsNullLiteral() ? null : written;
                continue;
            }

            // A status the DTO repeats is the response's own: Problem Details' status says it.
            if (property.Name is "Status" or "StatusCode" && value.ConstantInt() == statusCode)
            {
                continue;
            }

            var name = !renamed && property.Name is "Code" or "ErrorCode" && !names.Contains("code") ? "code" : jsonName;
            if (Array.IndexOf(ReservedNames, name) >= 0 || !names.Add(name))
            {
                return null;
            }

            extensions.Add(new KeyValuePair<string, ExpressionSyntax>(name, written));
        }

        // The values are written in another order than the creation's; with one side effect at most, nothing can tell.
        return sideEffects <= 1 ? new ErrorDtoMapping(type, detail, title, extensions) : null;
    }

    private static bool IsDetailName(string name) =>
        name is "Detail" or "Message" or "ErrorMessage" or "Description" or "ErrorDescription";

    /// <summary>A record's primary constructor, which stores each parameter in the property of the same name.</summary>
    private static bool IsPositionalConstructor(IMethodSymbol constructor)
    {
        if (constructor.ContainingType is not { IsRecord: true })
        {
            return false;
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is RecordDeclarationSyntax { ParameterList: not null })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The properties System.Text.Json writes with its defaults: public, instance, readable, not indexers, the most
    /// derived declaration of each name first. Fields are not written (<c>IncludeFields</c> is off).
    /// </summary>
    private static IEnumerable<IPropertySymbol> SerializedProperties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Add(current);
        }

        // Base members first, as the serializer writes them; an override keeps the place of the member it overrides.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var member in chain[i].GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    && !IsIgnored(property)
                    && seen.Add(property.Name))
                {
                    yield return MostDerived(property, chain, i);
                }
            }
        }
    }

    private static IPropertySymbol MostDerived(IPropertySymbol property, List<INamedTypeSymbol> chain, int index)
    {
        for (var i = 0; i < index; i++)
        {
            foreach (var member in chain[i].GetMembers(property.Name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } derived)
                {
                    return derived;
                }
            }
        }

        return property;
    }

    /// <summary>A property under a plain <c>[JsonIgnore]</c> is never written.</summary>
    private static bool IsIgnored(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "JsonIgnoreAttribute" } ignore
                && ignore.IsInNamespace("System", "Text", "Json", "Serialization")
                && attribute.NamedArguments.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name the serializer writes a property under (<c>[JsonPropertyName]</c>, else camel case) and whether it was
    /// renamed; null when another serializer attribute (a converter, a conditional ignore) makes the output unknown.
    /// </summary>
    private static (string Name, bool Renamed)? PropertyNameOf(IPropertySymbol property)
    {
        string? renamed = null;
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass || !IsSerializerAttribute(attributeClass))
            {
                continue;
            }

            if (attributeClass.Name == "JsonPropertyNameAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                renamed = name;
            }
            else if (attributeClass.Name != "JsonPropertyOrderAttribute")
            {
                return null;
            }
        }

        return renamed is not null ? (renamed, true) : (CamelCase(property.Name), false);
    }

    private static bool HasSerializerAttribute(IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } attributeClass && IsSerializerAttribute(attributeClass))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSerializerAttribute(INamedTypeSymbol attribute) =>
        attribute.IsInNamespace("System", "Text", "Json", "Serialization") || attribute.IsInNamespace("Newtonsoft", "Json");

    /// <summary>Values written as one JSON token: strings, numbers, booleans, enums, identifiers, times, and their nullable forms.</summary>
    private static bool IsSimple(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
                or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime:
                return true;
        }

        return type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Uri"
            && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
    }

    /// <summary>
    /// The value's expression as written; a positional argument left to its default is written as its constant (an
    /// enum's or another non-literal default gives no mapping).
    /// </summary>
    private static ExpressionSyntax? Written(IOperation value, SyntaxGenerator generator)
    {
        if (value.Parent is not IArgumentOperation { ArgumentKind: ArgumentKind.DefaultValue })
        {
            return value.Syntax as ExpressionSyntax;
        }

        return value.ConstantValue is { HasValue: true, Value: var constant } && value.Type is { TypeKind: not TypeKind.Enum }
            && constant is null or string or bool or int or long or double or decimal
            ? (ExpressionSyntax)generator.LiteralExpression(constant)
            : null;
    }

    /// <summary>System.Text.Json's <c>JsonNamingPolicy.CamelCase</c>: the leading run of capitals lowered, but for the last one before a lower-case letter.</summary>
    internal static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = new StringBuilder(name);
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return chars.ToString();
    }
}
