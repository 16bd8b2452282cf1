using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>A span the markup marked: <c>[|…|]</c> (no id), <c>{|FE0001:…|}</c> (an id) or <c>{|#0:…|}</c> (a location).</summary>
public readonly record struct MarkedSpan(string? Id, int? LocationIndex, TextSpan Span);

/// <summary>Parses the roslyn-sdk test markup out of a source, leaving the plain code.</summary>
public static class TestMarkup
{
    public static (string Code, List<MarkedSpan> Spans) Parse(string markup)
    {
        var code = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(string? Id, int? Index, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, null, code.Length));
                i += 1;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && TryReadId(markup, i + 2, out var id, out var next))
            {
                if (id.StartsWith('#'))
                {
                    open.Push((null, int.Parse(id.AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture), code.Length));
                }
                else
                {
                    open.Push((id, null, code.Length));
                }

                i = next - 1;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Unbalanced markup at {i}.");
                }

                var (spanId, index, start) = open.Pop();
                spans.Add(new MarkedSpan(spanId, index, TextSpan.FromBounds(start, code.Length)));
                i += 1;
            }
            else
            {
                code.Append(markup[i]);
            }
        }

        if (open.Count != 0)
        {
            throw new FormatException("Unclosed markup span.");
        }

        return (code.ToString(), spans);
    }

    private static bool Starts(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool TryReadId(string text, int start, out string id, out int next)
    {
        var colon = text.IndexOf(':', start);
        id = string.Empty;
        next = 0;
        if (colon <= start || colon - start > 20)
        {
            return false;
        }

        var candidate = text[start..colon];
        foreach (var c in candidate)
        {
            if (!char.IsLetterOrDigit(c) && c != '#')
            {
                return false;
            }
        }

        id = candidate;
        next = colon + 1;
        return true;
    }
}
