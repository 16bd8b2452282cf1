using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>
/// What a rule gets for one endpoint: what it is, the responses it can produce, and questions answered by the
/// session (what it documents, whether an error goes out with an empty body). Made per callback, passed by reference.
/// </summary>
internal readonly struct EndpointFacts
{
    private readonly AnalysisSession _session;
    private readonly SemanticModelSource _semanticModels;
    private readonly SyntaxTree _bodyTree;
    private readonly string _ruleId;
    private readonly IOperation? _body;

    public EndpointFacts(string ruleId, in Endpoint endpoint, EndpointResponses responses, SyntaxTree bodyTree, AnalysisSession session, SemanticModelSource semanticModels, IOperation? body = null)
    {
        _body = body;
        _ruleId = ruleId;
        Endpoint = endpoint;
        Responses = responses;
        _bodyTree = bodyTree;
        _session = session;
        _semanticModels = semanticModels;
    }

    public Endpoint Endpoint { get; }

    /// <summary>Every response the endpoint can produce, helpers included; never empty.</summary>
    public EndpointResponses Responses { get; }

    /// <summary>
    /// The responses created in the endpoint's own body, once per producing expression and code: rules about how a response is
    /// produced report there, so a helper used by several actions is reported once, in the helper. A method-group
    /// route handler has none at its <c>Map*</c> call: they are made, and reported, in the method.
    /// </summary>
    public ProducedHereResponses ProducedHere() =>
        Endpoint.Route is { IsLambda: false } || _bodyTree != Endpoint.Declaration.SyntaxTree
            ? new(ImmutableArray<ProducedResponse>.Empty, Endpoint.Declaration)
            : new(Responses.Responses, Endpoint.Declaration);

    /// <summary>
    /// Where a span of the endpoint's responses is (<see cref="ProducedResponse.Origin"/>, or the producer of one made
    /// here): in the tree of the body they were inferred from.
    /// </summary>
    public Location LocationOf(TextSpan span) => Location.Create(_bodyTree, span);

    /// <summary>
    /// What the endpoint documents, read with the options of <paramref name="ruleId"/> (<c>documented_status_codes</c>,
    /// <c>xml_responses</c>); null for code that documents nothing itself (a helper, a filter, a controller member that
    /// is not an action).
    /// </summary>
    public DeclaredResponses? Declared(string ruleId, CancellationToken cancellationToken) =>
        _session.DeclaredFor(Endpoint, ruleId, _semanticModels, cancellationToken);

    /// <summary>
    /// What the endpoint documents as each controller that routes it (<see cref="AnalysisSession.DeclaredPerController"/>),
    /// read with the options of <paramref name="ruleId"/>; empty for code that documents nothing itself.
    /// </summary>
    public ImmutableArray<ControllerDeclarations> DeclaredPerController(string ruleId, CancellationToken cancellationToken) =>
        _session.DeclaredPerController(Endpoint, ruleId, _semanticModels, cancellationToken);

    /// <summary>
    /// Whether <paramref name="rule"/> reports on this endpoint: its controller scope includes it and its severity for
    /// the endpoint's file is not <c>none</c>.
    /// </summary>
    public bool IsReportedBy(DiagnosticDescriptor rule, in OperationAnalysisContext context) =>
        Endpoint.IsInScope(rule.Id) && RuleSeverity.IsInEffect(rule, _bodyTree, context.Compilation, context.Options, context.CancellationToken);

    /// <summary>What the catch block that returns the response made at <paramref name="producer"/> caught, if one does.</summary>
    public CaughtFailure CaughtAt(TextSpan producer, CancellationToken cancellationToken) =>
        _semanticModels.For(_bodyTree) is { } model
            ? CatchSites.Caught(_bodyTree.GetRoot(cancellationToken).FindNode(producer, getInnermostNodeForTie: true), model, cancellationToken)
            : CaughtFailure.None;

    /// <summary>Which exceptions the application maps to which status codes, found once per compilation.</summary>
    public ExceptionMap ExceptionMap => _session.ExceptionMap;

    /// <summary>
    /// The exceptions that can escape the endpoint, thrown in its body or in what it calls in source
    /// (<see cref="ThrowAnalysis"/>); empty when the body is not at hand.
    /// </summary>
    public IReadOnlyList<EscapingThrow> EscapingExceptions(CancellationToken cancellationToken) =>
        _body is null ? System.Array.Empty<EscapingThrow>() : _session.Throws.Escaping(Endpoint.Method, _body, _semanticModels, cancellationToken);

    /// <summary>
    /// The status codes ASP.NET Core answers for the endpoint before its code runs (authorization, rate limiting), with
    /// their causes; null when there are none or they cannot be told.
    /// </summary>
    public System.Collections.Generic.List<FrameworkAnswer>? FrameworkAnswers(CancellationToken cancellationToken) =>
        _session.FrameworkAnswers.Of(Endpoint, _session.Application, _semanticModels, cancellationToken);

    /// <summary>How the application is set up (exception handling, status code pages), found once per compilation.</summary>
    public ApplicationFacts Application => _session.Application;

    /// <summary>What a fix adds to complete the application's error pipeline (see <see cref="AnalysisSession.MissingPipelineParts"/>).</summary>
    public PipelineParts MissingPipelineParts => _session.MissingPipelineParts;

    /// <summary>Whether a fix can add what the application's error pipeline lacks (see <see cref="AnalysisSession.CanCompletePipeline"/>).</summary>
    public bool CanCompletePipeline => _session.CanCompletePipeline;

    /// <summary>Whether a host the compilation builds hands its setup to code out of sight.</summary>
    public bool HostSetupOutOfSight => _session.HostSetupOutOfSight;

    /// <summary>
    /// Whether the endpoint is where the exception handler re-executes failed requests (<c>UseExceptionHandler("/error")</c>),
    /// which writes the 500 by design.
    /// </summary>
    public bool IsExceptionHandler => _session.Application.IsExceptionHandler(Endpoint);

    /// <summary>
    /// Whether an error response made without a body reaches the client with an empty one, with the checking rule's
    /// <c>status_code_pages</c> option for the file saying what the host does.
    /// </summary>
    public bool IsEmptyError(in ProducedResponse response) =>
        BodyClassifier.IsEmptyError(response, Endpoint, Endpoint.Options.StatusCodePages(_ruleId), _session.Application);
}
