using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>
/// Everything the rules share for one compilation: known types, endpoint discovery, the response model, the
/// declaration reader and the options. Created in a compilation-start action; holds no state across compilations.
/// </summary>
internal sealed class EndpointModel
{
    private EndpointModel(KnownTypes types, FlightErrorsOptions.Cache options)
    {
        Types = types;
        Options = options;
        Controllers = new ControllerActions(types);
        Responses = new ResponseInference(types);
        Declarations = new DeclarationReader(types);
    }

    public KnownTypes Types { get; }

    public FlightErrorsOptions.Cache Options { get; }

    public ControllerActions Controllers { get; }

    public ResponseInference Responses { get; }

    public DeclarationReader Declarations { get; }

    /// <summary>The model, or null when the compilation does not reference ASP.NET Core MVC.</summary>
    public static EndpointModel? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider options) =>
        KnownTypes.TryCreate(compilation) is { } types ? new EndpointModel(types, new FlightErrorsOptions.Cache(options)) : null;

    /// <summary>
    /// Whether <paramref name="method"/> is a controller action in the scope configured for <paramref name="ruleId"/>.
    /// </summary>
    public bool IsActionInScope(IMethodSymbol method, FlightErrorsOptions options, string ruleId, out bool isApiController)
    {
        var kind = Controllers.ActionKind(method);
        isApiController = kind == ControllerKind.ApiController;
        return isApiController || (kind == ControllerKind.Controller && options.ControllerScope(ruleId) == ControllerScope.All);
    }
}
