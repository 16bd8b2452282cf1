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
public sealed partial class SampleService : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private readonly Process process;
    private readonly StringBuilder output;

    private SampleService(Process process, StringBuilder output, Uri address)
    {
        this.process = process;
        this.output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the service wrote to its console so far (its logs, exceptions included).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<SampleService> StartAsync(string binDirectory, string assembly)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        var startInfo = DotNet.StartInfo(DotNet.HostPath, binDirectory, environment, [assembly, "--urls", "http://127.0.0.1:0"]);
        var (started, output, address) = await ListeningProcess.StartAsync(startInfo, Listening(), "The sample service", StartTimeout, Stop);
        return new SampleService(started, output, address);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Stop(process);
        process.Dispose();
        return ValueTask.CompletedTask;
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
