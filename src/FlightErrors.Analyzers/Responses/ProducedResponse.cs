using System;
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
/// A place in source: a tree and a span. Kept instead of a syntax node, which would keep the red nodes of the method
/// around it alive (the compiler holds a type's members weakly).
/// </summary>
internal readonly struct SourceSpan : IEquatable<SourceSpan>
{
    public SourceSpan(SyntaxNode node)
    {
        Tree = node.SyntaxTree;
        Span = node.Span;
    }

    public SyntaxTree Tree { get; }

    public TextSpan Span { get; }

    public Location ToLocation() => Location.Create(Tree, Span);

    public bool Equals(SourceSpan other) => Tree == other.Tree && Span == other.Span;

    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    public override int GetHashCode() => Span.GetHashCode();
}

/// <summary>
/// One response an endpoint can produce on one return path. A value: status code, body, places in source, never
/// operations or syntax nodes, so that what the session caches per method keeps nothing of the method alive.
/// </summary>
internal readonly struct ProducedResponse
{
    public ProducedResponse(int statusCode, BodyKind body, ITypeSymbol? bodyType, SyntaxNode origin, SyntaxNode producer, BodylessWriter bodylessWriter)
        : this(statusCode, body, bodyType, new SourceSpan(origin), new SourceSpan(producer), bodylessWriter, isDirect: true)
    {
    }

    private ProducedResponse(int statusCode, BodyKind body, ITypeSymbol? bodyType, SourceSpan origin, SourceSpan producer, BodylessWriter bodylessWriter, bool isDirect)
    {
        _isDirect = isDirect;
        StatusCode = statusCode;
        Body = body;
        BodyType = bodyType;
        Origin = origin;
        Producer = producer;
        BodylessWriter = bodylessWriter;
    }

    // Made by the walked body itself, not by a helper it calls (a method, or a local function nested in it). The walk
    // does not enter nested lambdas or local functions, so a direct response is never in one.
    private readonly bool _isDirect;

    public int StatusCode { get; }

    public BodyKind Body { get; }

    /// <summary>The static type of the body, when it has a nameable one.</summary>
    public ITypeSymbol? BodyType { get; }

    /// <summary>The expression in the endpoint's own body that yields the response: where diagnostics about documenting it go.</summary>
    public SourceSpan Origin { get; }

    /// <summary>The expression that creates the response; differs from <see cref="Origin"/> when a helper method creates it.</summary>
    public SourceSpan Producer { get; }

    /// <summary>For a response without a body, who writes one (see <see cref="BodyClassifier.IsEmptyError"/>).</summary>
    public BodylessWriter BodylessWriter { get; }

    /// <summary>The response as the caller of the helper that made it yields it.</summary>
    public ProducedResponse WithOrigin(SyntaxNode origin) => new(StatusCode, Body, BodyType, new SourceSpan(origin), Producer, BodylessWriter, isDirect: false);

    /// <summary>
    /// Whether the response is created in <paramref name="declaration"/>'s own body, rather than in a helper it calls or
    /// in a lambda or local function nested in it (those are endpoints of their own).
    /// </summary>
    public bool IsProducedWithin(SyntaxNode declaration) =>
        _isDirect && Producer.Tree == declaration.SyntaxTree && declaration.Span.Contains(Producer.Span);
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
