using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>A diagnostic ID at a line of a file, the file relative to the project with '/' separators.</summary>
public sealed record DiagnosticAt(string File, int Line, string Id)
{
    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>An FE diagnostic as `dotnet build` prints it.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public DiagnosticAt At => new(File, Line, Id);
}

public static partial class Diagnostics
{
    /// <summary>
    /// The FE diagnostics of a build log, each once (MSBuild repeats warnings in its summary).
    /// Lines read "path(line,col): warning FE0001: message (help link) [project]".
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> FromBuildOutput(string output, string projectDirectory)
    {
        var found = new List<BuildDiagnostic>();
        foreach (Match match in BuildLine().Matches(output))
        {
            var diagnostic = new BuildDiagnostic(
                Relative(projectDirectory, match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value.Trim());
            if (!found.Contains(diagnostic))
            {
                found.Add(diagnostic);
            }
        }

        return found;
    }

    /// <summary>
    /// What the sample promises: a comment that starts with rule IDs ("// FE0001, FE0003: why") promises each of
    /// them on its line.
    /// </summary>
    /// <summary>Each place with how often it occurs ("Controllers/X.cs:12 FE0006 x2"): a line may promise a rule twice, for two codes of one endpoint.</summary>
    public static List<string> Counted(IEnumerable<DiagnosticAt> diagnostics) =>
        diagnostics.GroupBy(d => d).Select(g => $"{g.Key} x{g.Count()}").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<DiagnosticAt> Promised(string projectDirectory)
    {
        var promised = new List<DiagnosticAt>();
        foreach (var path in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Relative(projectDirectory, path);
            if (file.StartsWith("bin/", StringComparison.Ordinal) || file.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Promise().Match(lines[i]) is { Success: true } match)
                {
                    foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        promised.Add(new DiagnosticAt(file, i + 1, id));
                    }
                }
            }
        }

        return promised;
    }

    /// <summary>
    /// How often each warning code appears in each file of a build log, each line once (MSBuild repeats warnings in its
    /// summary): "Controllers/FlightsController.cs: CS0168" → 1.
    /// </summary>
    public static Dictionary<string, int> WarningCounts(string output, string projectDirectory)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in output.Split('\n').Select(l => l.Trim()).Distinct())
        {
            var at = line.IndexOf(": warning ", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var file = line[..at].Split('(')[0];
            var code = line[(at + ": warning ".Length)..].Split(':')[0];
            var key = $"{Relative(projectDirectory, file)}: {code}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    public static string Relative(string projectDirectory, string path) =>
        Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');

    /// <summary>A readable difference of two lists of diagnostics, empty when they hold the same entries.</summary>
    public static string Difference(IEnumerable<DiagnosticAt> expected, IEnumerable<DiagnosticAt> actual)
    {
        var missing = expected.Except(actual).Order(Comparer).ToList();
        var unexpected = actual.Except(expected).Order(Comparer).ToList();
        var lines = new List<string>();
        lines.AddRange(missing.Select(d => "promised, not reported: " + d));
        lines.AddRange(unexpected.Select(d => "reported, not promised: " + d));
        return string.Join(Environment.NewLine, lines);
    }

    private static readonly Comparer<DiagnosticAt> Comparer = Comparer<DiagnosticAt>.Create((a, b) =>
        string.CompareOrdinal(a.File, b.File) is var byFile and not 0 ? byFile
        : a.Line != b.Line ? a.Line.CompareTo(b.Line)
        : string.CompareOrdinal(a.Id, b.Id));

    [GeneratedRegex(@"^[ \t]*(?<file>[^\r\n(]+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>FE\d{4}): (?<message>[^\r\n]*?)(?: \(https?://[^)\r\n]*\))? \[[^\]\r\n]*\]\r?$", RegexOptions.Multiline)]
    private static partial Regex BuildLine();

    [GeneratedRegex(@"//\s*(?<ids>FE\d{4}(?:\s*,\s*FE\d{4})*)\s*:")]
    private static partial Regex Promise();
}
