using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>Every diagnostic descriptor of the package; nothing else creates one.</summary>
internal static class Descriptors
{
    internal const string DocsRoot = "https://github.com/flight-errors/FlightErrors.Analyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor FE0001 = Rule(
        DiagnosticIds.UndocumentedStatusCode,
        Categories.Documentation,
        DiagnosticSeverity.Warning,
        title: "Returned status code is not documented",
        message: "'{0}' can return {1} {2}, which is not documented",
        description: "Every status code an endpoint can return should be listed in its API description "
            + "([ProducesResponseType], conventions, XML <response> or Results<...>) so that clients know to handle it.");

    private static DiagnosticDescriptor Rule(
        string id,
        string category,
        DiagnosticSeverity severity,
        string title,
        string message,
        string description,
        bool enabled = true,
        params string[] tags)
    {
#pragma warning disable RS0030 // The one sanctioned construction site.
        return new DiagnosticDescriptor(
            id,
            title,
            message,
            category,
            severity,
            enabled,
            description,
            helpLinkUri: DocsRoot + id + ".md",
            customTags: tags);
#pragma warning restore RS0030
    }
}
