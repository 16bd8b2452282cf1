using System;
using System.Collections.Immutable;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>An expected diagnostic, placed by markup (<c>{|#0:…|}</c> with <see cref="WithLocation"/>), never by line and column.</summary>
public readonly record struct DiagnosticResult(string Id, int? LocationIndex, ImmutableArray<object?> Arguments, string? Message)
{
    public static DiagnosticResult Create(string id) => new(id, null, ImmutableArray<object?>.Empty, null);

    public DiagnosticResult WithLocation(int markupKey) => this with { LocationIndex = markupKey };

    public DiagnosticResult WithArguments(params object?[] arguments) => this with { Arguments = arguments.ToImmutableArray() };

    public DiagnosticResult WithMessage(string message) => this with { Message = message };

    public override string ToString() =>
        $"{Id}{(LocationIndex is { } i ? $" at #{i}" : string.Empty)}{(Arguments.IsDefaultOrEmpty ? string.Empty : $" ({string.Join(", ", Arguments)})")}";
}
