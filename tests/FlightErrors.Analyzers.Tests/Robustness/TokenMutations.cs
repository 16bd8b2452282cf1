using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>A broken version of a source and how it was made, e.g. "prefix after token 41 'return'".</summary>
internal readonly record struct Mutation(string Kind, string Detail, string Text);

/// <summary>How many mutations of each kind one document gets; <see cref="Scale"/> multiplies them all.</summary>
internal sealed record MutationBudget(int StridePrefixes, int TargetedPrefixes, int Deletions, int Duplications)
{
    /// <summary>The first few tokens, which every document gets whatever the budget: the file being started.</summary>
    public static readonly ImmutableArray<int> SmallPrefixes = ImmutableArray.Create(1, 2, 3, 5, 8);

    public MutationBudget Scale(int factor) =>
        new(StridePrefixes * factor, TargetedPrefixes * factor, Deletions * factor, Duplications * factor);
}

/// <summary>
/// Deterministic token-level mutations of a C# source: the source itself; its prefixes cut right after a token (the
/// typing case): the first few tokens, every n-th token from a random phase, and right after a sample of the
/// <c>return</c>, <c>=&gt;</c> and <c>(</c> tokens, where a half-typed expression begins; one token deleted; one token
/// written twice. The same text and seed always give the same mutations.
/// </summary>
internal static class TokenMutations
{
    public static List<Mutation> Generate(string text, int seed, MutationBudget budget)
    {
        var random = new Random(seed);
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens()
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0)
            .ToList();
        var mutations = new List<Mutation> { new("original", "unchanged", text) };
        if (tokens.Count == 0)
        {
            return mutations;
        }

        var cuts = new SortedSet<int>();
        foreach (var small in MutationBudget.SmallPrefixes)
        {
            if (small < tokens.Count)
            {
                cuts.Add(small - 1);
            }
        }

        var stride = Math.Max(1, (tokens.Count + budget.StridePrefixes - 1) / Math.Max(1, budget.StridePrefixes));
        for (var i = random.Next(stride); i < tokens.Count - 1; i += stride)
        {
            cuts.Add(i);
        }

        var openers = new List<int>();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Kind() is SyntaxKind.ReturnKeyword or SyntaxKind.EqualsGreaterThanToken or SyntaxKind.OpenParenToken)
            {
                openers.Add(i);
            }
        }

        foreach (var i in Sample(openers, budget.TargetedPrefixes, random))
        {
            cuts.Add(i);
        }

        foreach (var i in cuts)
        {
            mutations.Add(new("prefix", $"after token {i} {Describe(tokens[i])}", text[..tokens[i].Span.End]));
        }

        var all = Enumerable.Range(0, tokens.Count).ToList();
        foreach (var i in Sample(all, budget.Deletions, random))
        {
            var span = tokens[i].Span;
            mutations.Add(new("delete", $"token {i} {Describe(tokens[i])}", text.Remove(span.Start, span.Length)));
        }

        foreach (var i in Sample(all, budget.Duplications, random))
        {
            var span = tokens[i].Span;
            mutations.Add(new("duplicate", $"token {i} {Describe(tokens[i])}", text.Insert(span.End, " " + text.Substring(span.Start, span.Length))));
        }

        return mutations;
    }

    /// <summary>A stable seed for a name (string.GetHashCode differs between processes).</summary>
    public static int Seed(int baseSeed, string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (uint)baseSeed) & int.MaxValue;
    }

    /// <summary>Up to <paramref name="count"/> of the items, chosen by a partial Fisher-Yates shuffle, in their original order.</summary>
    private static IEnumerable<int> Sample(List<int> items, int count, Random random)
    {
        var pool = items.ToArray();
        var taken = Math.Min(count, pool.Length);
        for (var i = 0; i < taken; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(taken).OrderBy(i => i);
    }

    private static string Describe(SyntaxToken token)
    {
        var text = token.Text.Length > 30 ? token.Text[..27] + "..." : token.Text;
        return "'" + text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "'";
    }
}
