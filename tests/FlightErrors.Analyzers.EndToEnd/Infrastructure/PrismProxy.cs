using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// One violation Prism reported for a probe's answer (its `sl-violations` header). <see cref="Location"/> starts with
/// "response" for the answer's, "request" for the probe's own (the error probes send invalid requests on purpose).
/// </summary>
public sealed record Violation(string Probe, int Status, string Location, string Severity, string? Code, string Message)
{
    /// <summary>Prism's request warning for a request that matches no operation of the document: it forwards it unchecked.</summary>
    public const string RouteNotFound = "Selected route not found";

    public bool InResponse => Location == "response" || Location.StartsWith("response.", StringComparison.Ordinal);

    public override string ToString() => $"{Probe}: {Status} {Location} {Severity}{(Code is null ? "" : " " + Code)}: {Message}";
}

/// <summary>
/// `prism proxy` (@stoplight/prism-cli, installed by `npm ci` in tests/referee) on 127.0.0.1 and a port the system
/// picks, in front of an upstream service, validating every answer against an OpenAPI document. It runs without
/// `--errors`, so answers pass through unchanged and every violation, warnings included (Prism calls an undocumented
/// 4xx or 5xx a warning), is reported in the `sl-violations` response header. It runs through tests/referee/proxy.js,
/// which stops it when its standard input closes: with the test host, however that ends.
/// </summary>
public sealed partial class PrismProxy : ListeningServer
{
    public const string ViolationsHeader = "sl-violations";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private PrismProxy((Process Process, StringBuilder Output, Uri Address) started)
        : base(started, Stop)
    {
    }

    /// <summary>tests/referee, where `npm ci` installs Prism.</summary>
    public static string RefereeDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "referee");

    /// <summary>
    /// Why the referee cannot run here, or null when it can: node or npm not on PATH (a reason to skip), or Prism not
    /// installed at the version tests/referee/package.json pins (a reason to fail: `npm ci` was not run).
    /// </summary>
    public static string? MissingTool() =>
        OnPath("node") && OnPath("npm")
            ? null
            : "node and npm are not both on PATH, so Prism (the OpenAPI referee in tests/referee) cannot run; install Node.js 20 or later and run `npm ci` in tests/referee.";

    /// <summary>Throws, saying what to run, unless `npm ci` installed Prism at the version package.json pins.</summary>
    public static void EnsureInstalled(string refereeDirectory)
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(refereeDirectory, "package.json")))!["dependencies"]!["@stoplight/prism-cli"]!.GetValue<string>();
        var installedManifest = Path.Combine(refereeDirectory, "node_modules", "@stoplight", "prism-cli", "package.json");
        var installed = File.Exists(installedManifest) ? JsonNode.Parse(File.ReadAllText(installedManifest))!["version"]!.GetValue<string>() : null;
        if (installed != pinned)
        {
            throw new InvalidOperationException(
                $"Prism {pinned} is not installed in {refereeDirectory} ({(installed is null ? "nothing there" : "found " + installed)}): run `npm ci` there first, as .ci/run does.");
        }
    }

    public static async Task<PrismProxy> StartAsync(string refereeDirectory, string document, Uri upstream)
    {
        EnsureInstalled(refereeDirectory);

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = refereeDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "proxy.js", "proxy", document, upstream.ToString(), "--host", "127.0.0.1", "--port", "0", "--cors", "false" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["FORCE_COLOR"] = "0";
        return new PrismProxy(await StartAsync(startInfo, Listening(), "Prism", StartTimeout, Stop));
    }

    /// <summary>The violations in an answer's `sl-violations` header.</summary>
    public static IReadOnlyList<Violation> Violations(ProbeResult result)
    {
        if (!result.Headers.TryGetValues(ViolationsHeader, out var values))
        {
            return [];
        }

        var violations = new List<Violation>();
        foreach (var value in values)
        {
            if (!value.StartsWith('['))
            {
                // "Too many violations! <the first 8 KB>": not JSON any more, so reported whole.
                violations.Add(new Violation(result.Probe.Name, result.Status, "response", "Error", null, value));
                continue;
            }

            using var json = JsonDocument.Parse(value);
            foreach (var violation in json.RootElement.EnumerateArray())
            {
                var location = violation.GetProperty("location").EnumerateArray().Select(l => l.ToString());
                violations.Add(new Violation(
                    result.Probe.Name,
                    result.Status,
                    string.Join('.', location),
                    violation.GetProperty("severity").GetString()!,
                    violation.TryGetProperty("code", out var code) ? code.ToString() : null,
                    violation.GetProperty("message").GetString()!));
            }
        }

        return violations;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // Closing standard input is the launcher's own way out; the kill covers a Prism that does not take it.
                process.StandardInput.Close();
                if (!process.WaitForExit(5_000))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool OnPath(string tool)
    {
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe", tool + ".cmd" } : [tool];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                if (File.Exists(Path.Combine(directory, name)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"Prism is listening on (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
