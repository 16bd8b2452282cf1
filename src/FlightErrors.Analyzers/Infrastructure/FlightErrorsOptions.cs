using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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

/// <summary>
/// The <c>.editorconfig</c> options of one syntax tree. <c>flight_errors.&lt;option&gt;</c> applies to every rule and
/// <c>flight_errors.FE0001.&lt;option&gt;</c> overrides it for one rule. Every value is parsed here, and only here: an
/// invalid value falls back to the default and never throws.
/// </summary>
internal sealed class FlightErrorsOptions
{
    public const string Prefix = "flight_errors.";
    public const string ControllerScopeKey = "controller_scope";
    public const string DocumentedStatusCodesKey = "documented_status_codes";
    public const string XmlResponsesKey = "xml_responses";
    public const string StatusCodePagesKey = "status_code_pages";

    private static readonly string[] ScopeNames = { "api", "all" };
    private static readonly string[] XmlResponsesNames = { "auto", "documented", "ignored" };
    private static readonly string[] StatusCodePagesNames = { "auto", "enabled", "disabled" };
    private static readonly char[] CodeSeparators = { ',', ' ', ';' };

    private readonly AnalyzerConfigOptions _options;
    private readonly ConcurrentDictionary<string, ImmutableHashSet<int>> _documentedStatusCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ControllerScope> _controllerScope = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, XmlResponsesSetting> _xmlResponses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StatusCodePagesSetting> _statusCodePages = new(StringComparer.Ordinal);

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

    private string? Read(string ruleId, string key)
    {
        if (_options.TryGetValue(Prefix + ruleId + "." + key, out var specific))
        {
            return specific;
        }

        return _options.TryGetValue(Prefix + key, out var general) ? general : null;
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
