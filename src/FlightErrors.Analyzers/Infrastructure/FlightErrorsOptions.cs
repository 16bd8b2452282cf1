using System;
using System.Collections.Concurrent;
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

/// <summary>
/// The <c>.editorconfig</c> options of one syntax tree. <c>flight_errors.&lt;option&gt;</c> applies to every rule and
/// <c>flight_errors.FE0001.&lt;option&gt;</c> overrides it for one rule. Invalid values fall back to the default.
/// </summary>
internal sealed class FlightErrorsOptions
{
    public const string Prefix = "flight_errors.";
    public const string ControllerScopeKey = "controller_scope";
    public const string DocumentedStatusCodesKey = "documented_status_codes";

    private readonly AnalyzerConfigOptions _options;
    private readonly ConcurrentDictionary<string, ImmutableHashSet<int>> _documentedStatusCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ControllerScope> _controllerScope = new(StringComparer.Ordinal);

    private FlightErrorsOptions(AnalyzerConfigOptions options) => _options = options;

    /// <summary>Status codes documented globally, for instance by filters or conventions the analyzer cannot see.</summary>
    public ImmutableHashSet<int> DocumentedStatusCodes(string ruleId)
    {
        if (!_documentedStatusCodes.TryGetValue(ruleId, out var codes))
        {
            codes = _documentedStatusCodes.GetOrAdd(ruleId, ParseStatusCodes(Read(ruleId, DocumentedStatusCodesKey)));
        }

        return codes;
    }

    public ControllerScope ControllerScope(string ruleId)
    {
        if (!_controllerScope.TryGetValue(ruleId, out var scope))
        {
            scope = _controllerScope.GetOrAdd(ruleId, ParseScope(Read(ruleId, ControllerScopeKey)));
        }

        return scope;
    }

    private string? Read(string ruleId, string key)
    {
        if (_options.TryGetValue(Prefix + ruleId + "." + key, out var specific))
        {
            return specific;
        }

        return _options.TryGetValue(Prefix + key, out var general) ? general : null;
    }

    internal static ImmutableHashSet<int> ParseStatusCodes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableHashSet<int>.Empty;
        }

        var builder = ImmutableHashSet.CreateBuilder<int>();
        foreach (var part in value!.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 100 && code <= 599)
            {
                builder.Add(code);
            }
        }

        return builder.ToImmutable();
    }

    internal static ControllerScope ParseScope(string? value) =>
        value is not null && value.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
            ? Analyzers.ControllerScope.All
            : Analyzers.ControllerScope.Api;

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
                var config = _provider.GetOptions(tree);
                if (!_byOptions.TryGetValue(config, out options))
                {
                    options = _byOptions.GetOrAdd(config, new FlightErrorsOptions(config));
                }

                options = _byTree.GetOrAdd(tree, options);
            }

            return options;
        }
    }
}
