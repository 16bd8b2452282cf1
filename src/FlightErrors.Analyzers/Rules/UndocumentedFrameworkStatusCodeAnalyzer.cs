using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>FE0006: every status code the framework answers for an endpoint (authorization, rate limiting, reading the request) is documented.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndocumentedFrameworkStatusCodeAnalyzer : DiagnosticAnalyzer
{
    private const string Id = DiagnosticIds.UndocumentedFrameworkStatusCode;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0006);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        // Also endpoints that return nothing themselves (void, async Task): the framework answers for them all the same.
        context.RegisterCompilationStartAction(static start => EndpointRegistration.Register(start, Id, EndpointKinds.Described, Check, alsoWithoutResponses: true));
    }

    private static void Check(in EndpointFacts endpoint, in OperationAnalysisContext context)
    {
        if (endpoint.FrameworkAnswers(context.CancellationToken) is not { } answers)
        {
            return;
        }

        // Documented as every controller that routes the endpoint describes it; what cannot be read fully is left alone.
        var views = endpoint.DeclaredPerController(Id, context.CancellationToken);
        foreach (var view in views)
        {
            if (!view.Declared.IsComplete)
            {
                return;
            }
        }

        foreach (var answer in answers)
        {
            // Added to every operation by the OpenAPI setup (an operation transformer, a Swashbuckle filter).
            if (endpoint.Application.DocumentedByOpenApiSetup.Contains(answer.StatusCode))
            {
                continue;
            }

            var undocumented = -1;
            for (var i = 0; i < views.Length && undocumented < 0; i++)
            {
                if (!views[i].Declared.IsExcludedFromDescription && !views[i].Declared.Documents(answer.StatusCode))
                {
                    undocumented = i;
                }
            }

            if (undocumented < 0)
            {
                continue;
            }

            var properties = FixProperties.Documentation(in endpoint, views[undocumented].Declared, out var additionalLocations);
            FixProperties.SetStatusCode(properties, answer.StatusCode);
            FixProperties.SetMissing(properties, new[] { (answer.StatusCode, ReturnsItself(in endpoint, answer.StatusCode) ? null : answer.BodyType) });
            properties[FixProperties.DocumentAtKey] = answer.Level.ToString();
            if (answer.CauseLocation is { } cause && additionalLocations is { Length: 1 } && cause.SourceTree == additionalLocations[0].SourceTree)
            {
                // A group's cause: the fix documents the code there when that changes no other endpoint's description.
                additionalLocations = new[] { additionalLocations[0], cause };
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FE0006,
                Where(in endpoint),
                additionalLocations,
                properties.ToImmutable(),
                endpoint.Endpoint.Name,
                StatusCodeFacts.Describe(answer.StatusCode),
                answer.Cause));
        }
    }

    /// <summary>
    /// Whether the endpoint's own code answers <paramref name="statusCode"/> too: its body is then the endpoint's as much
    /// as the framework's, and the code is documented with the endpoint's usual error type.
    /// </summary>
    private static bool ReturnsItself(in EndpointFacts endpoint, int statusCode)
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

    /// <summary>
    /// The endpoint itself, inside the member being analyzed (the IDE drops a diagnostic reported elsewhere): an action's
    /// name, a lambda handler's parameter list, a method-group handler's argument of its <c>Map*</c> call.
    /// </summary>
    private static Location Where(in EndpointFacts endpoint)
    {
        if (endpoint.Endpoint.Route is { } route)
        {
            return route.HandlerSyntax switch
            {
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.GetLocation(),
                SimpleLambdaExpressionSyntax lambda => lambda.Parameter.GetLocation(),
                var handler => handler.GetLocation(),
            };
        }

        return endpoint.Endpoint.Declaration is MethodDeclarationSyntax method
            ? method.Identifier.GetLocation()
            : endpoint.Endpoint.Declaration.GetLocation();
    }
}
