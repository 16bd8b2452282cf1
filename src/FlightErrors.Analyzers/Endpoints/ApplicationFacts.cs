using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>
/// How the application is configured, where that decides whether a bodyless error becomes Problem Details. Found by one
/// text scan per file (on first need, kept with the tree), without copying any file's text; only files that mention a
/// name are parsed further.
/// </summary>
internal sealed class ApplicationFacts
{
    private readonly bool _configuresStatusCodePagesAsProblemDetails;

    private readonly Setup _setup;

    private readonly ImmutableHashSet<string> _registeredServices;

    private ApplicationFacts(Setup setup, ImmutableArray<string> exceptionHandlerPaths, ImmutableArray<(SyntaxTree Tree, TextSpan Span)> buildCalls, int rejectionStatusCode, ImmutableHashSet<string> registeredServices, ImmutableHashSet<string> globalFilters, ImmutableHashSet<int> documentedByOpenApiSetup)
    {
        _setup = setup;
        DocumentedByOpenApiSetup = documentedByOpenApiSetup;
        _registeredServices = registeredServices;
        GlobalFilters = globalFilters;
        RejectionStatusCode = rejectionStatusCode;
        SuppressesClientErrorMapping = Has(Setup.SuppressesClientErrors);
        _configuresStatusCodePagesAsProblemDetails = Has(Setup.AddsProblemDetails | Setup.UsesStatusCodePages);
        ExceptionHandlerPaths = exceptionHandlerPaths;
        BuildCalls = buildCalls;
    }

    /// <summary><c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>.</summary>
    public bool SuppressesClientErrorMapping { get; }

    /// <summary>
    /// Whether the host's status code pages write Problem Details for every bodyless error: as
    /// <c>flight_errors.status_code_pages</c> says, or with <c>auto</c> when the compilation calls
    /// <c>services.AddProblemDetails()</c> and <c>app.UseStatusCodePages()</c> (its default handler). A class library
    /// whose host is elsewhere sees neither call, so its owners say what the host does.
    /// </summary>
    public bool WritesStatusCodePagesAsProblemDetails(StatusCodePagesSetting setting) => setting switch
    {
        StatusCodePagesSetting.Enabled => true,
        StatusCodePagesSetting.Disabled => false,
        _ => _configuresStatusCodePagesAsProblemDetails,
    };

    /// <summary>
    /// The paths the exception handler re-executes the request at (<c>app.UseExceptionHandler("/error")</c>,
    /// <c>ExceptionHandlingPath = "/error"</c>), normalized as <see cref="ActionRoutes.Normalize"/> does: the endpoint
    /// there writes the 500 for every unhandled exception, by design.
    /// </summary>
    public ImmutableArray<string> ExceptionHandlerPaths { get; }

    /// <summary>Whether the endpoint answers at a path the exception handler re-executes requests at.</summary>
    public bool IsExceptionHandler(in Endpoint endpoint)
    {
        if (ExceptionHandlerPaths.IsEmpty)
        {
            return false;
        }

        if (endpoint.Route is { } route)
        {
            return ExceptionHandlerPaths.Contains(ActionRoutes.Normalize(route.Route));
        }

        return endpoint.Kind == EndpointKind.Action && ActionRoutes.AnswersAt(endpoint.Method, ExceptionHandlerPaths);
    }

    /// <summary>
    /// Whether something in the compilation handles unhandled exceptions: <c>UseExceptionHandler(...)</c>, an
    /// <c>IExceptionHandler</c>, or an MVC exception filter.
    /// </summary>
    public bool HandlesExceptions => Has(Setup.HandlesExceptions);

    /// <summary>
    /// Whether the compilation builds its host (<c>WebApplication.CreateBuilder</c> and its kin): a class library of
    /// endpoints does not, and cannot see what its host configures.
    /// </summary>
    public bool BuildsHost => Has(Setup.BuildsHost);

    /// <summary>
    /// The <c>x.Build()</c> calls without arguments in the files that create a host builder: where a
    /// <c>WebApplication</c> may be built (<see cref="ApplicationHost"/> tells which are).
    /// </summary>
    public ImmutableArray<(SyntaxTree Tree, TextSpan Span)> BuildCalls { get; }

    /// <summary><c>AddProblemDetails()</c>, or an own <c>IProblemDetailsService</c>: the framework's bodyless errors can be Problem Details.</summary>
    public bool AddsProblemDetails => Has(Setup.AddsProblemDetails);

    /// <summary>
    /// Whether a fallback authorization policy is set (<c>options.FallbackPolicy = …</c>, <c>SetFallbackPolicy(…)</c>, not
    /// to <c>null</c>): it authorizes every endpoint without authorization metadata of its own.
    /// </summary>
    public bool SetsFallbackPolicy => Has(Setup.SetsFallbackPolicy);

    /// <summary>Whether the fallback policy, as written, requires more than an authenticated user (a role, a claim, an assertion).</summary>
    public bool FallbackPolicyCanForbid => Has(Setup.FallbackPolicyCanForbid);

    /// <summary>Whether the rate limiter has a global limiter (<c>options.GlobalLimiter = …</c>), which applies to every endpoint.</summary>
    public bool SetsGlobalLimiter => Has(Setup.SetsGlobalLimiter);

    /// <summary>
    /// Whether an authentication scheme whose challenge may redirect rather than answer 401 is added (cookies, Identity,
    /// OpenID Connect): then what an unauthenticated request gets is not known from here.
    /// </summary>
    public bool ChallengeMayRedirect => Has(Setup.ChallengeMayRedirect);

    /// <summary><c>ApiBehaviorOptions.SuppressModelStateInvalidFilter = true</c>: <c>[ApiController]</c> does not answer 400 for invalid model state.</summary>
    public bool SuppressesModelStateInvalidFilter => Has(Setup.SuppressesModelStateInvalidFilter);

    /// <summary>
    /// <c>MvcOptions.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true</c>: a non-nullable reference
    /// parameter is not required by model validation.
    /// </summary>
    public bool SuppressesImplicitRequired => Has(Setup.SuppressesImplicitRequired);

    /// <summary><c>services.AddValidation()</c> (.NET 10): route handlers validate their parameters and answer 400.</summary>
    public bool AddsValidation => Has(Setup.AddsValidation);

    /// <summary>
    /// Whether a type of this name is registered as a service (<c>AddSingleton&lt;T&gt;</c>, <c>AddScoped(typeof(T))</c>,
    /// <c>TryAdd…</c>, <c>AddDbContext&lt;T&gt;</c>, <c>AddHttpClient&lt;T&gt;</c>): a parameter of that type is
    /// resolved from the services, not read from the body.
    /// </summary>
    public bool MayBeService(string typeName) => _registeredServices.Contains(typeName);

    /// <summary>
    /// The names of the filter types MVC applies to every action: <c>options.Filters.Add&lt;T&gt;()</c>,
    /// <c>Filters.Add(new T(…))</c>, <c>Filters.Add(typeof(T))</c>, <c>Filters.AddService&lt;T&gt;()</c>.
    /// </summary>
    public ImmutableHashSet<string> GlobalFilters { get; }

    /// <summary>
    /// The codes the OpenAPI setup adds to operations by itself, read where it is in source: an operation transformer or
    /// a Swashbuckle operation filter that sets <c>operation.Responses["401"]</c> (or <c>Add</c>s / <c>TryAdd</c>s it),
    /// and Swashbuckle.AspNetCore.Filters' <c>SecurityRequirementsOperationFilter</c>, which adds 401 and 403 unless
    /// told not to. Taken as documented for every endpoint: the analyzer does not follow the transformer's conditions.
    /// </summary>
    public ImmutableHashSet<int> DocumentedByOpenApiSetup { get; }

    /// <summary>
    /// The status the rate limiter rejects with: <c>RejectionStatusCode</c> when set to a known value, 503 (its
    /// default) when never set, 0 when set to something that cannot be read here or to different values.
    /// </summary>
    public int RejectionStatusCode { get; }

    /// <summary>
    /// The parts of the error pipeline the application lacks, judged from what the compilation calls (nothing when it
    /// maps no endpoint). Exceptions need a handler; bodyless errors need status code pages where something produces
    /// them (a route handler, or controllers with client-error mapping suppressed); both the bare
    /// <c>UseExceptionHandler()</c> and the bare <c>UseStatusCodePages()</c> write through the Problem Details service.
    /// </summary>
    public PipelineParts MissingPipelineParts
    {
        get
        {
            if (!Has(Setup.MapsRouteHandlers) && !Has(Setup.MapsControllers))
            {
                return PipelineParts.None;
            }

            var missing = PipelineParts.None;
            if (!HandlesExceptions)
            {
                missing |= PipelineParts.ExceptionHandler;
            }

            if (!Has(Setup.UsesAnyStatusCodePages) && (Has(Setup.MapsRouteHandlers) || SuppressesClientErrorMapping))
            {
                missing |= PipelineParts.StatusCodePages;
            }

            var writesThroughService = missing != PipelineParts.None
                || (Has(Setup.UsesBareExceptionHandler) && !Has(Setup.ImplementsExceptionHandler))
                || Has(Setup.UsesStatusCodePages);
            if (writesThroughService && !Has(Setup.AddsProblemDetails))
            {
                missing |= PipelineParts.ProblemDetails;
            }

            return missing;
        }
    }

    public static ApplicationFacts Find(Compilation compilation)
    {
        var setup = Setup.None;
        var exceptionHandlerPaths = ImmutableArray<string>.Empty;
        var buildCalls = ImmutableArray<(SyntaxTree, TextSpan)>.Empty;
        var rejectionStatusCode = TreeScan.NotSet;
        var registeredServices = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var globalFilters = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var documentedByOpenApiSetup = ImmutableHashSet.CreateBuilder<int>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = TreeFacts.GetValue(tree, static t => TreeScan.Of(t));
            setup |= facts.Setup;
            documentedByOpenApiSetup.UnionWith(facts.DocumentedByOpenApiSetup);
            registeredServices.UnionWith(facts.RegisteredServices);
            globalFilters.UnionWith(facts.GlobalFilters);
            rejectionStatusCode = TreeScan.Merge(rejectionStatusCode, facts.RejectionStatusCode);
            exceptionHandlerPaths = exceptionHandlerPaths.AddRange(facts.ExceptionHandlerPaths);
            foreach (var span in facts.BuildCalls)
            {
                buildCalls = buildCalls.Add((tree, span));
            }
        }

        return new ApplicationFacts(setup, exceptionHandlerPaths, buildCalls, rejectionStatusCode switch
        {
            TreeScan.NotSet => 503,
            TreeScan.Unknown => 0,
            var code => code,
        }, registeredServices.ToImmutable(), globalFilters.ToImmutable(), documentedByOpenApiSetup.ToImmutable());
    }

    private bool Has(Setup setup) => (_setup & setup) == setup;

    /// <summary>What one file does to set the application up.</summary>
    [Flags]
    private enum Setup : uint
    {
        None = 0,
        SuppressesClientErrors = 1,

        /// <summary><c>AddProblemDetails()</c>, or an own <c>IProblemDetailsService</c>.</summary>
        AddsProblemDetails = 2,

        /// <summary>The bare <c>UseStatusCodePages()</c>, which writes through the Problem Details service.</summary>
        UsesStatusCodePages = 4,

        /// <summary>
        /// <c>UseExceptionHandler(...)</c>, an <c>IExceptionHandler</c>, an MVC exception filter, or a middleware that
        /// catches what the rest of the pipeline throws.
        /// </summary>
        HandlesExceptions = 8,
        BuildsHost = 16,

        /// <summary>Any <c>UseStatusCodePages*</c> call: with its own handler, the app chose what bodyless errors carry.</summary>
        UsesAnyStatusCodePages = 32,

        /// <summary>The bare <c>UseExceptionHandler()</c>, which writes through an <c>IExceptionHandler</c> or the Problem Details service.</summary>
        UsesBareExceptionHandler = 64,
        ImplementsExceptionHandler = 128,

        /// <summary><c>MapGet</c> and its kin: route handlers, whose bodyless errors only status code pages fill.</summary>
        MapsRouteHandlers = 256,
        MapsControllers = 512,

        /// <summary><c>FallbackPolicy = …</c> or <c>SetFallbackPolicy(…)</c> with a policy.</summary>
        SetsFallbackPolicy = 1024,

        /// <summary>The fallback policy requires a role, a claim, a user name, an assertion or a requirement.</summary>
        FallbackPolicyCanForbid = 2048,

        /// <summary><c>GlobalLimiter = …</c>.</summary>
        SetsGlobalLimiter = 4096,

        /// <summary><c>AddCookie</c>, <c>AddIdentity</c>, <c>AddDefaultIdentity</c>, <c>AddOpenIdConnect</c>, <c>AddMicrosoftIdentityWebApp</c>.</summary>
        ChallengeMayRedirect = 8192,

        /// <summary><c>SuppressModelStateInvalidFilter = true</c>.</summary>
        SuppressesModelStateInvalidFilter = 16384,

        /// <summary><c>SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true</c>.</summary>
        SuppressesImplicitRequired = 32768,

        /// <summary><c>AddValidation()</c>.</summary>
        AddsValidation = 65536,
    }

    /// <summary>
    /// What each file says, kept as long as the tree lives: the IDE makes a new compilation on every edit but keeps the
    /// trees of the files not edited, so only the edited file is scanned again.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, TreeScan> TreeFacts = new();

    private sealed class TreeScan
    {
        private static readonly TreeScan Nothing = new(Setup.None, ImmutableArray<string>.Empty, ImmutableArray<TextSpan>.Empty, NotSet, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<int>.Empty);

        /// <summary><c>RejectionStatusCode</c> is not assigned in the file.</summary>
        internal const int NotSet = -1;

        /// <summary><c>RejectionStatusCode</c> is assigned something not read here.</summary>
        internal const int Unknown = -2;

        /// <summary>The rejection status of two files (or two assignments): unknown when they disagree.</summary>
        internal static int Merge(int first, int second) =>
            first == NotSet ? second : second == NotSet || second == first ? first : Unknown;

        // The names a file must mention for its syntax to be read at all, found by a text scan.
        private static readonly string[] Mentions =
        {
            "SuppressMapClientErrors", "AddProblemDetails", "UseStatusCodePages",
            "ExceptionHandl", // UseExceptionHandler, ExceptionHandlingPath, IExceptionHandler
            "ExceptionFilter", // IExceptionFilter, IAsyncExceptionFilter, ExceptionFilterAttribute
            "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder", "CreateDefaultBuilder",
            "ProblemDetailsService", // IProblemDetailsService
            "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapController", "MapDefaultControllerRoute", "MapAreaControllerRoute",
            "Invoke", ".Use(", // a middleware that catches
            "FallbackPolicy", "GlobalLimiter", "RejectionStatusCode", // authorization and rate limiting for every endpoint
            "AddCookie", "AddIdentity", "AddDefaultIdentity", "AddOpenIdConnect", "AddMicrosoftIdentityWebApp",
            "SuppressModelStateInvalidFilter", "SuppressImplicitRequired", "AddValidation", // model validation
            "AddSingleton", "AddScoped", "AddTransient", "TryAdd", "AddKeyed", "AddDbContext", "AddHttpClient", // services
            "Filters.Add", // global MVC filters
            "OperationTransformer", "OperationFilter", // OpenAPI setup that adds responses
        };

        private TreeScan(Setup setup, ImmutableArray<string> exceptionHandlerPaths, ImmutableArray<TextSpan> buildCalls, int rejectionStatusCode, ImmutableArray<string> registeredServices, ImmutableArray<string> globalFilters, ImmutableArray<int> documentedByOpenApiSetup)
        {
            Setup = setup;
            DocumentedByOpenApiSetup = documentedByOpenApiSetup;
            RegisteredServices = registeredServices;
            GlobalFilters = globalFilters;
            RejectionStatusCode = rejectionStatusCode;
            ExceptionHandlerPaths = exceptionHandlerPaths;
            BuildCalls = buildCalls;
        }

        public Setup Setup { get; }

        public ImmutableArray<string> ExceptionHandlerPaths { get; }

        public ImmutableArray<TextSpan> BuildCalls { get; }

        /// <summary>The names of the types the file registers as services (type arguments and <c>typeof</c> of <c>Add*</c> calls).</summary>
        public ImmutableArray<string> RegisteredServices { get; }

        /// <summary>The names of the filter types the file adds to <c>MvcOptions.Filters</c>.</summary>
        public ImmutableArray<string> GlobalFilters { get; }

        /// <summary>The codes the file's operation transformers or operation filters add to every operation's responses.</summary>
        public ImmutableArray<int> DocumentedByOpenApiSetup { get; }

        /// <summary>What the file assigns to <c>RejectionStatusCode</c>: a code, <see cref="NotSet"/> or <see cref="Unknown"/>.</summary>
        public int RejectionStatusCode { get; }

        public static TreeScan Of(SyntaxTree tree)
        {
            if (!tree.TryGetText(out var text))
            {
                text = tree.GetText();
            }

            var mentioned = false;
            var buffer = t_buffer ??= new char[ChunkLength + Overlap];
            for (var start = 0; start < text.Length && !mentioned; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength + Overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                foreach (var mention in Mentions)
                {
                    mentioned |= Contains(buffer, count, mention);
                }
            }

            if (!mentioned)
            {
                return Nothing;
            }

            var setup = Setup.None;
            var exceptionHandlerPaths = ImmutableArray<string>.Empty;
            var buildCalls = ImmutableArray<TextSpan>.Empty;
            var rejectionStatusCode = NotSet;
            var registeredServices = ImmutableArray<string>.Empty;
            var globalFilters = ImmutableArray<string>.Empty;
            var responseCodes = ImmutableArray<int>.Empty;
            var transformsOperations = false;
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case SimpleNameSyntax { Identifier.ValueText: var identifier } when identifier.IndexOf("OperationTransformer", StringComparison.Ordinal) >= 0 || identifier.IndexOf("OperationFilter", StringComparison.Ordinal) >= 0:
                        transformsOperations = true;
                        var typeName = node.Parent is QualifiedNameSyntax qualified && qualified.Right == node ? qualified : node;
                        if (identifier == "SecurityRequirementsOperationFilter" && typeName.Parent is TypeArgumentListSyntax { Parent: GenericNameSyntax { Identifier.ValueText: "OperationFilter" } generic }
                            && generic.Parent?.Parent is InvocationExpressionSyntax { ArgumentList.Arguments: var filterArguments }
                            && (filterArguments.Count == 0 || !filterArguments[0].Expression.IsKind(SyntaxKind.FalseLiteralExpression)))
                        {
                            // Swashbuckle.AspNetCore.Filters: includeUnauthorizedAndForbiddenResponses defaults to true.
                            responseCodes = responseCodes.Add(401).Add(403);
                        }

                        break;
                    case ElementAccessExpressionSyntax { Expression: var responses, ArgumentList.Arguments: { Count: 1 } index } when NamesResponses(responses) && StatusCodeLiteral(index[0].Expression) is { } indexed:
                        responseCodes = responseCodes.Add(indexed);
                        break;
                    case ElementBindingExpressionSyntax { ArgumentList.Arguments: { Count: 1 } index }
                        when node.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { Expression: var responses } && NamesResponses(responses) && StatusCodeLiteral(index[0].Expression) is { } bound:
                        responseCodes = responseCodes.Add(bound);
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when SyntaxNames.NameOf(left) == "FallbackPolicy":
                        setup |= FallbackPolicy(right);
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when SyntaxNames.NameOf(left) == "GlobalLimiter"
                        && !right.IsKind(SyntaxKind.NullLiteralExpression):
                        setup |= Setup.SetsGlobalLimiter;
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when SyntaxNames.NameOf(left) == "RejectionStatusCode":
                        rejectionStatusCode = Merge(rejectionStatusCode, StatusCodeOf(right));
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when right.IsKind(SyntaxKind.TrueLiteralExpression)
                        && SyntaxNames.NameOf(left) is "SuppressMapClientErrors" or "SuppressModelStateInvalidFilter" or "SuppressImplicitRequiredAttributeForNonNullableReferenceTypes":
                        setup |= SyntaxNames.NameOf(left) switch
                        {
                            "SuppressMapClientErrors" => Setup.SuppressesClientErrors,
                            "SuppressModelStateInvalidFilter" => Setup.SuppressesModelStateInvalidFilter,
                            _ => Setup.SuppressesImplicitRequired,
                        };
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when SyntaxNames.NameOf(left) == "ExceptionHandlingPath" && PathOf(right) is { } path:
                        exceptionHandlerPaths = exceptionHandlerPaths.Add(path);
                        break;
                    case SimpleBaseTypeSyntax { Type: var baseType }:
                        setup |= SyntaxNames.RightmostName(baseType) switch
                        {
                            "IExceptionHandler" => Setup.HandlesExceptions | Setup.ImplementsExceptionHandler,
                            "IExceptionFilter" or "IAsyncExceptionFilter" or "ExceptionFilterAttribute" => Setup.HandlesExceptions,
                            "IProblemDetailsService" => Setup.AddsProblemDetails,
                            _ => Setup.None,
                        };
                        break;
                    case MethodDeclarationSyntax { Identifier.ValueText: "Invoke" or "InvokeAsync", ParameterList.Parameters: { Count: > 0 } parameters } method
                        when SyntaxNames.RightmostName(parameters[0].Type) == "HttpContext" && CatchesAll(method):
                        setup |= Setup.HandlesExceptions;
                        break;
                    case InvocationExpressionSyntax { Expression: var callee, ArgumentList: var arguments }:
                        if (SyntaxNames.NameOf(callee) is "Add" or "TryAdd" && arguments.Arguments.Count == 2 && StatusCodeLiteral(arguments.Arguments[0].Expression) is { } added
                            && (callee is MemberAccessExpressionSyntax { Expression: var target } && NamesResponses(target)
                                || callee is MemberBindingExpressionSyntax && node.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { Expression: var conditional } && NamesResponses(conditional)))
                        {
                            responseCodes = responseCodes.Add(added);
                        }

                        if (SyntaxNames.NameOf(callee) is { } called && (called.StartsWith("Add", StringComparison.Ordinal) || called.StartsWith("TryAdd", StringComparison.Ordinal)))
                        {
                            registeredServices = registeredServices.AddRange(ServiceTypes(callee, arguments));
                            if (called is "Add" or "AddService" && callee is MemberAccessExpressionSyntax { Expression: var filters } && SyntaxNames.NameOf(filters) == "Filters")
                            {
                                globalFilters = globalFilters.AddRange(ServiceTypes(callee, arguments));
                                foreach (var argument in arguments.Arguments)
                                {
                                    if (argument.Expression is ObjectCreationExpressionSyntax { Type: var created } && SyntaxNames.RightmostName(created) is { } name)
                                    {
                                        globalFilters = globalFilters.Add(name);
                                    }
                                }
                            }
                        }

                        switch (SyntaxNames.NameOf(callee))
                        {
                            case "AddProblemDetails":
                                setup |= Setup.AddsProblemDetails;
                                break;
                            case "AddValidation":
                                setup |= Setup.AddsValidation;
                                break;
                            case "SetFallbackPolicy" when arguments.Arguments.Count == 1:
                                setup |= FallbackPolicy(arguments.Arguments[0].Expression);
                                break;
                            case "AddCookie" or "AddIdentity" or "AddDefaultIdentity" or "AddOpenIdConnect" or "AddMicrosoftIdentityWebApp":
                                setup |= Setup.ChallengeMayRedirect;
                                break;
                            case "UseStatusCodePages" when arguments.Arguments.Count == 0:
                                setup |= Setup.UsesStatusCodePages | Setup.UsesAnyStatusCodePages;
                                break;
                            case "UseStatusCodePages" or "UseStatusCodePagesWithReExecute" or "UseStatusCodePagesWithRedirects":
                                setup |= Setup.UsesAnyStatusCodePages;
                                break;
                            case "UseExceptionHandler":
                                setup |= Setup.HandlesExceptions | (arguments.Arguments.Count == 0 ? Setup.UsesBareExceptionHandler : Setup.None);
                                if (arguments.Arguments.Count > 0 && PathOf(arguments.Arguments[0].Expression) is { } path)
                                {
                                    exceptionHandlerPaths = exceptionHandlerPaths.Add(path);
                                }

                                break;
                            case "Use" when arguments.Arguments.Count == 1 && arguments.Arguments[0].Expression is AnonymousFunctionExpressionSyntax middleware && CatchesAll(middleware):
                                setup |= Setup.HandlesExceptions;
                                break;
                            case "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder" or "CreateDefaultBuilder":
                                setup |= Setup.BuildsHost;
                                break;
                            case "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods":
                                setup |= Setup.MapsRouteHandlers;
                                break;
                            case "MapControllers" or "MapControllerRoute" or "MapDefaultControllerRoute" or "MapAreaControllerRoute":
                                setup |= Setup.MapsControllers;
                                break;
                            case "Build" when arguments.Arguments.Count == 0 && callee is MemberAccessExpressionSyntax:
                                buildCalls = buildCalls.Add(node.Span);
                                break;
                        }

                        break;
                }
            }

            // A Build() call only builds a host in a file that creates a host builder.
            return new TreeScan(setup, exceptionHandlerPaths, (setup & Setup.BuildsHost) != 0 ? buildCalls : ImmutableArray<TextSpan>.Empty, rejectionStatusCode, registeredServices, globalFilters, transformsOperations ? responseCodes : ImmutableArray<int>.Empty);
        }

        /// <summary>An expression that ends in <c>Responses</c> (<c>operation.Responses</c>, <c>operation.Responses!</c>): an OpenAPI operation's responses.</summary>
        private static bool NamesResponses(ExpressionSyntax expression) => expression switch
        {
            PostfixUnaryExpressionSyntax { Operand: var operand } => NamesResponses(operand),
            _ => SyntaxNames.NameOf(expression) == "Responses",
        };

        /// <summary>A response key written as a literal: <c>"401"</c>.</summary>
        private static int? StatusCodeLiteral(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Token.ValueText.Length == 3
            && int.TryParse(literal.Token.ValueText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            && code >= 100 && code <= 599
                ? code
                : null;

        /// <summary>The names of the types an <c>Add*</c> call names: its type arguments and its <c>typeof(…)</c> arguments.</summary>
        private static IEnumerable<string> ServiceTypes(ExpressionSyntax callee, ArgumentListSyntax arguments)
        {
            var generic = callee switch
            {
                MemberAccessExpressionSyntax { Name: GenericNameSyntax name } => name,
                GenericNameSyntax name => name,
                _ => null,
            };
            if (generic is not null)
            {
                foreach (var type in generic.TypeArgumentList.Arguments)
                {
                    if (SyntaxNames.RightmostName(type) is { } name)
                    {
                        yield return name;
                    }
                }
            }

            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is TypeOfExpressionSyntax { Type: var type } && SyntaxNames.RightmostName(type) is { } name)
                {
                    yield return name;
                }
            }
        }

        /// <summary>
        /// A fallback policy as written: none for <c>null</c>; one that can forbid an authenticated caller when its
        /// builder requires more than authentication.
        /// </summary>
        private static Setup FallbackPolicy(ExpressionSyntax policy)
        {
            if (policy.IsKind(SyntaxKind.NullLiteralExpression))
            {
                return Setup.None;
            }

            foreach (var node in policy.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax { Expression: var callee }
                    && SyntaxNames.NameOf(callee) is "RequireRole" or "RequireClaim" or "RequireUserName" or "RequireAssertion" or "AddRequirements")
                {
                    return Setup.SetsFallbackPolicy | Setup.FallbackPolicyCanForbid;
                }
            }

            return Setup.SetsFallbackPolicy;
        }

        /// <summary>A status written as a number or as a <c>StatusCodes.Status429TooManyRequests</c> constant; else <see cref="Unknown"/>.</summary>
        private static int StatusCodeOf(ExpressionSyntax expression)
        {
            var text = expression switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) => literal.Token.ValueText,
                MemberAccessExpressionSyntax { Expression: var type, Name.Identifier.ValueText: var member }
                    when SyntaxNames.NameOf(type) == "StatusCodes" && member.Length > 9 && member.StartsWith("Status", StringComparison.Ordinal) => member.Substring(6, 3),
                _ => null,
            };

            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code >= 100 && code <= 599
                ? code
                : Unknown;
        }

        /// <summary>
        /// Whether a middleware handles every exception of what it wraps: a <c>catch</c> of anything (no filter, no type or
        /// <c>Exception</c>) that does not throw again, as a logging middleware's does.
        /// </summary>
        private static bool CatchesAll(SyntaxNode middleware)
        {
            foreach (var node in middleware.DescendantNodes())
            {
                if (node is CatchClauseSyntax { Filter: null } clause
                    && (clause.Declaration is null || SyntaxNames.RightmostName(clause.Declaration.Type) == "Exception")
                    && !clause.Block.DescendantNodes().OfType<ThrowStatementSyntax>().Any())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A path written as a string literal, or as <c>new PathString("…")</c>.</summary>
        private static string? PathOf(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => ActionRoutes.Normalize(literal.Token.ValueText),
            BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => PathOf(arguments[0].Expression),
            _ => null,
        };
    }

    // The text is read in chunks into one buffer per thread, not copied whole into a string per file: the scan runs over
    // every file of the compilation (a buffer per file was about 8 KB a file). Chunks overlap by more than the longest
    // name, so no mention falls between two.
    [ThreadStatic]
    private static char[]? t_buffer;

    private const int ChunkLength = 8192;
    private const int Overlap = 32;

    private static bool Contains(char[] buffer, int count, string value)
    {
        var last = count - value.Length;
        for (var i = 0; i <= last; i++)
        {
            if (buffer[i] != value[0])
            {
                continue;
            }

            var matched = 1;
            while (matched < value.Length && buffer[i + matched] == value[matched])
            {
                matched++;
            }

            if (matched == value.Length)
            {
                return true;
            }
        }

        return false;
    }
}
