using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0001: every status code an endpoint can return is documented.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedStatusCodeAnalyzer : DiagnosticAnalyzer
{
    private const string Id = DiagnosticIds.UndocumentedStatusCode;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0001);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => EndpointRegistration.Register(start, Id, EndpointKinds.Described, Check));
    }

    private static void Check(in EndpointFacts endpoint, in OperationAnalysisContext context)
    {
        // One description per controller that routes the endpoint: an inherited action is described once for each
        // controller that inherits it. One that cannot be read fully silences the rule; one left out of the
        // description needs nothing.
        var views = endpoint.DeclaredPerController(Id, context.CancellationToken);
        foreach (var view in views)
        {
            if (!view.Declared.IsComplete)
            {
                return;
            }
        }

        // The first place each undocumented code comes from, in source order, with the first controller that leaves it
        // undocumented. Most endpoints document everything: the list is made only for one that does not.
        List<(ProducedResponse Response, int View)>? missing = null;
        bool? serverErrorReportedElsewhere = null;
        foreach (var response in endpoint.Responses.Responses)
        {
            var view = UndocumentedIn(views, response.StatusCode);
            if (view < 0)
            {
                continue;
            }

            // Where FE0002 is in effect, it reports the 500 made on purpose and its fixes remove it: documenting it too
            // would contradict them, and make `dotnet format` depend on which fix runs first.
            if (response.StatusCode == 500 && (serverErrorReportedElsewhere ??= endpoint.IsReportedBy(Descriptors.FE0002, in context)))
            {
                continue;
            }

            missing ??= new List<(ProducedResponse, int)>();
            var index = IndexOf(missing, response.StatusCode);
            if (index < 0)
            {
                missing.Add((response, view));
            }
            else if (response.Origin.Start < missing[index].Response.Origin.Start)
            {
                missing[index] = (response, view);
            }
        }

        if (missing is null)
        {
            return;
        }

        var properties = FixProperties.Documentation(in endpoint, views[missing[0].View].Declared, out var additionalLocations);
        FixProperties.SetMissing(properties, missing.Select(m => m.Response));
        foreach (var (response, view) in missing)
        {
            FixProperties.SetStatusCode(properties, response.StatusCode);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0001,
                Where(in endpoint, in response),
                additionalLocations,
                properties.ToImmutable(),
                endpoint.Endpoint.Name,
                StatusCodeFacts.Describe(response.StatusCode),
                Why(views[view], response.StatusCode)));
        }
    }

    /// <summary>The first description that leaves <paramref name="statusCode"/> undocumented, or -1 when none does.</summary>
    private static int UndocumentedIn(ImmutableArray<ControllerDeclarations> views, int statusCode)
    {
        for (var i = 0; i < views.Length; i++)
        {
            if (!views[i].Declared.IsExcludedFromDescription && !views[i].Declared.Documents(statusCode))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// What the message adds: the controller that leaves an inherited action's code undocumented, and what took away
    /// the implicit 200 when the action itself declares nothing.
    /// </summary>
    private static string Why(ControllerDeclarations view, int statusCode)
    {
        var controller = view.Controller is { } inheritor ? " in '" + inheritor.Name + "'" : string.Empty;
        return statusCode == 200 ? controller + Why200IsUndocumented(view.Declared.ImplicitOkReplacedBy) : controller;
    }

    /// <summary>Why a plain <c>Ok()</c> is reported when the action itself declares nothing: what replaced its implicit 200.</summary>
    private static string Why200IsUndocumented(ImplicitOkReplacement replacement) => replacement switch
    {
        ImplicitOkReplacement.ControllerAttributes => ": the controller's response attributes replace the implicit 200",
        ImplicitOkReplacement.Convention => ": the API convention's responses replace the implicit 200",
        _ => string.Empty,
    };

    /// <summary>
    /// Where the undocumented response comes from; for a handler passed as a method group, the handler where it is
    /// mapped. A diagnostic stays in the member being analyzed: the IDE, which analyzes one member at a time, drops
    /// what an endpoint reports into another member (or file), though a build keeps it.
    /// </summary>
    private static Location Where(in EndpointFacts endpoint, in ProducedResponse response) =>
        endpoint.Endpoint.Route is { IsLambda: false } route ? route.HandlerSyntax.GetLocation() : endpoint.LocationOf(response.Origin);

    private static int IndexOf(List<(ProducedResponse Response, int View)> responses, int statusCode)
    {
        for (var i = 0; i < responses.Count; i++)
        {
            if (responses[i].Response.StatusCode == statusCode)
            {
                return i;
            }
        }

        return -1;
    }
}
