using System.Collections.Immutable;
using System.Threading.Tasks;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = FlightErrors.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    FlightErrors.Analyzers.InvalidOptionValueAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace FlightErrors.Analyzers.Tests.Rules;

/// <summary>FE0900: an invalid option value is reported once per compilation, by key and value (issue 14, item 17).</summary>
public sealed class FE0900InvalidOptionValueTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("flights")]
        public sealed class FlightsController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok();
        }
        """;

    private const string Gates = """
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("gates")]
        public sealed class GatesController : ControllerBase
        {
            [HttpGet]
            public IActionResult Get() => Ok();
        }
        """;

    private const string Scopes = "api or all";
    private const string Codes = "a comma-separated list of status codes from 100 to 599";
    private const string XmlResponses = "auto, documented or ignored";
    private const string StatusCodePages = "auto, enabled or disabled";

    public static TheoryData<string, string, string, string> InvalidValues => new()
    {
        { OptionKeys.ControllerScope(), "everything", Scopes, "api" },
        { OptionKeys.ControllerScope(DiagnosticIds.UndocumentedStatusCode), "sideways", Scopes, "api" },
        { OptionKeys.DocumentedStatusCodes(), "4xx, teapot", Codes, "no codes" },
        { OptionKeys.DocumentedStatusCodes(), "503, 401, teapot, 9999", Codes, "401, 503" },
        { OptionKeys.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode), "404, -1", Codes, "404" },
        { OptionKeys.XmlResponses(), "sometimes", XmlResponses, "auto" },
        { OptionKeys.XmlResponses(DiagnosticIds.UndocumentedStatusCode), "true", XmlResponses, "auto" },
        { OptionKeys.StatusCodePages(), "on", StatusCodePages, "auto" },
        { OptionKeys.StatusCodePages(DiagnosticIds.ErrorBodyNotProblemDetails), "problem details", StatusCodePages, "auto" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public Task Invalid_value_is_reported_with_its_key_and_value(string key, string value, string accepted, string usedInstead)
    {
        return new VerifyCS.Test
        {
            TestCode = Source,
            EditorConfig = $"{key} = {value}",
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithMessage($"'{key}' has the invalid value '{value}', which is not {accepted}; the analyzers use {usedInstead} instead"),
            },
        }.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("flight_errors.unrelated_option = everything")]
    [InlineData("{0} = api\n{1} = 401, 500 503  429\n{2} = documented\n{3} = enabled")]
    [InlineData("{0} = ALL\n{1} = 404\n{2} = Ignored\n{3} = Disabled")]
    [InlineData("{0} = all \n{1} =\n{2} = auto\n{3} = auto")]
    [InlineData("{0} =\n{1} =\n{2} =\n{3} =")]
    public Task Valid_empty_and_absent_values_are_not_reported(string editorConfig)
    {
        return new VerifyCS.Test
        {
            TestCode = Source,
            EditorConfig = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                editorConfig,
                OptionKeys.ControllerScope(),
                OptionKeys.DocumentedStatusCodes(DiagnosticIds.UndocumentedStatusCode),
                OptionKeys.XmlResponses(),
                OptionKeys.StatusCodePages(DiagnosticIds.ErrorBodyNotProblemDetails)),
        }.RunAsync();
    }

    // Two sections (and so two sets of options for the two files) carry the same key and value: one report.
    [Fact]
    public Task A_value_set_in_two_sections_is_reported_once()
    {
        var test = new VerifyCS.Test
        {
            EditorConfig = $"{OptionKeys.ControllerScope()} = everything\n{OptionKeys.XmlResponses()} = documented\n\n[Test1.cs]\n{OptionKeys.ControllerScope()} = everything",
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithArguments(OptionKeys.ControllerScope(), "everything", Scopes, "api"),
            },
        };
        test.TestState.Sources.Add(Source);
        test.TestState.Sources.Add(Gates);
        return test.RunAsync();
    }

    // A global config and an .editorconfig section that set the same value: one report.
    [Fact]
    public Task A_value_set_in_a_global_config_and_an_editorconfig_is_reported_once()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Source,
            EditorConfig = $"{OptionKeys.StatusCodePages()} = on",
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithArguments(OptionKeys.StatusCodePages(), "on", StatusCodePages, "auto"),
            },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{OptionKeys.StatusCodePages()} = on\n"));
        return test.RunAsync();
    }

    // Different values of one key, and one value under the general and a rule's key, are different mistakes.
    [Fact]
    public Task Each_distinct_key_and_value_is_reported()
    {
        var test = new VerifyCS.Test
        {
            EditorConfig = $"{OptionKeys.ControllerScope()} = everything\n{OptionKeys.ControllerScope(DiagnosticIds.ErrorBodyNotProblemDetails)} = everything\n\n[Test1.cs]\n{OptionKeys.ControllerScope()} = nothing",
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithArguments(OptionKeys.ControllerScope(), "everything", Scopes, "api"),
                VerifyCS.Diagnostic().WithArguments(OptionKeys.ControllerScope(), "nothing", Scopes, "api"),
                VerifyCS.Diagnostic().WithArguments(OptionKeys.ControllerScope(DiagnosticIds.ErrorBodyNotProblemDetails), "everything", Scopes, "api"),
            },
        };
        test.TestState.Sources.Add(Source);
        test.TestState.Sources.Add(Gates);
        return test.RunAsync();
    }

    // A diagnostic without a location belongs to no file, so only a global config (or NoWarn) sets its severity: the
    // rule page says so.
    [Fact]
    public Task A_global_config_turns_the_rule_off()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Source,
            EditorConfig = $"{OptionKeys.ControllerScope()} = everything",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.FE0900.severity = none\n"));
        return test.RunAsync();
    }

    // Without ASP.NET Core the options are never read, and nothing is reported (docs/architecture.md, invariant 2).
    [Fact]
    public Task Nothing_is_reported_without_asp_net_core()
    {
        return new VerifyCS.Test
        {
            TestCode = "public sealed class Flight { }",
            EditorConfig = $"{OptionKeys.ControllerScope()} = everything",
            ReferenceSets = ImmutableArray.Create(ReferenceAssemblies.Net.Net80.WithNuGetConfigFilePath(System.IO.Path.Combine(ReferenceSets.RepositoryRoot, "nuget.config"))),
        }.RunAsync();
    }
}
