using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers;

/// <summary>Which types count as controllers to analyze (<c>flight_errors.controller_scope</c>).</summary>
internal enum ControllerScope
{
    /// <summary>Only API controllers: <c>[ApiController]</c> on the class, a base class or the assembly.</summary>
    Api,

    /// <summary>Every MVC controller.</summary>
    All,
}

/// <summary>Whether an XML <c>&lt;response code&gt;</c> documents a code (<c>flight_errors.xml_responses</c>).</summary>
internal enum XmlResponsesSetting
{
    /// <summary>As the compilation's OpenAPI generator reads them (<see cref="XmlResponses.ReadByGenerator"/>).</summary>
    Auto,

    /// <summary>Always: the generator reads them.</summary>
    Documented,

    /// <summary>Never: the generator does not read them.</summary>
    Ignored,
}

/// <summary>Whether the host writes Problem Details for bodyless errors (<c>flight_errors.status_code_pages</c>).</summary>
internal enum StatusCodePagesSetting
{
    /// <summary>As found in the compilation: <c>AddProblemDetails()</c> and <c>UseStatusCodePages()</c> (<see cref="ApplicationFacts"/>).</summary>
    Auto,

    /// <summary>The host writes Problem Details for every bodyless error.</summary>
    Enabled,

    /// <summary>The host does not.</summary>
    Disabled,
}

/// <summary>An option whose value the analyzers do not accept, and what they use instead.</summary>
internal readonly struct InvalidOption
{
    public InvalidOption(string key, string value, string accepted, string usedInstead)
    {
        Key = key;
        Value = value;
        Accepted = accepted;
        UsedInstead = usedInstead;
    }

    /// <summary>The full key, <c>flight_errors.controller_scope</c> or <c>flight_errors.FE0001.controller_scope</c>.</summary>
    public string Key { get; }

    public string Value { get; }

    /// <summary>What the key accepts, as the message says it.</summary>
    public string Accepted { get; }

    /// <summary>The value the analyzers use instead, as the message says it.</summary>
    public string UsedInstead { get; }
}

/// <summary>
/// The <c>.editorconfig</c> options of one syntax tree. <c>flight_errors.&lt;option&gt;</c> applies to every rule and
/// <c>flight_errors.FE0001.&lt;option&gt;</c> overrides it for one rule. Every value is parsed here, and only here: an
/// invalid value falls back to the default, never throws, and is listed by <see cref="InvalidValues"/> for FE0900.
/// </summary>
internal sealed class FlightErrorsOptions
{
    public const string Prefix = "flight_errors.";
    public const string ControllerScopeKey = "controller_scope";
    public const string DocumentedStatusCodesKey = "documented_status_codes";
    public const string XmlResponsesKey = "xml_responses";
    public const string StatusCodePagesKey = "status_code_pages";

    private static readonly string[] OptionNames = { ControllerScopeKey, DocumentedStatusCodesKey, XmlResponsesKey, StatusCodePagesKey };
    private static readonly string[] ScopeNames = { "api", "all" };
    private static readonly string[] XmlResponsesNames = { "auto", "documented", "ignored" };
    private static readonly string[] StatusCodePagesNames = { "auto", "enabled", "disabled" };
    private static readonly char[] CodeSeparators = { ',', ' ', ';' };

    private readonly AnalyzerConfigOptions _options;
    private readonly ConcurrentDictionary<string, ImmutableHashSet<int>> _documentedStatusCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ControllerScope> _controllerScope = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, XmlResponsesSetting> _xmlResponses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StatusCodePagesSetting> _statusCodePages = new(StringComparer.Ordinal);
    private ImmutableArray<InvalidOption> _invalidValues;

    private FlightErrorsOptions(AnalyzerConfigOptions options) => _options = options;

    /// <summary>Status codes documented globally, for instance by filters or conventions the analyzer cannot see.</summary>
    public ImmutableHashSet<int> DocumentedStatusCodes(string ruleId)
    {
        if (!_documentedStatusCodes.TryGetValue(ruleId, out var codes))
        {
            ParseStatusCodes(Read(ruleId, DocumentedStatusCodesKey), out codes);
            codes = _documentedStatusCodes.GetOrAdd(ruleId, codes);
        }

        return codes;
    }

    public ControllerScope ControllerScope(string ruleId)
    {
        if (!_controllerScope.TryGetValue(ruleId, out var scope))
        {
            scope = _controllerScope.GetOrAdd(ruleId, (ControllerScope)ParseChoice(Read(ruleId, ControllerScopeKey), ScopeNames, out _));
        }

        return scope;
    }

    public XmlResponsesSetting XmlResponses(string ruleId)
    {
        if (!_xmlResponses.TryGetValue(ruleId, out var setting))
        {
            setting = _xmlResponses.GetOrAdd(ruleId, (XmlResponsesSetting)ParseChoice(Read(ruleId, XmlResponsesKey), XmlResponsesNames, out _));
        }

        return setting;
    }

    public StatusCodePagesSetting StatusCodePages(string ruleId)
    {
        if (!_statusCodePages.TryGetValue(ruleId, out var setting))
        {
            setting = _statusCodePages.GetOrAdd(ruleId, (StatusCodePagesSetting)ParseChoice(Read(ruleId, StatusCodePagesKey), StatusCodePagesNames, out _));
        }

        return setting;
    }

    /// <summary>
    /// Every <c>flight_errors.</c> key of these options, general or for one rule, whose value is not valid. Empty values
    /// and absent keys are valid: they mean the default. Worked out once per options object.
    /// </summary>
    public ImmutableArray<InvalidOption> InvalidValues()
    {
        if (_invalidValues.IsDefault)
        {
            ImmutableInterlocked.InterlockedInitialize(ref _invalidValues, FindInvalidValues());
        }

        return _invalidValues;
    }

    private string? Read(string ruleId, string key)
    {
        if (_options.TryGetValue(Prefix + ruleId + "." + key, out var specific))
        {
            return specific;
        }

        return _options.TryGetValue(Prefix + key, out var general) ? general : null;
    }

    private ImmutableArray<InvalidOption> FindInvalidValues()
    {
        var invalid = ImmutableArray.CreateBuilder<InvalidOption>();
        try
        {
            foreach (var key in _options.Keys)
            {
                if (Validate(key) is { } found)
                {
                    invalid.Add(found);
                }
            }
        }
        catch (NotImplementedException)
        {
            // An options provider that cannot list its keys (AnalyzerConfigOptions.Keys is virtual): check the general
            // keys, which need no listing.
            invalid.Clear();
            foreach (var key in OptionNames)
            {
                if (Validate(Prefix + key) is { } found)
                {
                    invalid.Add(found);
                }
            }
        }

        return invalid.ToImmutable();
    }

    /// <summary>
    /// The problem with one key's value, if any: <c>flight_errors.&lt;option&gt;</c> or
    /// <c>flight_errors.&lt;rule id&gt;.&lt;option&gt;</c>. Keys come lower-cased from <c>.editorconfig</c>; the rule ID
    /// is written back in capitals, as the documentation writes it.
    /// </summary>
    private InvalidOption? Validate(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !_options.TryGetValue(key, out var value))
        {
            return null;
        }

        var rest = key.Substring(Prefix.Length);
        var dot = rest.IndexOf('.');
        var option = dot < 0 ? rest : rest.Substring(dot + 1);
        var prefix = dot < 0 ? Prefix : Prefix + rest.Substring(0, dot).ToUpperInvariant() + ".";
        if (option.Equals(DocumentedStatusCodesKey, StringComparison.OrdinalIgnoreCase))
        {
            return ParseStatusCodes(value, out var codes)
                ? null
                : new InvalidOption(prefix + DocumentedStatusCodesKey, value, "a comma-separated list of status codes from 100 to 599", Describe(codes));
        }

        return option.Equals(ControllerScopeKey, StringComparison.OrdinalIgnoreCase) ? Choice(prefix + ControllerScopeKey, value, ScopeNames)
            : option.Equals(XmlResponsesKey, StringComparison.OrdinalIgnoreCase) ? Choice(prefix + XmlResponsesKey, value, XmlResponsesNames)
            : option.Equals(StatusCodePagesKey, StringComparison.OrdinalIgnoreCase) ? Choice(prefix + StatusCodePagesKey, value, StatusCodePagesNames)
            : null;
    }

    private static InvalidOption? Choice(string key, string value, string[] names)
    {
        var used = ParseChoice(value, names, out var valid);
        return valid ? null : new InvalidOption(key, value, string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1], names[used]);
    }

    /// <summary>
    /// Codes separated by commas, spaces or semicolons; false when a part is not a code from 100 to 599, which is then
    /// left out. Empty means none.
    /// </summary>
    internal static bool ParseStatusCodes(string? value, out ImmutableHashSet<int> codes)
    {
        codes = ImmutableHashSet<int>.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var valid = true;
        var builder = ImmutableHashSet.CreateBuilder<int>();
        foreach (var part in value!.Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 100 && code <= 599)
            {
                builder.Add(code);
            }
            else
            {
                valid = false;
            }
        }

        codes = builder.ToImmutable();
        return valid;
    }

    /// <summary>
    /// The index of one of <paramref name="names"/> (case-insensitive, trimmed); 0, the default, for an empty value or,
    /// with <paramref name="valid"/> false, for any other.
    /// </summary>
    internal static int ParseChoice(string? value, string[] names, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        var trimmed = value!.Trim();
        for (var i = 0; i < names.Length; i++)
        {
            if (trimmed.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        valid = false;
        return 0;
    }

    private static string Describe(ImmutableHashSet<int> codes)
    {
        if (codes.IsEmpty)
        {
            return "no codes";
        }

        var sorted = new List<int>(codes);
        sorted.Sort();
        return string.Join(", ", sorted);
    }

    /// <summary>
    /// Parses each distinct set of options once per compilation. Files that the same <c>.editorconfig</c> sections
    /// match share one options object, so most projects parse one or two sets, not one per file.
    /// </summary>
    internal sealed class Cache
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<SyntaxTree, FlightErrorsOptions> _byTree = new();
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, FlightErrorsOptions> _byOptions = new();

        public Cache(AnalyzerConfigOptionsProvider provider) => _provider = provider;

        public FlightErrorsOptions For(SyntaxTree tree)
        {
            if (!_byTree.TryGetValue(tree, out var options))
            {
                options = _byTree.GetOrAdd(tree, ForConfig(_provider.GetOptions(tree)));
            }

            return options;
        }

        /// <summary>
        /// The invalid values of the options of <paramref name="trees"/>, each key and value once however many
        /// <c>.editorconfig</c> sections set it, ordered by key and value.
        /// </summary>
        public ImmutableArray<InvalidOption> InvalidValues(IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
        {
            var seen = new HashSet<AnalyzerConfigOptions>();
            var reported = new HashSet<(string Key, string Value)>();
            var found = new List<InvalidOption>();
            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var config = _provider.GetOptions(tree);
                if (!seen.Add(config))
                {
                    continue;
                }

                foreach (var invalid in ForConfig(config).InvalidValues())
                {
                    if (reported.Add((invalid.Key, invalid.Value)))
                    {
                        found.Add(invalid);
                    }
                }
            }

            found.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : string.CompareOrdinal(a.Value, b.Value));
            return found.ToImmutableArray();
        }

        private FlightErrorsOptions ForConfig(AnalyzerConfigOptions config)
        {
            if (!_byOptions.TryGetValue(config, out var options))
            {
                options = _byOptions.GetOrAdd(config, new FlightErrorsOptions(config));
            }

            return options;
        }
    }
}
