using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace FlightErrors.Analyzers.Benchmarks;

/// <summary>
/// Counts the runtime's allocation samples (one event per about 100 KB allocated) by type, in this process:
/// with <c>--profile</c>, which types an analyzer set allocates, to compare with the baseline's.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
        {
            return;
        }

        var index = data.PayloadNames!.IndexOf("TypeName");
        var amount = data.PayloadNames.IndexOf("AllocationAmount64");
        var type = index >= 0 ? data.Payload[index] as string ?? "?" : "?";
        var bytes = amount >= 0 ? Convert.ToInt64(data.Payload[amount]) : 100_000;
        _bytes.AddOrUpdate(type, bytes, (_, total) => total + bytes);
    }

    public void Reset() => _bytes.Clear();

    public IEnumerable<KeyValuePair<string, long>> Top(int count) => _bytes.OrderByDescending(p => p.Value).Take(count);
}
