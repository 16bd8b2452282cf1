using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The ASP.NET Core symbols the rules need, resolved once per compilation.
/// <see cref="TryCreate"/> returns null when MVC is not referenced, so the analyzers register nothing.
/// </summary>
internal sealed class KnownTypes
{
    private readonly ConcurrentDictionary<ITypeSymbol, int> _defaultStatusCodes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _resultTypes = new(SymbolEqualityComparer.Default);

    private KnownTypes(Compilation compilation, INamedTypeSymbol? controllerBase, INamedTypeSymbol? result)
    {
        Compilation = compilation;
        ControllerBase = controllerBase;
        Result = result;
        Controller = Get(compilation, "Microsoft.AspNetCore.Mvc.Controller");
        ControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ApiBehaviorMetadata = Get(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata");
        ApiControllerAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");

        ActionResultInterface = Get(compilation, "Microsoft.AspNetCore.Mvc.IActionResult");
        ActionResultOfT = Get(compilation, "Microsoft.AspNetCore.Mvc.ActionResult`1");
        ConvertToActionResult = Get(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.IConvertToActionResult");
        ObjectResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ObjectResult");
        ActionResult = Get(compilation, "Microsoft.AspNetCore.Mvc.ActionResult");
        DefaultStatusCodeAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.DefaultStatusCodeAttribute");
        ClientErrorActionResult = Get(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.IClientErrorActionResult");
        Exception = Get(compilation, "System.Exception");

        ProducesResponseTypeAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute");
        ProducesResponseTypeAttributeOfT = Get(compilation, "Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute`1");
        ProducesAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ProducesAttribute");
        ProducesDefaultResponseTypeAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ProducesDefaultResponseTypeAttribute");
        ApiResponseMetadataProvider = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider");
        ApiConventionMethodAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiConventionMethodAttribute");
        ApiConventionTypeAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiConventionTypeAttribute");
        ApiConventionNameMatchAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionNameMatchAttribute");
        ApiConventionTypeMatchAttribute = Get(compilation, "Microsoft.AspNetCore.Mvc.ApiExplorer.ApiConventionTypeMatchAttribute");

        ProblemDetails = Get(compilation, "Microsoft.AspNetCore.Mvc.ProblemDetails");
        ModelStateDictionary = Get(compilation, "Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary");

        Results = Get(compilation, "Microsoft.AspNetCore.Http.Results");
        TypedResults = Get(compilation, "Microsoft.AspNetCore.Http.TypedResults");
        EndpointMetadataProvider = Get(compilation, "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider");
        StatusCodes = Get(compilation, "Microsoft.AspNetCore.Http.StatusCodes");
        ProducesResponseTypeMetadata = Get(compilation, "Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata");
        HttpValidationProblemDetails = Get(compilation, "Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
        ValidationProblemDetails = Get(compilation, "Microsoft.AspNetCore.Mvc.ValidationProblemDetails");
        ProblemHttpResult = Get(compilation, "Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult");
        ValidationProblemHttpResult = Get(compilation, "Microsoft.AspNetCore.Http.HttpResults.ValidationProblem");

        EndpointRouteBuilderExtensions = Get(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        RouteGroupBuilder = Get(compilation, "Microsoft.AspNetCore.Routing.RouteGroupBuilder");
        RouteHandlerBuilder = Get(compilation, "Microsoft.AspNetCore.Builder.RouteHandlerBuilder");
        EndpointRouteBuilder = Get(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointConventionBuilder = Get(compilation, "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder");
        OpenApiRouteHandlerBuilderExtensions = Get(compilation, "Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions");
        RoutingEndpointConventionBuilderExtensions = Get(compilation, "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions");

        Task = Get(compilation, "System.Threading.Tasks.Task");
        TaskOfT = Get(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = Get(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get(compilation, "System.Threading.Tasks.ValueTask`1");
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? ControllerBase { get; }

    public INamedTypeSymbol? Controller { get; }

    public INamedTypeSymbol? ControllerAttribute { get; }

    public INamedTypeSymbol? NonControllerAttribute { get; }

    public INamedTypeSymbol? NonActionAttribute { get; }

    public INamedTypeSymbol? ApiBehaviorMetadata { get; }

    public INamedTypeSymbol? ApiControllerAttribute { get; }

    public INamedTypeSymbol? ActionResultInterface { get; }

    public INamedTypeSymbol? ActionResultOfT { get; }

    public INamedTypeSymbol? ConvertToActionResult { get; }

    public INamedTypeSymbol? ObjectResult { get; }

    public INamedTypeSymbol? ActionResult { get; }

    public INamedTypeSymbol? DefaultStatusCodeAttribute { get; }

    public INamedTypeSymbol? ClientErrorActionResult { get; }

    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? ProducesResponseTypeAttribute { get; }

    public INamedTypeSymbol? ProducesResponseTypeAttributeOfT { get; }

    public INamedTypeSymbol? ProducesAttribute { get; }

    public INamedTypeSymbol? ProducesDefaultResponseTypeAttribute { get; }

    public INamedTypeSymbol? ApiResponseMetadataProvider { get; }

    public INamedTypeSymbol? ApiConventionMethodAttribute { get; }

    public INamedTypeSymbol? ApiConventionTypeAttribute { get; }

    public INamedTypeSymbol? ApiConventionNameMatchAttribute { get; }

    public INamedTypeSymbol? ApiConventionTypeMatchAttribute { get; }

    public INamedTypeSymbol? ProblemDetails { get; }

    public INamedTypeSymbol? ModelStateDictionary { get; }

    public INamedTypeSymbol? Result { get; }

    public INamedTypeSymbol? Results { get; }

    public INamedTypeSymbol? TypedResults { get; }

    public INamedTypeSymbol? EndpointMetadataProvider { get; }

    public INamedTypeSymbol? StatusCodes { get; }

    public INamedTypeSymbol? ProducesResponseTypeMetadata { get; }

    public INamedTypeSymbol? HttpValidationProblemDetails { get; }

    public INamedTypeSymbol? ValidationProblemDetails { get; }

    /// <summary><c>TypedResults.Problem(...)</c>'s result.</summary>
    public INamedTypeSymbol? ProblemHttpResult { get; }

    /// <summary><c>TypedResults.ValidationProblem(...)</c>'s result.</summary>
    public INamedTypeSymbol? ValidationProblemHttpResult { get; }

    /// <summary><c>MapGet</c>, <c>MapPost</c>, … on <c>IEndpointRouteBuilder</c>.</summary>
    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }

    public INamedTypeSymbol? RouteGroupBuilder { get; }

    /// <summary>What <c>MapGet(pattern, handler)</c> returns; the type <c>.Produces*</c> extends.</summary>
    public INamedTypeSymbol? RouteHandlerBuilder { get; }

    public INamedTypeSymbol? EndpointRouteBuilder { get; }

    public INamedTypeSymbol? EndpointConventionBuilder { get; }

    /// <summary><c>Produces</c>, <c>ProducesProblem</c>, <c>ProducesValidationProblem</c>, <c>ExcludeFromDescription</c>.</summary>
    public INamedTypeSymbol? OpenApiRouteHandlerBuilderExtensions { get; }

    /// <summary><c>WithMetadata</c>, <c>WithName</c>, <c>RequireHost</c>, ….</summary>
    public INamedTypeSymbol? RoutingEndpointConventionBuilderExtensions { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol Disposable { get; }

    /// <summary>Resolves the symbols, or returns null when the compilation references neither MVC nor minimal APIs.</summary>
    public static KnownTypes? TryCreate(Compilation compilation)
    {
        var controllerBase = Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        var result = Get(compilation, "Microsoft.AspNetCore.Http.IResult");
        return controllerBase is null && result is null ? null : new KnownTypes(compilation, controllerBase, result);
    }

    /// <summary>True for MVC action results, <c>ActionResult&lt;T&gt;</c> and minimal-API <c>IResult</c>s.</summary>
    public bool IsResultType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        // Asked for every returned value and every created object: walk a type's interfaces once per compilation.
        if (!_resultTypes.TryGetValue(type, out var isResult))
        {
            isResult = (ActionResultInterface is not null && Implements(type, ActionResultInterface))
                || (ConvertToActionResult is not null && Implements(type, ConvertToActionResult))
                || (Result is not null && Implements(type, Result));
            _resultTypes.TryAdd(type, isResult);
        }

        return isResult;
    }

    /// <summary>
    /// Whether <paramref name="type"/> implements <paramref name="interface"/>, walked once per pair and compilation:
    /// the same few result, attribute and body types are asked about for every endpoint.
    /// </summary>
    public bool Implements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        _implements.GetOrAdd((type, @interface), static pair => pair.Type.Implements(pair.Interface));

    private readonly ConcurrentDictionary<(ITypeSymbol Type, INamedTypeSymbol Interface), bool> _implements = new(SymbolPairComparer.Instance);

    private sealed class SymbolPairComparer : IEqualityComparer<(ITypeSymbol Type, INamedTypeSymbol Interface)>
    {
        public static readonly SymbolPairComparer Instance = new();

        public bool Equals((ITypeSymbol Type, INamedTypeSymbol Interface) x, (ITypeSymbol Type, INamedTypeSymbol Interface) y) =>
            SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && SymbolEqualityComparer.Default.Equals(x.Interface, y.Interface);

        public int GetHashCode((ITypeSymbol Type, INamedTypeSymbol Interface) pair) =>
            (SymbolEqualityComparer.Default.GetHashCode(pair.Type) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(pair.Interface);
    }

    /// <summary>The <c>[DefaultStatusCode]</c> of a result type or its nearest base that has one; 0 when none does.</summary>
    public int GetDefaultStatusCode(ITypeSymbol type)
    {
        if (DefaultStatusCodeAttribute is null)
        {
            return 0;
        }

        return _defaultStatusCodes.GetOrAdd(type, t =>
        {
            for (var current = t; current is not null; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, DefaultStatusCodeAttribute)
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is int code)
                    {
                        return code;
                    }
                }
            }

            return 0;
        });
    }

    /// <summary>Strips <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>; returns null for <c>void</c>, <c>Task</c> and <c>ValueTask</c>.</summary>
    public ITypeSymbol? UnwrapTask(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void
            || SymbolEqualityComparer.Default.Equals(type, Task)
            || SymbolEqualityComparer.Default.Equals(type, ValueTask))
        {
            return null;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, TaskOfT)
                || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTaskOfT)))
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName);
}
