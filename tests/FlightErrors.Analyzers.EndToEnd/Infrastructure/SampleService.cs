using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// The fixed sample running in its own Kestrel on 127.0.0.1 and a port the system picks, in Production (no
/// developer exception page), until the test run ends.
/// </summary>
public sealed partial class SampleService : ListeningServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private SampleService((Process Process, StringBuilder Output, Uri Address) started)
        : base(started, Stop)
    {
    }

    public static async Task<SampleService> StartAsync(string binDirectory, string assembly)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var startInfo = DotNet.StartInfo(DotNet.HostPath, binDirectory, environment, [assembly, "--urls", "http://127.0.0.1:0"]);
        return new SampleService(await StartAsync(startInfo, Listening(), "The sample service", StartTimeout, Stop));
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
