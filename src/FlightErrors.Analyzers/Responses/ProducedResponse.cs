using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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

/// <summary>
/// Who writes the body of a response made without one (<c>NotFound()</c>, <c>TypedResults.NotFound()</c>), which
/// decides whether the client gets an empty error body.
/// </summary>
internal enum BodylessWriter : byte
{
    /// <summary>Nothing known (a response with a body, a status code assignment, an MVC result outside the client-error set).</summary>
    None,

    /// <summary>MVC's client-error mapping, in API controllers (<c>IClientErrorActionResult</c>: <c>NotFound()</c>, <c>StatusCode(404)</c>).</summary>
    ClientErrorMapping,

    /// <summary>Only the status code pages middleware (a minimal-API <c>IResult</c>).</summary>
    StatusCodePages,

    /// <summary>The authentication handler (challenge, forbid, unauthorized).</summary>
    Authentication,
}

/// <summary>
/// One response an endpoint can produce on one return path. A value: status code, body and spans, never operations or
/// syntax nodes, so that what the session caches per method keeps nothing of the method alive (a syntax node would
/// keep the red nodes around it, which the compiler holds weakly). The spans are in the tree of the body the
/// responses were inferred from: the endpoint's own.
/// </summary>
internal readonly struct ProducedResponse
{
    public ProducedResponse(int statusCode, BodyKind body, ITypeSymbol? bodyType, SyntaxNode origin, SyntaxNode producer, BodylessWriter bodylessWriter)
        : this(statusCode, body, bodyType, origin.Span, producer.Span, bodylessWriter, isDirect: true)
    {
    }

    private ProducedResponse(int statusCode, BodyKind body, ITypeSymbol? bodyType, TextSpan origin, TextSpan producer, BodylessWriter bodylessWriter, bool isDirect)
    {
        StatusCode = statusCode;
        Body = body;
        BodyType = bodyType;
        Origin = origin;
        Producer = producer;
        BodylessWriter = bodylessWriter;
        _isDirect = isDirect;
    }

    // Made by the walked body itself, not by a helper it calls (a method, or a local function nested in it). The walk
    // does not enter nested lambdas or local functions, so a direct response is never in one.
    private readonly bool _isDirect;

    public int StatusCode { get; }

    public BodyKind Body { get; }

    /// <summary>The static type of the body, when it has a nameable one.</summary>
    public ITypeSymbol? BodyType { get; }

    /// <summary>The expression in the endpoint's own body that yields the response: where diagnostics about documenting it go.</summary>
    public TextSpan Origin { get; }

    /// <summary>
    /// The expression that creates the response; differs from <see cref="Origin"/> when a helper creates it, and is then
    /// in the helper's tree, so it is read only for responses produced here (<see cref="IsProducedWithin"/>).
    /// </summary>
    public TextSpan Producer { get; }

    /// <summary>For a response without a body, who writes one (see <see cref="BodyClassifier.IsEmptyError"/>).</summary>
    public BodylessWriter BodylessWriter { get; }

    /// <summary>
    /// The response as the caller of the helper that made it yields it; still made here when the call itself made it
    /// (a code the call passed to the helper's parameter).
    /// </summary>
    public ProducedResponse WithOrigin(SyntaxNode origin) => new(StatusCode, Body, BodyType, origin.Span, Producer, BodylessWriter, isDirect: Producer == origin.Span);

    /// <summary>
    /// Whether the response is created in <paramref name="declaration"/>'s own body (whose responses these are), rather
    /// than in a helper it calls or in a lambda or local function nested in it (those are endpoints of their own).
    /// </summary>
    public bool IsProducedWithin(SyntaxNode declaration) => _isDirect && declaration.Span.Contains(Producer);
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
