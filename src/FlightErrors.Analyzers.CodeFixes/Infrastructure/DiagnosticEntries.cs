using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>A status code to document, with the body type of a success response when it has one.</summary>
internal readonly struct ResponseEntry
{
    public ResponseEntry(int statusCode, string? typeId)
    {
        StatusCode = statusCode;
        TypeId = typeId;
    }

    public int StatusCode { get; }

    /// <summary>A documentation reference id (<c>T:Ns.Flight</c>) of the body type, or null.</summary>
    public string? TypeId { get; }

    /// <summary>Parses one "404" or "201=T:Ns.Flight" entry.</summary>
    public static ResponseEntry? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var separator = text!.IndexOf('=');
        var codeText = separator < 0 ? text : text.Substring(0, separator);
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        return new ResponseEntry(code, separator < 0 ? null : text.Substring(separator + 1));
    }

    /// <summary>Parses a ";"-separated list of entries.</summary>
    public static List<ResponseEntry> ParseList(string? text)
    {
        var entries = new List<ResponseEntry>();
        if (string.IsNullOrEmpty(text))
        {
            return entries;
        }

        foreach (var part in text!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(part) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public ITypeSymbol? ResolveType(Compilation compilation)
    {
        if (TypeId is null)
        {
            return null;
        }

        foreach (var symbol in DocumentationCommentId.GetSymbolsForReferenceId(TypeId, compilation))
        {
            if (symbol is ITypeSymbol type)
            {
                return type;
            }
        }

        return null;
    }
}

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
