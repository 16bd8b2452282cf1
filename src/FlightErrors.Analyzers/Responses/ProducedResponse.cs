using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>What an error or success response carries in its body.</summary>
internal enum BodyKind : byte
{
    /// <summary>No body: <c>NotFound()</c>, <c>StatusCode(409)</c>, <c>NoContent()</c>.</summary>
    None,

    /// <summary><c>ProblemDetails</c> or a subclass, including what <c>Problem()</c> and <c>ValidationProblem()</c> write.</summary>
    ProblemDetails,

    /// <summary>A <c>ModelStateDictionary</c>, which MVC writes as a <c>SerializableError</c>.</summary>
    ModelState,

    /// <summary>Field errors as a dictionary (<c>IDictionary&lt;string, string[]&gt;</c>), which <c>ValidationProblem</c> takes as it is.</summary>
    ValidationErrors,

    /// <summary>A string.</summary>
    String,

    /// <summary>An anonymous object.</summary>
    Anonymous,

    /// <summary>A value of a named type other than the above.</summary>
    Object,

    /// <summary>A value whose type the analyzer cannot see (typed as <c>object</c>).</summary>
    Unknown,
}

/// <summary>One response an endpoint can produce on one return path.</summary>
internal readonly struct ProducedResponse
{
    public ProducedResponse(int statusCode, BodyKind body, ITypeSymbol? bodyType, IOperation origin, IOperation producer, IOperation? bodyValue)
    {
        StatusCode = statusCode;
        Body = body;
        BodyType = bodyType;
        Origin = origin;
        Producer = producer;
        BodyValue = bodyValue;
    }

    public int StatusCode { get; }

    public BodyKind Body { get; }

    /// <summary>The static type of the body, when it has a nameable one.</summary>
    public ITypeSymbol? BodyType { get; }

    /// <summary>The expression in the endpoint's own body that yields the response: where diagnostics go.</summary>
    public IOperation Origin { get; }

    /// <summary>The operation that creates the response; differs from <see cref="Origin"/> when a helper method creates it.</summary>
    public IOperation Producer { get; }

    /// <summary>The operation that supplies the body, if any.</summary>
    public IOperation? BodyValue { get; }

    public ProducedResponse WithOrigin(IOperation origin) => new(StatusCode, Body, BodyType, origin, Producer, BodyValue);

    /// <summary>
    /// Whether the response is created in <paramref name="declaration"/>'s own body, rather than in a helper it calls or
    /// in a lambda or local function nested in it (those are analyzed as functions of their own).
    /// </summary>
    public bool IsProducedWithin(SyntaxNode declaration)
    {
        var producer = Producer.Syntax;
        if (producer.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(producer.Span))
        {
            return false;
        }

        for (var node = producer.Parent; node is not null && node != declaration; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The responses an endpoint can produce, per return path. <see cref="IsComplete"/> is false when some path returns
/// a result the analyzer cannot read (an unknown method, a parameter, a field), so the list may miss codes.
/// </summary>
internal sealed class EndpointResponses
{
    public static readonly EndpointResponses Empty = new(ImmutableArray<ProducedResponse>.Empty, isComplete: true);

    public EndpointResponses(ImmutableArray<ProducedResponse> responses, bool isComplete)
    {
        Responses = responses;
        IsComplete = isComplete;
    }

    public ImmutableArray<ProducedResponse> Responses { get; }

    public bool IsComplete { get; }
}
