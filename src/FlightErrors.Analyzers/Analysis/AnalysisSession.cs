using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// Everything the rules share for one compilation: the known types, the endpoint finder, the response and declaration
/// readers, the options, and the caches of what they found. It knows no rule: rules ask it for facts through
/// <see cref="EndpointFacts"/>. What it caches is cheap to keep (status codes, body kinds, syntax, symbols), never an
/// operation tree, which the compilation would otherwise keep alive for every method analyzed.
/// </summary>
internal sealed class AnalysisSession
{
    private readonly Lazy<ApplicationFacts> _application;
    private readonly Lazy<bool> _xmlResponsesReadByGenerator;
    private readonly Lazy<ImmutableArray<ApplicationHost>> _hosts;
    private readonly Lazy<ExceptionMap> _exceptionMap;
    private readonly Lazy<ImmutableArray<SubclassGap>> _subclassGaps;
    private readonly Lazy<SourceTypeIndex> _sourceTypes;
    private readonly ConcurrentDictionary<IMethodSymbol, EndpointResponses> _responses = new(SymbolEqualityComparer.Default);

    private readonly ControllerActions _controllers;
    private readonly Lazy<FrameworkAnswers> _frameworkAnswers;

    private AnalysisSession(KnownTypes types, FlightErrorsOptions.Cache options)
    {
        Options = options;
        _controllers = new ControllerActions(types);
        Finder = new EndpointFinder(types, _controllers, new RouteHandlers(types), options);
        Inference = new ResponseInference(types, new BodyClassifier(types));
        Declarations = new DeclarationReader(types);
        _frameworkAnswers = new Lazy<FrameworkAnswers>(() => new FrameworkAnswers(types, Inference), LazyThreadSafetyMode.ExecutionAndPublication);
        _application = new Lazy<ApplicationFacts>(() => ApplicationFacts.Find(types.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _hosts = new Lazy<ImmutableArray<ApplicationHost>>(() => ApplicationHost.Find(Application, types.Compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _exceptionMap = new Lazy<ExceptionMap>(() => ExceptionMap.Find(types, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _sourceTypes = new Lazy<SourceTypeIndex>(() => SourceTypeIndex.Build(types.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _subclassGaps = new Lazy<ImmutableArray<SubclassGap>>(() => SubclassGap.Find(ExceptionMap, types.Compilation, _sourceTypes.Value, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        Throws = new ThrowAnalysis(types.Compilation, _sourceTypes);
        _xmlResponsesReadByGenerator = new Lazy<bool>(() => XmlResponses.ReadByGenerator(types.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The <c>.editorconfig</c> options of each file, parsed once per distinct set.</summary>
    public FlightErrorsOptions.Cache Options { get; }

    public EndpointFinder Finder { get; }

    public ResponseInference Inference { get; }

    public DeclarationReader Declarations { get; }

    /// <summary>
    /// Which exceptions the application turns into which status codes: read once, on first need. Not cancelled: the
    /// answer is kept for every rule that asks.
    /// </summary>
    public ExceptionMap ExceptionMap => _exceptionMap.Value;

    /// <summary>
    /// The exact-type mappings that subclasses thrown in source slip through: found once, on first need, and searched for
    /// throws only when such a mapping's type has a subclass in source. Not cancelled, as <see cref="ExceptionMap"/>.
    /// </summary>
    public ImmutableArray<SubclassGap> SubclassGaps => _subclassGaps.Value;

    /// <summary>What methods can throw, summarized once per method and followed from each endpoint.</summary>
    public ThrowAnalysis Throws { get; }

    /// <summary>What ASP.NET Core answers around endpoints (authorization, rate limiting, filters): its symbols resolved once, on first need.</summary>
    public FrameworkAnswers FrameworkAnswers => _frameworkAnswers.Value;

    /// <summary>How the application is set up (client-error mapping, status code pages): found once, on first need.</summary>
    public ApplicationFacts Application => _application.Value;

    /// <summary>
    /// The <c>WebApplication</c>s the compilation builds: found once, on first need, in the few files that create a host
    /// builder. Not cancelled: the answer is kept for every rule that asks, and takes one file's binding.
    /// </summary>
    public ImmutableArray<ApplicationHost> Hosts => _hosts.Value;

    /// <summary>Whether a host the compilation builds hands its setup to code out of sight (<see cref="ApplicationHost.HandedTo"/>).</summary>
    public bool HostSetupOutOfSight
    {
        get
        {
            foreach (var host in Hosts)
            {
                if (host.HandedTo is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether a fix can add the missing parts at every host the compilation builds (<see cref="ApplicationHost.IsEditable"/>).</summary>
    public bool CanCompletePipeline
    {
        get
        {
            foreach (var host in Hosts)
            {
                if (!host.IsEditable)
                {
                    return false;
                }
            }

            return MissingPipelineParts != PipelineParts.None;
        }
    }

    /// <summary>
    /// The parts of the error pipeline a fix adds for the application, or <see cref="PipelineParts.None"/> when nothing
    /// is missing, no host is built here, or a host's setup is out of sight.
    /// </summary>
    public PipelineParts MissingPipelineParts
    {
        get
        {
            var missing = Application.MissingPipelineParts;
            return missing == PipelineParts.None || Hosts.IsEmpty || HostSetupOutOfSight ? PipelineParts.None : missing;
        }
    }

    /// <summary>
    /// The session of a compilation, or null when it references neither MVC nor minimal APIs. Every rule's analyzer
    /// gets the same one, so each method's responses are inferred once. Held weakly by the compilation, and only for
    /// the options provider it was made with.
    /// </summary>
    public static AnalysisSession? For(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        Sessions.GetValue(compilation, static c => new Holder(c)).For(options);

    private static readonly ConditionalWeakTable<Compilation, Holder> Sessions = new();

    private sealed class Holder
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new();
        private AnalyzerConfigOptionsProvider? _options;
        private AnalysisSession? _session;
        private bool _created;

        public Holder(Compilation compilation) => _compilation = compilation;

        public AnalysisSession? For(AnalyzerConfigOptionsProvider options)
        {
            lock (_gate)
            {
                if (!_created || !ReferenceEquals(_options, options))
                {
                    _session = KnownTypes.TryCreate(_compilation) is { } types ? new AnalysisSession(types, new FlightErrorsOptions.Cache(options)) : null;
                    _options = options;
                    _created = true;
                }

                return _session;
            }
        }
    }

    /// <summary>
    /// The responses of a method, lambda or local function whose body is <paramref name="body"/>: the first rule to
    /// reach it infers them, the others read them (two rules racing on the same body may both infer; the results are
    /// equal, and one is kept).
    /// </summary>
    public EndpointResponses ResponsesOf(IMethodSymbol method, IOperation body, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (!_responses.TryGetValue(method, out var responses))
        {
            responses = Inference.Infer(method, body, semanticModels, cancellationToken);
            _responses.TryAdd(method, responses);
        }

        return responses;
    }

    /// <summary>
    /// What an endpoint documents, read with the options <paramref name="ruleId"/> has for the endpoint's file: the codes
    /// the configuration declares documented everywhere are added, and XML <c>&lt;response&gt;</c> counts as its
    /// <c>xml_responses</c> says (with <c>auto</c>, as the compilation's OpenAPI generator reads it). Null for code that
    /// documents nothing itself (helpers, filters, other controller members).
    /// Read when asked, not kept: rules ask once per endpoint, or only for the few endpoints they report on, and a
    /// cache per endpoint cost more than it saved (0.5 MB more allocated on 2,100 endpoints). What is shared is cached
    /// in the reader: the response attributes of each controller type and its bases.
    /// </summary>
    public DeclaredResponses? DeclaredFor(in Endpoint endpoint, string ruleId, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (endpoint.Route is null && endpoint.Kind != EndpointKind.Action)
        {
            return null;
        }

        var documentedCodes = endpoint.Options.DocumentedStatusCodes(ruleId);
        var xmlResponses = ReadsXmlResponses(endpoint, ruleId);
        return endpoint.Route is { } route
            ? Declarations.ReadRouteHandler(route, documentedCodes, xmlResponses, semanticModels, cancellationToken)
            : Declarations.Read(endpoint.Method, endpoint.IsApiController, documentedCodes, xmlResponses, cancellationToken);
    }

    /// <summary>
    /// What an action documents as each controller that routes it, read with <paramref name="ruleId"/>'s options as
    /// <see cref="DeclaredFor"/> does: ApiExplorer describes an action declared in a base controller once per concrete
    /// controller of the compilation that inherits it, with that controller's attributes. One entry, for no particular
    /// controller, for an action no other controller inherits and for a route handler.
    /// </summary>
    public ImmutableArray<ControllerDeclarations> DeclaredPerController(in Endpoint endpoint, string ruleId, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        var declaring = endpoint.Method.ContainingType;
        var inheritors = endpoint.Kind == EndpointKind.Action && declaring is not null
            ? _controllers.Inheritors(declaring)
            : Array.Empty<INamedTypeSymbol>();
        if (inheritors.Count == 0)
        {
            return DeclaredFor(endpoint, ruleId, semanticModels, cancellationToken) is { } declared
                ? ImmutableArray.Create(new ControllerDeclarations(null, declared))
                : ImmutableArray<ControllerDeclarations>.Empty;
        }

        var documentedCodes = endpoint.Options.DocumentedStatusCodes(ruleId);
        var xmlResponses = ReadsXmlResponses(endpoint, ruleId);
        var builder = ImmutableArray.CreateBuilder<ControllerDeclarations>(inheritors.Count + 1);
        if (!declaring!.IsAbstract && !declaring.IsGenericType)
        {
            // A concrete base is a controller of its own too.
            builder.Add(new ControllerDeclarations(null, Declarations.Read(endpoint.Method, endpoint.IsApiController, documentedCodes, xmlResponses, cancellationToken)));
        }

        foreach (var inheritor in inheritors)
        {
            var isApi = _controllers.Kind(inheritor) == ControllerKind.ApiController;
            builder.Add(new ControllerDeclarations(inheritor, Declarations.Read(endpoint.Method, isApi, documentedCodes, xmlResponses, cancellationToken, inheritor)));
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether XML <c>&lt;response&gt;</c> documents, by <paramref name="ruleId"/>'s <c>xml_responses</c> for the endpoint's file.</summary>
    private bool ReadsXmlResponses(in Endpoint endpoint, string ruleId) => endpoint.Options.XmlResponses(ruleId) switch
    {
        XmlResponsesSetting.Documented => true,
        XmlResponsesSetting.Ignored => false,
        _ => _xmlResponsesReadByGenerator.Value,
    };
}
