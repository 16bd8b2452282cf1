using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

internal static class OperationExtensions
{
    /// <summary>Skips conversions and parentheses: the value as it was written.</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The compile-time integer an expression has, seen through conversions: literals, consts, enum casts.</summary>
    public static int? ConstantInt(this IOperation operation)
    {
        for (var current = operation; ; current = ((IConversionOperation)current).Operand)
        {
            if (current.ConstantValue is { HasValue: true, Value: int value })
            {
                return value;
            }

            if (current is not IConversionOperation)
            {
                return null;
            }
        }
    }

    public static bool IsNullLiteral(this IOperation operation) =>
        operation.WalkDownConversions() is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }
            or IDefaultValueOperation;

    /// <summary>
    /// The argument passed to the parameter called <paramref name="name"/>; one left to its default counts only with
    /// <paramref name="includeDefaultValue"/> (the compiler fills it in).
    /// </summary>
    public static IArgumentOperation? Argument(this IInvocationOperation invocation, string name, bool includeDefaultValue = false) =>
        Find(invocation.Arguments, name, includeDefaultValue);

    /// <summary>The argument passed to the parameter called <paramref name="name"/>, unless it was left to its default.</summary>
    public static IArgumentOperation? Argument(this IObjectCreationOperation creation, string name) =>
        Find(creation.Arguments, name, includeDefaultValue: false);

    /// <summary>
    /// The status code a created result is given in source: its <c>statusCode</c> argument, else the value its object
    /// initializer assigns to <c>StatusCode</c>; null when neither is written.
    /// </summary>
    public static IOperation? WrittenStatusCode(this IObjectCreationOperation creation) =>
        creation.Argument("statusCode")?.Value ?? creation.InitializedValue("StatusCode");

    /// <summary>The value an object initializer assigns to <paramref name="property"/>, if it does.</summary>
    public static IOperation? InitializedValue(this IObjectCreationOperation creation, string property)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                && string.Equals(target.Property.Name, property, StringComparison.Ordinal))
            {
                return assignment.Value;
            }
        }

        return null;
    }

    private static IArgumentOperation? Find(ImmutableArray<IArgumentOperation> arguments, string name, bool includeDefaultValue)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter
                && string.Equals(parameter.Name, name, StringComparison.Ordinal)
                && (includeDefaultValue || argument.ArgumentKind != ArgumentKind.DefaultValue))
            {
                return argument;
            }
        }

        return null;
    }
}
