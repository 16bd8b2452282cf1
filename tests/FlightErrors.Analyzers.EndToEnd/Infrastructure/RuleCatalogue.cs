using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// The rule IDs the package ships, read from the descriptors of every analyzer in the analyzer assembly (as
/// Meta/Catalogue.cs does in the unit tests), so that no list in these tests can leave out a new rule.
/// </summary>
public static class RuleCatalogue
{
    /// <summary>The category of the diagnostics about the package's own configuration (FE0900 and its kind).</summary>
    private const string ConfigurationCategory = "Configuration";

    /// <summary>Every rule's descriptor, by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .DistinctBy(d => d.Id)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every rule the package ships.</summary>
    public static IReadOnlyList<string> Ids { get; } = Descriptors.Select(d => d.Id).ToList();

    /// <summary>
    /// The rules about code, which the sample promises with a marker comment on the line of each mistake. A rule about
    /// the package's configuration (category Configuration, such as FE0900 for an invalid option value) is not among
    /// them: it reports a value in an <c>.editorconfig</c>, without a location, so no line of the sample can promise
    /// it; and the sample shows code mistakes under a valid configuration, which is what its users copy. The unit
    /// tests check those rules.
    /// </summary>
    public static IReadOnlyList<string> CodeRuleIds { get; } = Descriptors.Where(d => d.Category != ConfigurationCategory).Select(d => d.Id).ToList();

    /// <summary>
    /// The rules about the application's setup rather than an endpoint (FE0004, its error pipeline). The sample's host is
    /// set up right by design, so that its endpoint mistakes are judged on a correct pipeline; the template app, set up
    /// as <c>dotnet new</c> leaves it, shows them.
    /// </summary>
    public static IReadOnlyList<string> HostRuleIds { get; } = [DiagnosticIds.IncompleteErrorPipeline];

    /// <summary>
    /// The rules about the code that maps exceptions and writes errors outside any endpoint (FE0007, an exact-type
    /// mapping a thrown subclass slips through; FE0008, Problem Details written as application/json). The sample's
    /// exception handler maps by kind and writes through <c>IProblemDetailsService</c> by design, so that its endpoints'
    /// exception codes (FE0005) are judged on a correct map, and a fix of one of these can change what FE0005 sees; the
    /// unit tests show them, and the sample must not raise them.
    /// </summary>
    public static IReadOnlyList<string> ErrorWriterRuleIds { get; } = [DiagnosticIds.MappingMissesSubclass, DiagnosticIds.ProblemDetailsWrittenAsJson];

    /// <summary>The rules about code that the sample shows: every one but the host and error-writer rules.</summary>
    public static IReadOnlyList<string> EndpointRuleIds { get; } = CodeRuleIds.Except(HostRuleIds).Except(ErrorWriterRuleIds).ToList();
}
