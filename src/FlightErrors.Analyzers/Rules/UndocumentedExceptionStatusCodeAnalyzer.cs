using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0005: every status code an endpoint can answer through a thrown, mapped exception is documented.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedExceptionStatusCodeAnalyzer : DiagnosticAnalyzer
{
    private const string Id = DiagnosticIds.UndocumentedExceptionStatusCode;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0005);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => EndpointRegistration.Register(start, Id, EndpointKinds.Described, Check, alsoWithoutResponses: true));
    }

    private static void Check(in EndpointFacts endpoint, in OperationAnalysisContext context)
    {
        // No mapper, no mapped code: the exception handler's 500 needs no documentation.
        var map = endpoint.ExceptionMap;
        if (map.IsEmpty)
        {
            return;
        }

        // The first throw (by its place in the endpoint) of each mapped error code. Most endpoints throw none, and
        // then their documentation is not read at all.
        List<(EscapingThrow Thrown, ExceptionMapping Mapping, int Status)>? mapped = null;
        // Indexed rather than enumerated: the list comes as an interface, whose enumerator would be boxed.
        var escaping = endpoint.EscapingExceptions(context.CancellationToken);
        for (var i = 0; i < escaping.Count; i++)
        {
            var thrown = escaping[i];
            if (map.Find(thrown.Type, endpoint.Endpoint) is not { } mapping
                || mapping.StatusFor(in thrown) is not int status || !StatusCodeFacts.IsError(status) || status == 500)
            {
                continue;
            }

            mapped ??= new List<(EscapingThrow, ExceptionMapping, int)>(2);
            var index = mapped.FindIndex(m => m.Status == status);
            if (index < 0)
            {
                mapped.Add((thrown, mapping, status));
            }
            else if (thrown.Entry.Start < mapped[index].Thrown.Entry.Start)
            {
                mapped[index] = (thrown, mapping, status);
            }
        }

        var views = mapped is null ? ImmutableArray<ControllerDeclarations>.Empty : endpoint.DeclaredPerController(Id, context.CancellationToken);
        if (views.IsEmpty || !ControllerDeclarations.AllComplete(views))
        {
            return;
        }

        // Those a description leaves out.
        List<(EscapingThrow Thrown, ExceptionMapping Mapping, int Status, int View)>? missing = null;
        bool? returnsReportedElsewhere = null;
        foreach (var (thrown, mapping, status) in mapped!)
        {
            if (ControllerDeclarations.FirstUndocumenting(views, status) is var view && view < 0)
            {
                continue;
            }

            // A code the endpoint also returns is FE0001's to report and fix: one finding, one fix.
            if (Returns(in endpoint, status) && (returnsReportedElsewhere ??= endpoint.IsReportedBy(Descriptors.FE0001, in context)))
            {
                continue;
            }

            missing ??= new List<(EscapingThrow, ExceptionMapping, int, int)>();
            missing.Add((thrown, mapping, status, view));
        }

        if (missing is null)
        {
            return;
        }

        // Plain Problem Details is what an error code is documented with anyway; another body (validation) is named.
        var properties = FixProperties.Documentation(in endpoint, views[0].Declared, out var documentationLocations);
        FixProperties.SetMissing(properties, missing.Select(static m => (m.Status, m.Mapping.BodyType is { Name: not "ProblemDetails" } body ? body : null)));
        foreach (var (thrown, mapping, status, view) in missing)
        {
            FixProperties.SetStatusCode(properties, status);
            var additional = new List<Location>(documentationLocations ?? System.Array.Empty<Location>())
            {
                Location.Create(thrown.Tree, thrown.Span),
                Location.Create(mapping.Tree, mapping.Span),
            };
            var where = endpoint.Endpoint.Route is { IsLambda: false } route ? route.HandlerSyntax.GetLocation() : endpoint.LocationOf(thrown.Entry);
            var exception = thrown.Type.Name + (thrown.ThrownIn is { } method ? " from " + method : " thrown here");
            var controller = views[view].Controller is { } inheritor ? " in '" + inheritor.Name + "'" : string.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0005, where, additional, properties.ToImmutable(),
                endpoint.Endpoint.Name, StatusCodeFacts.Describe(status), exception, mapping.Mapper.Name, controller));
        }
    }

    private static bool Returns(in EndpointFacts endpoint, int statusCode)
    {
        foreach (var response in endpoint.Responses.Responses)
        {
            if (response.StatusCode == statusCode)
            {
                return true;
            }
        }

        return false;
    }
}
