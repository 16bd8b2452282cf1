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
    public static readonly ReturnPaths Empty = new(new List<IOperation>(), null, new List<ISimpleAssignmentOperation>());

    [System.ThreadStatic]
    private static Stack<IOperation>? t_pending;

    private readonly Dictionary<ILocalSymbol, List<IOperation>>? _locals;
    private HashSet<ILocalSymbol>? _entered;

    private ReturnPaths(List<IOperation> returned, Dictionary<ILocalSymbol, List<IOperation>>? locals, List<ISimpleAssignmentOperation> statusAssignments)
    {
        Returned = returned;
        _locals = locals;
        StatusAssignments = statusAssignments;
    }

    public List<IOperation> Returned { get; }

    /// <summary>Assignments to <c>HttpResponse.StatusCode</c> (<c>Response.StatusCode = 503</c>).</summary>
    public List<ISimpleAssignmentOperation> StatusAssignments { get; }

    public static ReturnPaths Collect(IOperation body, CancellationToken cancellationToken)
    {
        var returned = new List<IOperation>();
        var statusAssignments = new List<ISimpleAssignmentOperation>();
        Dictionary<ILocalSymbol, List<IOperation>>? locals = null;
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
        return new ReturnPaths(returned, locals, statusAssignments);
    }

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

    private static void Record(ref Dictionary<ILocalSymbol, List<IOperation>>? locals, ILocalSymbol local, IOperation value)
    {
        locals ??= new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        if (!locals.TryGetValue(local, out var values))
        {
            values = new List<IOperation>();
            locals.Add(local, values);
        }

        values.Add(value);
    }
}
