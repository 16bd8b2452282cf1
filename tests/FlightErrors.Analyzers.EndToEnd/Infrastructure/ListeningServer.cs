using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// A server the tests talk to (the sample service, Prism), in its own process: started, waited for until it says where
/// it listens, talked to through <see cref="Client"/>, and stopped its own way at the end. Everything it writes is kept.
/// </summary>
public abstract class ListeningServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output;
    private readonly Action<Process> stop;

    protected ListeningServer((Process Process, StringBuilder Output, Uri Address) started, Action<Process> stop)
    {
        process = started.Process;
        output = started.Output;
        this.stop = stop;
        Client = new HttpClient { BaseAddress = started.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the server wrote so far (its logs, exceptions included).</summary>
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

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        stop(process);
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <param name="startInfo">How to start it, with standard output and error redirected.</param>
    /// <param name="listening">Matches the line that announces the address, in a group called <c>address</c>.</param>
    /// <param name="name">How failure messages name it.</param>
    /// <param name="timeout">How long it may take to listen.</param>
    /// <param name="stop">How to stop it when it does not listen in time.</param>
    protected static async Task<(Process Process, StringBuilder Output, Uri Address)> StartAsync(ProcessStartInfo startInfo, Regex listening, string name, TimeSpan timeout, Action<Process> stop)
    {
        var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (listening.Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException($"{name} exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return (process, output, await address.Task.WaitAsync(timeout));
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            stop(process);
            process.Dispose();
            string log;
            lock (output)
            {
                log = output.ToString();
            }

            throw new InvalidOperationException($"{name} did not start: {exception.Message}{Environment.NewLine}{log}", exception);
        }
    }
}
