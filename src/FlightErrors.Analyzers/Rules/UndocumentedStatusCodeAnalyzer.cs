using System.Collections.Generic;
using System.Collections.Immutable;
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
        if (endpoint.Declared(Id, context.CancellationToken) is not { IsComplete: true, IsExcludedFromDescription: false } declared)
        {
            return;
        }

        // The first place each undocumented code comes from, in source order. Most endpoints document everything: the
        // list is made only for one that does not.
        List<ProducedResponse>? missing = null;
        bool? serverErrorReportedElsewhere = null;
        foreach (var response in endpoint.Responses.Responses)
        {
            if (declared.Documents(response.StatusCode))
            {
                continue;
            }

            // Where FE0002 is in effect, it reports the 500 made on purpose and its fixes remove it: documenting it too
            // would contradict them, and make `dotnet format` depend on which fix runs first.
            if (response.StatusCode == 500 && (serverErrorReportedElsewhere ??= endpoint.IsReportedBy(Descriptors.FE0002, in context)))
            {
                continue;
            }

            missing ??= new List<ProducedResponse>();
            var index = IndexOf(missing, response.StatusCode);
            if (index < 0)
            {
                missing.Add(response);
            }
            else if (response.Origin.Start < missing[index].Origin.Start)
            {
                missing[index] = response;
            }
        }

        if (missing is null)
        {
            return;
        }

        var properties = FixProperties.Documentation(in endpoint, declared, out var additionalLocations);
        FixProperties.SetMissing(properties, missing);
        foreach (var response in missing)
        {
            FixProperties.SetStatusCode(properties, response.StatusCode);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0001,
                Where(in endpoint, in response),
                additionalLocations,
                properties.ToImmutable(),
                endpoint.Endpoint.Name,
                StatusCodeFacts.Describe(response.StatusCode)));
        }
    }

    /// <summary>
    /// Where the undocumented response comes from; for a handler passed as a method group, the handler where it is
    /// mapped. A diagnostic stays in the member being analyzed: the IDE, which analyzes one member at a time, drops
    /// what an endpoint reports into another member (or file), though a build keeps it.
    /// </summary>
    private static Location Where(in EndpointFacts endpoint, in ProducedResponse response) =>
        endpoint.Endpoint.Route is { IsLambda: false } route ? route.HandlerSyntax.GetLocation() : endpoint.LocationOf(response.Origin);

    private static int IndexOf(List<ProducedResponse> responses, int statusCode)
    {
        for (var i = 0; i < responses.Count; i++)
        {
            if (responses[i].StatusCode == statusCode)
            {
                return i;
            }
        }

        return -1;
    }
}
