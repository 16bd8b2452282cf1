using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// FE0008: <c>response.WriteAsJsonAsync(problem)</c>, <c>Results.Json(problem)</c> or <c>TypedResults.Json(problem)</c>
/// with a Problem Details value and no <c>application/problem+json</c> content type: each writes
/// <c>application/json; charset=utf-8</c> unless it is given one. Anywhere in the application, not only in endpoints;
/// a content type that is not a constant is not judged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProblemDetailsWrittenAsJsonAnalyzer : DiagnosticAnalyzer
{
    /// <summary>What <c>WriteAsJsonAsync</c> writes when no content type is given (<c>ContentTypeConstants.JsonContentTypeWithCharset</c>).</summary>
    internal const string DefaultContentType = "application/json; charset=utf-8";

    internal const string ProblemContentType = "application/problem+json";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FE0008);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; ReportDiagnostics spares the driver a check of every diagnostic against
        // the generated code of its file (docs/architecture.md#invariants).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (AnalysisSession.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider) is null
                || start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ProblemDetails") is not { } problemDetails
                || start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponseJsonExtensions") is not { } extensions)
            {
                return;
            }

            var writers = new Writers(
                extensions,
                start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results"),
                start.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults"));
            start.RegisterOperationAction(context => Check(context, writers, problemDetails), OperationKind.Invocation);
        });
    }

    private static void Check(in OperationAnalysisContext context, Writers writers, INamedTypeSymbol problemDetails)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!writers.Writes(invocation.TargetMethod))
        {
            return;
        }

        ITypeSymbol? written = null;
        var contentType = DefaultContentType;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "value" or "data":
                    written = argument.Value.WalkDownConversions().Type;
                    break;
                case "contentType" when argument.ArgumentKind == ArgumentKind.Explicit:
                    // A content type that is not a constant is not judged: what cannot be read stays silent.
                    var constant = argument.Value.ConstantValue;
                    if (!constant.HasValue)
                    {
                        return;
                    }

                    contentType = constant.Value as string ?? DefaultContentType;
                    break;
            }
        }

        if (!written.InheritsFromOrEquals(problemDetails) || contentType.StartsWith(ProblemContentType, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.FE0008, invocation.Syntax.GetLocation(), written!.Name, contentType));
    }

    /// <summary>The JSON writers that take a content type: <c>HttpResponse.WriteAsJsonAsync</c>, <c>Results.Json</c>, <c>TypedResults.Json</c>.</summary>
    private sealed class Writers
    {
        private readonly INamedTypeSymbol _extensions;
        private readonly INamedTypeSymbol? _results;
        private readonly INamedTypeSymbol? _typedResults;

        public Writers(INamedTypeSymbol extensions, INamedTypeSymbol? results, INamedTypeSymbol? typedResults)
        {
            _extensions = extensions;
            _results = results;
            _typedResults = typedResults;
        }

        public bool Writes(IMethodSymbol method) => method.Name switch
        {
            "WriteAsJsonAsync" => SymbolEqualityComparer.Default.Equals(method.ContainingType, _extensions),
            "Json" => SymbolEqualityComparer.Default.Equals(method.ContainingType, _results) || SymbolEqualityComparer.Default.Equals(method.ContainingType, _typedResults),
            _ => false,
        };
    }
}
