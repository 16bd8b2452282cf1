using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace FlightErrors.Analyzers.EndToEnd.ApiExplorerAgreement;

/// <summary>
/// The referee of what FE0001 counts as documented (issue 14, "Done when"): for every code a case marks with
/// "// returns N", FE0001 reports it exactly when the real ApiExplorer of ASP.NET Core 10 does not list it for that
/// endpoint, and stays silent for an endpoint ApiExplorer leaves out (nothing to document). The OpenAPI document of
/// Microsoft.AspNetCore.OpenApi must say the same as ApiExplorer. A 500 that FE0002 reports on the endpoint is FE0002's
/// (FE0001's page): FE0001's silence about it agrees.
/// </summary>
/// <remarks>
/// A case is one file in Cases/: controllers and/or a <c>public static void Map(WebApplication app)</c>, with common
/// usings supplied, and optionally a <c>public static void AddServices(IServiceCollection services)</c> whose
/// <c>AddOpenApi</c> call Microsoft.AspNetCore.OpenApi's XML comment generator intercepts (the referee runs it on each
/// case). An XML <c>&lt;response code="N"&gt;text&lt;/response&gt;</c> whose code the document lists must give it that
/// description, or the generator is not wired. A line "// Known disagreement: &lt;endpoint&gt; &lt;code&gt;: why" in a case records a disagreement
/// found and not yet fixed; the test then asserts that exactly those disagree, so a fix shows up as a failure that
/// asks to remove the line.
/// </remarks>
public sealed partial class ApiExplorerAgreementTests(ITestOutputHelper output)
{
    private const string ResourcePrefix = "ApiExplorerAgreement.Cases.";

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var resource in typeof(ApiExplorerAgreementTests).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                cases.Add(resource[ResourcePrefix.Length..^".cs".Length]);
            }
        }

        return cases;
    }

    [Fact]
    public void Cases_are_found()
    {
        Assert.True(Cases().Count >= 10, "The Cases/ files are embedded resources; the project file includes them.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FE0001_reports_exactly_what_ApiExplorer_does_not_list(string name)
    {
        var source = Source(name);
        var compiled = await CaseCompilation.CreateAsync(name, source);
        var framework = await FrameworkDescription.DescribeAsync(compiled.Assembly);
        var problems = new List<string>();

        Assert.NotEmpty(compiled.Markers);
        problems.AddRange(compiled.Findings.Where(f => f.Id == "AD0001").Select(f => $"an analyzer threw: {f.Message}"));
        foreach (var endpoint in compiled.Markers.Select(m => m.Endpoint).Distinct())
        {
            if (!framework.Routed.Any(endpoint.Covers))
            {
                problems.Add($"'{endpoint}' is marked but not in the routing table (routed: {string.Join("; ", framework.Routed)}); the case or the referee's naming is wrong");
            }
        }

        // FE0001 must report nothing the case does not mark, or the case does not say what the endpoint returns.
        foreach (var finding in compiled.Findings.Where(f => f.Id == DiagnosticIds.UndocumentedStatusCode))
        {
            if (!compiled.Markers.Any(m => m.Endpoint == finding.Endpoint && m.StatusCode == finding.StatusCode))
            {
                problems.Add($"line {finding.Line}: FE0001 reports {finding.StatusCode} for '{finding.Endpoint}', which no marker names: \"{finding.Message}\"");
            }
        }

        var disagreements = new List<Verdict>();
        foreach (var (endpoint, code) in compiled.Markers.Select(m => (m.Endpoint, m.StatusCode)).Distinct())
        {
            var verdict = Verdict.Of(endpoint, code, compiled, framework);
            output.WriteLine((verdict.Agrees ? "agrees: " : "DISAGREES: ") + verdict);
            if (verdict.FrameworkDisagrees)
            {
                problems.Add(verdict.ToString());
            }

            if (!verdict.Agrees)
            {
                disagreements.Add(verdict);
            }
        }

        // An XML <response> whose code the document lists must describe it there: the proof that the case's
        // Microsoft.AspNetCore.OpenApi XML comment generator ran and is wired (it describes only listed codes).
        foreach (Match response in XmlResponse().Matches(source))
        {
            var code = int.Parse(response.Groups["code"].Value);
            var description = response.Groups["description"].Value.Trim();
            if (framework.OpenApi.Any(o => o.Codes.Contains(code)) && !framework.ResponseDescriptions.Contains((code, description)))
            {
                problems.Add($"the OpenAPI document lists {code} but not with the XML description \"{description}\": the XML comment generator is not wired (responses: {string.Join("; ", framework.ResponseDescriptions)})");
            }
        }

        var known = KnownDisagreement().Matches(source).Select(m => (Endpoint: m.Groups["endpoint"].Value, Code: int.Parse(m.Groups["code"].Value))).ToList();
        foreach (var disagreement in disagreements.Where(d => !known.Contains((d.Endpoint.ToString(), d.Code))))
        {
            problems.Add(disagreement.ToString());
        }

        foreach (var (endpoint, code) in known.Where(k => !disagreements.Any(d => d.Endpoint.ToString() == k.Endpoint && d.Code == k.Code)))
        {
            problems.Add($"'{endpoint}' {code} is listed as a known disagreement but FE0001 and ApiExplorer agree now: remove the line from the case");
        }

        Assert.True(problems.Count == 0, $"Case '{name}':{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    private static string Source(string name)
    {
        using var stream = typeof(ApiExplorerAgreementTests).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".cs")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"<response\s+code=""(?<code>\d{3})""\s*>(?<description>[^<]+)</response>")]
    private static partial Regex XmlResponse();

    [GeneratedRegex(@"^//\s*Known disagreement:\s*(?<endpoint>.+?)\s+(?<code>\d{3})\s*:", RegexOptions.Multiline)]
    private static partial Regex KnownDisagreement();

    /// <summary>One marked (endpoint, code) judged: what FE0001 said, what ApiExplorer and the OpenAPI document list.</summary>
    private sealed record Verdict(
        string Case,
        EndpointKey Endpoint,
        int Code,
        IReadOnlyList<Described> ApiExplorer,
        IReadOnlyList<Described> OpenApi,
        IReadOnlyList<Finding> Reported,
        bool LeftToFE0002)
    {
        /// <summary>ApiExplorer describes the endpoint (in one or more descriptions) and one of them lacks the code.</summary>
        public bool Undocumented => ApiExplorer.Any(d => !d.Documents(Code));

        /// <summary>The OpenAPI document says otherwise than ApiExplorer, which would make the referee itself unsure.</summary>
        public bool FrameworkDisagrees => Undocumented != OpenApi.Any(d => !d.Documents(Code));

        public bool Agrees => Reported.Count > 0 ? Undocumented : !Undocumented || LeftToFE0002;

        public static Verdict Of(EndpointKey endpoint, int code, CaseCompilation compiled, FrameworkDescription framework)
        {
            var described = framework.ApiExplorer.Where(d => endpoint.Covers(d.Endpoint)).ToList();
            var operations = framework.OpenApi.Where(o => described.Any(o.SameOperation)
                || (endpoint.Action is null && endpoint.Covers(o.Endpoint))).ToList();
            var reported = compiled.Findings.Where(f => f.Id == DiagnosticIds.UndocumentedStatusCode && f.Endpoint == endpoint && f.StatusCode == code).ToList();
            var leftToFE0002 = code == 500 && compiled.Findings.Any(f => f.Id == DiagnosticIds.ExplicitInternalServerError && f.Endpoint == endpoint);
            return new Verdict(compiled.Name, endpoint, code, described, operations, reported, leftToFE0002);
        }

        public override string ToString()
        {
            var apiExplorer = ApiExplorer.Count == 0 ? "ApiExplorer leaves the endpoint out" : "ApiExplorer: " + string.Join("; ", ApiExplorer);
            var openApi = OpenApi.Count == 0 ? "The OpenAPI document leaves it out" : "OpenAPI: " + string.Join("; ", OpenApi);
            var said = Reported.Count > 0
                ? "FE0001 reports it: " + string.Join(" / ", Reported.Select(r => $"line {r.Line} \"{r.Message}\""))
                : LeftToFE0002 ? "FE0001 is silent (FE0002 reports the 500)" : "FE0001 is silent";
            var expected = Undocumented && LeftToFE0002 && Reported.Count == 0 ? "undocumented, and FE0002 reports this 500, so FE0001 leaves it to FE0002"
                : Undocumented ? "undocumented, so FE0001 should report it" : ApiExplorer.Count == 0 ? "nothing to document, so FE0001 should be silent" : "documented, so FE0001 should be silent";
            var verdict = FrameworkDisagrees ? "ApiExplorer and the OpenAPI document disagree" : expected;
            return $"'{Endpoint}' returns {Code}: {verdict}. {apiExplorer}. {openApi}. {said}.";
        }
    }
}
