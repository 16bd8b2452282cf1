using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// The rule IDs the package ships, read from the descriptors of every analyzer in the analyzer assembly (as
/// Meta/Catalogue.cs does in the unit tests), so that no list in these tests can leave out a new rule.
/// </summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<string> Ids { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();
}
