using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// The values a method body returns, and the values assigned to its locals, gathered in one walk.
/// Lambdas and local functions are not entered: what they return is not the method's return.
/// </summary>
internal sealed class ReturnPaths
{
    public static readonly ReturnPaths Empty = new(new List<IOperation>(), null, new List<ISimpleAssignmentOperation>(), null);

    [System.ThreadStatic]
    private static Stack<IOperation>? t_pending;

    private readonly Dictionary<ILocalSymbol, List<IOperation>>? _locals;
    private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>? _resultStatuses;
    private HashSet<ILocalSymbol>? _entered;

    private ReturnPaths(
        List<IOperation> returned,
        Dictionary<ILocalSymbol, List<IOperation>>? locals,
        List<ISimpleAssignmentOperation> statusAssignments,
        Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>? resultStatuses)
    {
        Returned = returned;
        _locals = locals;
        StatusAssignments = statusAssignments;
        _resultStatuses = resultStatuses;
    }

    public List<IOperation> Returned { get; }

    /// <summary>Assignments to <c>HttpResponse.StatusCode</c> (<c>Response.StatusCode = 503</c>).</summary>
    public List<ISimpleAssignmentOperation> StatusAssignments { get; }

    public static ReturnPaths Collect(IOperation body, CancellationToken cancellationToken)
    {
        var returned = new List<IOperation>();
        var statusAssignments = new List<ISimpleAssignmentOperation>();
        Dictionary<ILocalSymbol, List<IOperation>>? locals = null;
        Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>>? resultStatuses = null;
        // Collect does not re-enter itself: one work stack per thread serves every call.
        var pending = t_pending ?? new Stack<IOperation>(32);
        t_pending = null;
        pending.Push(body);

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
                case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }:
                    returned.Add(value);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Record(ref locals, declarator.Symbol, initializer.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    Record(ref locals, target.Local, assignment.Value);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "StatusCode" } property } } statusAssignment
                    when property.ContainingType is { Name: "HttpResponse" } response && response.IsInNamespace("Microsoft", "AspNetCore", "Http"):
                    statusAssignments.Add(statusAssignment);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StatusCode", Instance: ILocalReferenceOperation result } } resultStatus:
                    Record(ref resultStatuses, result.Local, resultStatus);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        t_pending = pending;

        // The walk pops in reverse: restore source order so that diagnostics come out in a stable order.
        returned.Reverse();
        statusAssignments.Reverse();
        if (resultStatuses is not null)
        {
            foreach (var assignments in resultStatuses.Values)
            {
                assignments.Reverse();
            }
        }

        return new ReturnPaths(returned, locals, statusAssignments, resultStatuses);
    }

    /// <summary>
    /// The assignments that set <c>StatusCode</c> on the result held by <paramref name="local"/> after it was made
    /// (<c>result.StatusCode = 503;</c>), in source order; null when there are none.
    /// </summary>
    public List<ISimpleAssignmentOperation>? StatusSetOn(ILocalSymbol local) =>
        _resultStatuses is not null && _resultStatuses.TryGetValue(local, out var assignments) ? assignments : null;

    /// <summary>The values assigned to <paramref name="local"/>, unless it is already being followed (a cycle).</summary>
    public bool TryEnterLocal(ILocalSymbol local, out List<IOperation> values)
    {
        values = null!;
        if (_locals is null || !_locals.TryGetValue(local, out var assigned))
        {
            return false;
        }

        _entered ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!_entered.Add(local))
        {
            return false;
        }

        values = assigned;
        return true;
    }

    public void LeaveLocal(ILocalSymbol local) => _entered?.Remove(local);

    public bool Knows(ILocalSymbol local) => _locals is not null && _locals.ContainsKey(local);

    private static void Record<T>(ref Dictionary<ILocalSymbol, List<T>>? locals, ILocalSymbol local, T value)
    {
        locals ??= new Dictionary<ILocalSymbol, List<T>>(SymbolEqualityComparer.Default);
        if (!locals.TryGetValue(local, out var values))
        {
            values = new List<T>();
            locals.Add(local, values);
        }

        values.Add(value);
    }
}
