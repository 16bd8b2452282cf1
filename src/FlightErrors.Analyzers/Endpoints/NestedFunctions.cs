using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Whether what a lambda or local function returns can leave the method it is declared in. One whose every call throws
/// its result away (<c>_ = check(id);</c>) makes no response, so no rule reports what it would make.
/// </summary>
internal static class NestedFunctions
{
    /// <summary>
    /// True when every use of the function is a call whose result is discarded (or there is no use): a local function
    /// called as a statement, or a lambda held by a local that is only called that way. A lambda handed to anything
    /// else (an argument, a field, a return) may be answered with, and is not.
    /// </summary>
    public static bool IsResultDiscarded(IOperation function, CancellationToken cancellationToken)
    {
        ISymbol held;
        switch (function)
        {
            case ILocalFunctionOperation local:
                held = local.Symbol;
                break;
            case IAnonymousFunctionOperation lambda when HeldBy(lambda) is { } variable:
                held = variable;
                break;
            default:
                return false;
        }

        var root = function;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, held):
                    if (!IsDiscarded(invocation))
                    {
                        return false;
                    }

                    break;
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method, held):
                    return false;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, held):
                    if (!(reference.Parent is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } call
                        && ReferenceEquals(call.Instance, reference)
                        && IsDiscarded(call)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>The local a lambda is stored in at its declaration (<c>Func&lt;IActionResult&gt; check = () =&gt; …;</c>).</summary>
    private static ILocalSymbol? HeldBy(IAnonymousFunctionOperation lambda)
    {
        var value = lambda.Parent is IDelegateCreationOperation creation ? (IOperation)creation : lambda;
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        return value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    /// <summary>A call whose value goes nowhere: a statement, an assignment to <c>_</c>, or an awaited one of these.</summary>
    private static bool IsDiscarded(IOperation call)
    {
        var value = call;
        while (value.Parent is IConversionOperation or IAwaitOperation)
        {
            value = value.Parent;
        }

        return value.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } assignment => ReferenceEquals(assignment.Value, value),
            _ => false,
        };
    }
}
