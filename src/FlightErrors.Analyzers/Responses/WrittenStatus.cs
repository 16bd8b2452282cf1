using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>The status code a result's producer writes in source, as the fixes need it.</summary>
internal static class WrittenStatus
{
    /// <summary>
    /// Whether the producer's status is one fixed code: a constant, or the API's own default. A status that can take
    /// several values (a local, a conditional) is not: rewriting the producer for one of its codes would change the
    /// paths that answer the others.
    /// </summary>
    public static bool IsFixed(IOperation producer) => Of(producer) is not { } written || written.ConstantInt() is not null || written.IsNullLiteral();

    private static IOperation? Of(IOperation producer) => producer switch
    {
        ISimpleAssignmentOperation assignment => assignment.Value,
        IInvocationOperation invocation => invocation.Argument("statusCode")?.Value
            ?? (invocation.Argument("problemDetails")?.Value.WalkDownConversions() as IObjectCreationOperation)?.InitializedValue("Status"),
        IObjectCreationOperation creation => creation.WrittenStatusCode(),
        _ => null,
    };
}
