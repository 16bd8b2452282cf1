using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// A fixed application running in its own Kestrel on 127.0.0.1 and a port the system picks, in the environment it is
/// started in (Production unless named: no developer exception page), until it is disposed.
/// </summary>
public sealed partial class SampleService : ListeningServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private SampleService((Process Process, StringBuilder Output, Uri Address) started)
        : base(started, Stop)
    {
    }

    /// <param name="binDirectory">The build output the service runs from, its content root.</param>
    /// <param name="assembly">The application's assembly file name.</param>
    /// <param name="environmentName">ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT.</param>
    public static async Task<SampleService> StartAsync(string binDirectory, string assembly, string environmentName = "Production")
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
        };
        var startInfo = DotNet.StartInfo(DotNet.HostPath, binDirectory, environment, [assembly, "--urls", "http://127.0.0.1:0"]);
        return new SampleService(await StartAsync(startInfo, Listening(), $"The {Path.GetFileNameWithoutExtension(assembly)} service ({environmentName})", StartTimeout, Stop));
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
