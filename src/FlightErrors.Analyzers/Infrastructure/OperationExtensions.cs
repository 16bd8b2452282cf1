using System;
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

    /// <summary>The argument passed to the parameter called <paramref name="name"/>, unless it was left to its default.</summary>
    public static IArgumentOperation? Argument(this IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && string.Equals(parameter.Name, name, StringComparison.Ordinal)
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The argument passed to the parameter called <paramref name="name"/>, unless it was left to its default.</summary>
    public static IArgumentOperation? Argument(this IObjectCreationOperation creation, string name)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && string.Equals(parameter.Name, name, StringComparison.Ordinal)
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

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

    /// <summary>The value passed to a parameter, including a default value the compiler filled in.</summary>
    public static IOperation? ArgumentValue(this IInvocationOperation call, string parameterName)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && string.Equals(parameter.Name, parameterName, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
