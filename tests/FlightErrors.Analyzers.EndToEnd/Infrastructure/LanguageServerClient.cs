using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// A minimal LSP client over a language server's standard input and output: JSON-RPC 2.0 messages framed by a
/// Content-Length header. It answers the server's requests the way an editor with settings would
/// (<c>workspace/configuration</c> from <see cref="Configuration"/>, registrations and progress tokens accepted) and
/// keeps everything the server writes to standard error and in <c>window/logMessage</c>.
/// </summary>
public sealed class LanguageServerClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly Stream output;
    private readonly SemaphoreSlim writeLock = new(1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> pending = new();
    private readonly StringBuilder log = new();
    private readonly IReadOnlyDictionary<string, JsonNode?> configuration;
    private readonly Task reader;
    private int nextId;

    private LanguageServerClient(Process process, IReadOnlyDictionary<string, JsonNode?> configuration)
    {
        this.process = process;
        this.configuration = configuration;
        input = process.StandardInput.BaseStream;
        output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, e) => Log("stderr: " + e.Data);
        process.BeginErrorReadLine();
        reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>What the server logged (standard error, <c>window/logMessage</c>) and what the client noted.</summary>
    public string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>The process started: the <c>dotnet</c> host that runs the server, or the server itself.</summary>
    public int ProcessId => process.Id;

    /// <summary>The sections <c>workspace/configuration</c> is answered from, by section name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Configuration => configuration;

    /// <summary>Starts the server; <paramref name="startInfo"/> must not redirect standard input or output itself.</summary>
    public static LanguageServerClient Start(ProcessStartInfo startInfo, IReadOnlyDictionary<string, JsonNode?> configuration)
    {
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        return new LanguageServerClient(process, configuration);
    }

    /// <summary>Sends a request and waits for its result; an error response throws.</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try
        {
            return await response.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{method} was not answered within {timeout}.{Environment.NewLine}{Log()}");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(20));
                await NotifyAsync("exit", null);
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await process.WaitForExitAsync(exited.Token);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // It did not stop on request: stopped below.
        }
        finally
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

            await reader.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(static _ => { }, TaskScheduler.Default);
            process.Dispose();
            writeLock.Dispose();
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                using var document = JsonDocument.Parse(message);
                var root = document.RootElement.Clone();
                var hasId = root.TryGetProperty("id", out var id);
                var hasMethod = root.TryGetProperty("method", out var method);
                if (hasId && hasMethod)
                {
                    await AnswerAsync(id, method.GetString()!, root.TryGetProperty("params", out var p) ? p : default);
                }
                else if (hasId && id.ValueKind == JsonValueKind.Number && pending.TryGetValue(id.GetInt32(), out var response))
                {
                    if (root.TryGetProperty("error", out var error))
                    {
                        response.TrySetException(new InvalidOperationException($"The server answered with an error: {error}"));
                    }
                    else
                    {
                        response.TrySetResult(root.TryGetProperty("result", out var result) ? result : default);
                    }
                }
                else if (hasMethod && method.GetString() is "window/logMessage" or "window/showMessage" or "$/logTrace"
                    && root.TryGetProperty("params", out var logParams) && logParams.TryGetProperty("message", out var text))
                {
                    Log(text.GetString());
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Log("client: reading stopped: " + e.Message);
        }
        finally
        {
            foreach (var response in pending.Values)
            {
                response.TrySetException(new IOException($"The language server closed its output.{Environment.NewLine}{Log()}"));
            }
        }
    }

    private Task AnswerAsync(JsonElement id, string method, JsonElement parameters)
    {
        JsonNode? result = null;
        if (method == "workspace/configuration")
        {
            var items = new JsonArray();
            foreach (var item in parameters.GetProperty("items").EnumerateArray())
            {
                var section = item.TryGetProperty("section", out var s) ? s.GetString() : null;
                items.Add(section is not null && configuration.TryGetValue(section, out var value) ? value?.DeepClone() : null);
            }

            result = items;
            Log($"client: answered workspace/configuration with {items.ToJsonString()}");
        }

        // client/registerCapability, window/workDoneProgress/create and the rest: accepted with a null result.
        return SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result });
    }

    /// <summary>One message's body, or null at the end of the stream.</summary>
    private async Task<byte[]?> ReadMessageAsync()
    {
        var contentLength = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync();
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (contentLength < 0)
        {
            throw new IOException("A message without Content-Length.");
        }

        var body = new byte[contentLength];
        await output.ReadExactlyAsync(body);
        return body;
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
