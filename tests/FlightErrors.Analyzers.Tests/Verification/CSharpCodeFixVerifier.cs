using System;
using System.Collections.Immutable;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>
/// The verbs of Microsoft.CodeAnalysis.CSharp.CodeFix.Testing with this project's settings (<see cref="Test"/>):
/// every run checks the input's diagnostics (ID, span, message when given) with the input compiling apart from
/// expected compiler errors; the fix one diagnostic at a time; and Fix All in document, project and solution scope
/// in exactly one iteration, whose result must compile.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// The analyzer's diagnostic. Its additional locations (the declarations a fix edits, handed over to the fixer)
    /// are not compared: tests place the diagnostic itself with markup.
    /// </summary>
    public static DiagnosticResult Diagnostic() =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic().WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static DiagnosticResult Diagnostic(string id) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Fixing one diagnostic at a time and Fix All in every scope must both give <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, string? equivalenceKey = null) =>
        new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey }.RunAsync();

    /// <summary>
    /// Fixing one diagnostic at a time with <paramref name="equivalenceKey"/> gives <paramref name="fixedSource"/>, whose
    /// markup marks the diagnostics that key does not fix; Fix All started with that key gives <paramref name="batchFixedSource"/>
    /// in every scope.
    /// </summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource, [StringSyntax("C#-test")] string batchFixedSource, string? equivalenceKey) =>
        new Test
        {
            TestCode = source,
            FixedState = { MarkupHandling = MarkupMode.Allow },
            FixedCode = fixedSource,
            BatchFixedCode = batchFixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        }.RunAsync();

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // The input and every fixed state must compile: a compiler error fails the test unless markup expects it.
            CompilerDiagnostics = CompilerDiagnostics.Errors;

            // The README promises that one `dotnet format` run fixes everything: Fix All gets one pass in every scope.
            NumberOfFixAllIterations = 1;
            NumberOfFixAllInDocumentIterations = 1;
            NumberOfFixAllInProjectIterations = 1;
        }

        /// <summary>The reference sets the test runs against, one after the other: ASP.NET Core 10 and 8 unless set.</summary>
        public ImmutableArray<ReferenceAssemblies> ReferenceSets { get; set; } = Verification.ReferenceSets.All;

        /// <summary>Lines of an <c>.editorconfig</c> section <c>[*.cs]</c> applied to every source.</summary>
        public string? EditorConfig { get; set; }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (ReferenceSets.IsDefaultOrEmpty)
            {
                throw new InvalidOperationException("A test needs at least one reference set.");
            }

            if (FixedState.Sources.Count > 0 && SameSources(TestState, FixedState))
            {
                // A fixed state equal to the input says "no fix is offered": then no code action may change anything,
                // one diagnostic at a time or in a Fix All.
                NumberOfIncrementalIterations = 0;
                NumberOfFixAllIterations = 0;
                NumberOfFixAllInDocumentIterations = 0;
                NumberOfFixAllInProjectIterations = 0;
            }

            if (EditorConfig is not null)
            {
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + EditorConfig + "\n"));
            }

            foreach (var set in ReferenceSets)
            {
                ReferenceAssemblies = set;
                try
                {
                    await base.RunImplAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException && ReferenceSets.Length > 1)
                {
                    throw new Xunit.Sdk.XunitException($"[{Verification.ReferenceSets.NameOf(set)}] {e.Message}", e);
                }
            }
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

        private static bool SameSources(SolutionState input, SolutionState fixedState) =>
            input.Sources.Count == fixedState.Sources.Count
            && input.Sources.Zip(fixedState.Sources).All(pair => pair.First.content.ToString() == pair.Second.content.ToString());
    }
}
