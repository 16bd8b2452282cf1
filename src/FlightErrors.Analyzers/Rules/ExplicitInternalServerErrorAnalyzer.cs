using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0002: an endpoint (a controller or a minimal-API handler) produces 500 Internal Server Error on purpose.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExplicitInternalServerErrorAnalyzer : DiagnosticAnalyzer
{
    private const string Id = DiagnosticIds.ExplicitInternalServerError;

    /// <summary>What the fixes may return instead; a fix that returns a code the endpoint does not document documents it too.</summary>
    private static readonly int[] Alternatives = { 500, 502, 503, 504 };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0002);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => EndpointRegistration.Register(start, Id, EndpointKinds.All, Check));
    }

    private static void Check(in EndpointFacts endpoint, in OperationAnalysisContext context)
    {
        ImmutableDictionary<string, string?>? properties = null;
        Location[]? additionalLocations = null;
        var documentationRead = false;
        foreach (var response in endpoint.ProducedHere())
        {
            if (response.StatusCode != 500)
            {
                continue;
            }

            if (!documentationRead)
            {
                // The endpoint the exception handler re-executes at writes the 500 for every unhandled exception.
                if (endpoint.IsExceptionHandler)
                {
                    return;
                }

                documentationRead = true;
                properties = DocumentationOfAlternatives(in endpoint, in context, out additionalLocations);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0002,
                endpoint.LocationOf(response.Producer),
                additionalLocations,
                BulkFixOf(in endpoint, in response, properties, context.CancellationToken),
                endpoint.Endpoint.Name));
        }
    }

    /// <summary>
    /// What Fix All may apply here unread: inside a catch, 502 for an upstream failure, 504 for a timeout, and for
    /// anything else a rethrow (see <see cref="RethrowOrNone"/>); elsewhere the fix that started Fix All decides.
    /// </summary>
    private static ImmutableDictionary<string, string?>? BulkFixOf(in EndpointFacts endpoint, in ProducedResponse response, ImmutableDictionary<string, string?>? properties, CancellationToken cancellationToken) =>
        endpoint.CaughtAt(response.Producer, cancellationToken) switch
        {
            CaughtFailure.Upstream => FixProperties.WithBulkFix(properties, BulkFix.Return502),
            CaughtFailure.Timeout => FixProperties.WithBulkFix(properties, BulkFix.Return504),
            CaughtFailure.Unexpected => RethrowOrNone(in endpoint, properties),
            _ => properties,
        };

    /// <summary>
    /// A rethrow where something writes the exception's 500: the application's exception handler, one the fix adds with
    /// the rethrow (FE0004's), or a host out of sight (a class library's, or setup handed to another assembly).
    /// </summary>
    private static ImmutableDictionary<string, string?> RethrowOrNone(in EndpointFacts endpoint, ImmutableDictionary<string, string?>? properties)
    {
        var application = endpoint.Application;
        if (application.HandlesExceptions || !application.BuildsHost || endpoint.HostSetupOutOfSight)
        {
            return FixProperties.WithBulkFix(properties, BulkFix.Rethrow);
        }

        return (endpoint.MissingPipelineParts & PipelineParts.ExceptionHandler) != 0 && endpoint.CanCompletePipeline
            ? FixProperties.WithCompletedPipeline(FixProperties.WithBulkFix(properties, BulkFix.Rethrow))
            : FixProperties.WithBulkFix(properties, BulkFix.None);
    }

    /// <summary>
    /// How the fixes document the alternative they return, when the endpoint's codes are checked for documentation and
    /// it does not document that one: read with the documentation rule's options (its scope and its documented codes),
    /// so that the fix adds what that rule would ask for, and nothing it would not.
    /// </summary>
    private static ImmutableDictionary<string, string?>? DocumentationOfAlternatives(in EndpointFacts endpoint, in OperationAnalysisContext context, out Location[]? additionalLocations)
    {
        additionalLocations = null;
        const string documentationRule = DiagnosticIds.UndocumentedStatusCode;
        if (!endpoint.Endpoint.IsInScope(documentationRule)
            || endpoint.Declared(documentationRule, context.CancellationToken)
                is not { IsComplete: true, IsExcludedFromDescription: false } declared)
        {
            return null;
        }

        var properties = FixProperties.Documentation(in endpoint, declared, out additionalLocations);
        if (!FixProperties.SetUndocumented(properties, declared, Alternatives))
        {
            additionalLocations = null;
            return null;
        }

        return properties.ToImmutable();
    }
}
