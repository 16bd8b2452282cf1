using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using FlightErrors.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.Tests.Meta;

/// <summary>Every analyzer, fixer and descriptor the package ships, found by reflection.</summary>
internal static class Catalogue
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(UndocumentedStatusCodeCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static string RepositoryRoot => ReferenceSets.RepositoryRoot;

    public static string DocPath(string id) => Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");

    public static bool HasFix(string id) => Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
}
