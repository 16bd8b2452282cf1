using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>The verbs of Microsoft.CodeAnalysis.CSharp.CodeFix.Testing, over the in-repo <see cref="AnalyzerTest"/>.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Create(new TAnalyzer().SupportedDiagnostics[0].Id);

    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Create(id);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Fixes one diagnostic at a time until none is left, and runs Fix All in every scope: all must give <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        return test.RunAsync();
    }

    /// <summary>Only Fix All (document, project and solution scope).</summary>
    public static Task VerifyFixAllAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, string? equivalenceKey = null)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipIterativeFix,
        };
        return test.RunAsync();
    }

    public sealed class Test : AnalyzerTest
    {
        public Test()
            : base(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), new TCodeFix())
        {
        }
    }
}

/// <summary>The verbs of Microsoft.CodeAnalysis.CSharp.Analyzer.Testing.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic() => DiagnosticResult.Create(new TAnalyzer().SupportedDiagnostics[0].Id);

    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.Create(id);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : AnalyzerTest
    {
        public Test()
            : base(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), null)
        {
        }
    }
}
