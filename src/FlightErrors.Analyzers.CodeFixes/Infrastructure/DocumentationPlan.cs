using System.Collections.Generic;

namespace FlightErrors.Analyzers;

/// <summary>
/// The status codes to document on one action or endpoint, at most one entry per code (one with a body type wins).
/// </summary>
internal abstract class DocumentationPlan
{
    protected DocumentationPlan(ResponseEntry? implicitOk) => ImplicitOk = implicitOk;

    /// <summary>The implicit 200 the endpoint relies on, which must be kept once metadata is added.</summary>
    public ResponseEntry? ImplicitOk { get; }

    public List<ResponseEntry> Entries { get; } = new();

    public void Add(ResponseEntry entry)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].StatusCode == entry.StatusCode)
            {
                if (Entries[i].TypeId is null && entry.TypeId is not null)
                {
                    Entries[i] = entry;
                }

                return;
            }
        }

        Entries.Add(entry);
    }

    /// <summary>Adds <paramref name="plan"/> to the plan already kept for <paramref name="key"/>, or keeps it.</summary>
    public static void Merge<TKey, TPlan>(Dictionary<TKey, TPlan> plans, TKey key, TPlan plan)
        where TKey : notnull
        where TPlan : DocumentationPlan
    {
        if (!plans.TryGetValue(key, out var existing))
        {
            plans.Add(key, plan);
            return;
        }

        foreach (var entry in plan.Entries)
        {
            existing.Add(entry);
        }
    }
}
