using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>
/// The <c>.editorconfig</c> keys the analyzers read, reflected from the options type by its name
/// (<c>FlightErrorsOptions</c>: a <c>Prefix</c> constant and one <c>…Key</c> constant per option), so that tests
/// follow a renamed key and survive the type moving to another namespace. Anything missing fails loudly.
/// </summary>
internal static class OptionKeys
{
    private const string OptionsTypeName = "FlightErrorsOptions";

    private static readonly Lazy<(string Prefix, ImmutableDictionary<string, string> Keys)> Reflected = new(Reflect);

    /// <summary>The general prefix, <c>flight_errors.</c> today.</summary>
    public static string Prefix => Reflected.Value.Prefix;

    /// <summary>Every option key without the prefix, by the name of its constant (e.g. <c>DocumentedStatusCodesKey</c>).</summary>
    public static ImmutableDictionary<string, string> All => Reflected.Value.Keys;

    /// <summary><c>flight_errors.documented_status_codes</c>, or that of one rule when <paramref name="ruleId"/> is given.</summary>
    public static string DocumentedStatusCodes(string? ruleId = null) => Full("DocumentedStatusCodesKey", ruleId);

    /// <summary><c>flight_errors.controller_scope</c>, or that of one rule when <paramref name="ruleId"/> is given.</summary>
    public static string ControllerScope(string? ruleId = null) => Full("ControllerScopeKey", ruleId);

    /// <summary><c>flight_errors.xml_responses</c>, or that of one rule when <paramref name="ruleId"/> is given.</summary>
    public static string XmlResponses(string? ruleId = null) => Full("XmlResponsesKey", ruleId);

    /// <summary><c>flight_errors.status_code_pages</c>, or that of one rule when <paramref name="ruleId"/> is given.</summary>
    public static string StatusCodePages(string? ruleId = null) => Full("StatusCodePagesKey", ruleId);

    private static string Full(string constant, string? ruleId) =>
        All.TryGetValue(constant, out var key)
            ? Prefix + (ruleId is null ? string.Empty : ruleId + ".") + key
            : throw new InvalidOperationException($"{OptionsTypeName} has no constant {constant}; its keys: {string.Join(", ", All.Keys)}.");

    private static (string, ImmutableDictionary<string, string>) Reflect()
    {
        var types = typeof(DiagnosticIds).Assembly.GetTypes().Where(t => t.Name == OptionsTypeName).ToList();
        if (types.Count != 1)
        {
            throw new InvalidOperationException($"Expected one type named {OptionsTypeName} in {typeof(DiagnosticIds).Assembly.GetName().Name}, found {types.Count}.");
        }

        var constants = types[0].GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
        if (!constants.TryGetValue("Prefix", out var prefix) || string.IsNullOrEmpty(prefix))
        {
            throw new InvalidOperationException($"{types[0].FullName} has no string constant Prefix.");
        }

        var keys = constants.Where(c => c.Key.EndsWith("Key", StringComparison.Ordinal)).ToImmutableDictionary(StringComparer.Ordinal);
        if (keys.IsEmpty)
        {
            throw new InvalidOperationException($"{types[0].FullName} declares no option key constant (…Key).");
        }

        return (prefix, keys);
    }
}
