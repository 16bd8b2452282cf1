using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// What a diagnostic carries for its fix, in the one place that writes it (the rules) and reads it (the fixes). The
/// properties are strings by Roslyn's contract; <see cref="Read"/> turns them back into a <see cref="FixRequest"/>.
/// </summary>
internal static class FixProperties
{
    /// <summary>The code the diagnostic is about, e.g. "404".</summary>
    internal const string StatusCodeKey = "StatusCode";

    /// <summary>Every undocumented code of the endpoint, "404;201=T:Ns.Flight" (code, optionally "=" a type reference id).</summary>
    internal const string MissingKey = "Missing";

    /// <summary>Present when the endpoint relies on the implicit 200: "200" or "200=T:Ns.Flight".</summary>
    internal const string ImplicitOkKey = "ImplicitOk";

    /// <summary>"1" when error codes are documented with <c>typeof(ProblemDetails)</c> (not an API controller).</summary>
    internal const string TypedErrorsKey = "TypedErrors";

    /// <summary>"1" for a minimal-API endpoint; the diagnostic's first additional location is then its <c>Map*</c> call.</summary>
    internal const string RouteHandlerKey = "RouteHandler";

    /// <summary>Codes a replacement may use that the endpoint does not document yet ("502;503").</summary>
    internal const string UndocumentedKey = "Undocumented";

    /// <summary>The <see cref="BodyKind"/> of the reported body.</summary>
    internal const string BodyKindKey = "BodyKind";

    /// <summary>
    /// The fix Fix All (and so <c>dotnet format</c>) applies to this occurrence whatever fix started it: a
    /// <see cref="BulkFix"/> name, or <c>None</c> when no fix is safe to apply unread.
    /// </summary>
    internal const string BulkFixKey = "BulkFix";

    /// <summary>
    /// "1" when the fix also completes the application's error pipeline (what FE0004's fix adds): a
    /// rethrow in an application with no exception handler, a bodyless error in one without status code pages.
    /// </summary>
    internal const string CompletesPipelineKey = "CompletesPipeline";

    /// <summary>
    /// Where the cause of FE0006's code is written: an <see cref="AnswerLevel"/> name (its fix documents a controller's
    /// cause on the controller). For a cause on a group, the diagnostic's second additional location is the call that
    /// applies it (<c>.RequireAuthorization()</c>), where the fix may document the code for the whole group.
    /// </summary>
    internal const string DocumentAtKey = "DocumentAt";

    /// <summary>
    /// "1" when FE0007's exact-type test (<c>GetType() == typeof(T)</c>) can become <c>is T</c> without taking a type
    /// another test of the same mapper names.
    /// </summary>
    internal const string WidenKey = "Widen";

    /// <summary>FE0007's properties: <see cref="WidenKey"/> when the exact-type test can become <c>is T</c>.</summary>
    public static ImmutableDictionary<string, string?> Widen(bool canWiden) =>
        canWiden ? ImmutableDictionary<string, string?>.Empty.Add(WidenKey, "1") : ImmutableDictionary<string, string?>.Empty;

    /// <summary>Whether FE0007's fix may turn the test of <paramref name="diagnostic"/> into <c>is T</c> (<see cref="WidenKey"/>).</summary>
    public static bool CanWiden(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(WidenKey);

    /// <summary>Where the fix of <paramref name="diagnostic"/> documents its code (<see cref="DocumentAtKey"/>); the endpoint when not said.</summary>
    public static AnswerLevel DocumentAt(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DocumentAtKey, out var value) && Enum.TryParse<AnswerLevel>(value, out var level) ? level : AnswerLevel.Endpoint;

    /// <summary>
    /// How to document codes on an endpoint that documents its responses: the implicit 200 to keep, how to type
    /// errors, and for a route handler its <c>Map*</c> call (returned as the additional location).
    /// </summary>
    public static ImmutableDictionary<string, string?>.Builder Documentation(in EndpointFacts facts, DeclaredResponses declared, out Location[]? additionalLocations)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        var responses = facts.Responses;
        var ok = FirstOk(responses);
        if (!declared.HasResponseMetadata && (!responses.IsComplete || ok is not null || (responses.Responses.IsEmpty && ReturnsNothing(facts.Endpoint.Method))))
        {
            properties[ImplicitOkKey] = Entry(200, declared.ImplicitOkType ?? ok?.BodyType);
        }

        additionalLocations = null;
        if (facts.Endpoint.Route is { } route)
        {
            properties[RouteHandlerKey] = "1";
            additionalLocations = new[] { route.MapCall.GetLocation() };
        }
        else if (!facts.Endpoint.IsApiController)
        {
            properties[TypedErrorsKey] = "1";
        }

        return properties;
    }

    /// <summary>
    /// The codes of <paramref name="missing"/>, each with its body type when it is a success or an error body of the
    /// application's own type (which FE0003 cannot rewrite, so the documentation must say what is sent).
    /// </summary>
    public static void SetMissing(ImmutableDictionary<string, string?>.Builder properties, IEnumerable<ProducedResponse> missing)
    {
        var builder = new StringBuilder();
        foreach (var response in missing)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            var documentedType = StatusCodeFacts.IsSuccess(response.StatusCode) || response.Body == BodyKind.Object ? response.BodyType : null;
            builder.Append(Entry(response.StatusCode, documentedType));
        }

        properties[MissingKey] = builder.ToString();
    }

    /// <summary>The codes of <paramref name="missing"/>, each with the body type to document when it is not plain Problem Details.</summary>
    public static void SetMissing(ImmutableDictionary<string, string?>.Builder properties, IEnumerable<(int StatusCode, ITypeSymbol? BodyType)> missing)
    {
        var builder = new StringBuilder();
        foreach (var (statusCode, bodyType) in missing)
        {
            builder.Append(builder.Length > 0 ? ";" : string.Empty).Append(Entry(statusCode, bodyType));
        }

        properties[MissingKey] = builder.ToString();
    }

    public static void SetStatusCode(ImmutableDictionary<string, string?>.Builder properties, int statusCode) =>
        properties[StatusCodeKey] = statusCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>Codes among <paramref name="candidates"/> that <paramref name="declared"/> does not document; false when none.</summary>
    public static bool SetUndocumented(ImmutableDictionary<string, string?>.Builder properties, DeclaredResponses declared, int[] candidates)
    {
        var builder = new StringBuilder();
        foreach (var code in candidates)
        {
            if (!declared.Documents(code))
            {
                builder.Append(builder.Length == 0 ? "" : ";").Append(code.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties[UndocumentedKey] = builder.ToString();
        return builder.Length > 0;
    }

    /// <summary>Sets the fix Fix All applies to this occurrence (<see cref="BulkFixKey"/>).</summary>
    public static ImmutableDictionary<string, string?> WithBulkFix(ImmutableDictionary<string, string?>? properties, BulkFix fix) =>
        (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(BulkFixKey, fix.ToString());

    /// <summary>Marks that the fix completes the application's error pipeline too (<see cref="CompletesPipelineKey"/>).</summary>
    public static ImmutableDictionary<string, string?> WithCompletedPipeline(ImmutableDictionary<string, string?> properties) =>
        properties.SetItem(CompletesPipelineKey, "1");

    /// <summary>Whether the fix of <paramref name="diagnostic"/> completes the application's error pipeline too.</summary>
    public static bool CompletesPipeline(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(CompletesPipelineKey, out var value) && value == "1";

    /// <summary>The properties of a diagnostic about a body: its kind and the response's status code.</summary>
    public static ImmutableDictionary<string, string?> Body(BodyKind kind, int statusCode) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(BodyKindKey, kind.ToString())
            .Add(StatusCodeKey, statusCode.ToString(CultureInfo.InvariantCulture));

    public static FixRequest Read(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        return new FixRequest(
            ResponseEntry.Parse(Get(properties, StatusCodeKey)),
            ResponseEntry.ParseList(Get(properties, MissingKey)),
            ResponseEntry.Parse(Get(properties, ImplicitOkKey)),
            Get(properties, TypedErrorsKey) == "1",
            Get(properties, RouteHandlerKey) == "1",
            ResponseEntry.ParseList(Get(properties, UndocumentedKey)),
            Enum.TryParse<BodyKind>(Get(properties, BodyKindKey), out var kind) ? kind : null,
            Enum.TryParse<BulkFix>(Get(properties, BulkFixKey), out var bulk) ? bulk : null);
    }

    private static string? Get(ImmutableDictionary<string, string?> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// Whether the endpoint returns nothing (<c>void</c>, <c>Task</c>, <c>ValueTask</c>): when its code sets no status
    /// either, the framework answers 200 itself, which ApiExplorer lists until response metadata is added (checked against
    /// ASP.NET Core 10).
    /// </summary>
    private static bool ReturnsNothing(IMethodSymbol method) =>
        method.ReturnsVoid
        || (method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } type && type.IsInNamespace("System", "Threading", "Tasks"));

    private static ProducedResponse? FirstOk(EndpointResponses responses)
    {
        ProducedResponse? first = null;
        foreach (var response in responses.Responses)
        {
            if (response.StatusCode == 200)
            {
                if (response.BodyType is not null)
                {
                    return response;
                }

                first ??= response;
            }
        }

        return first;
    }

    private static string Entry(int statusCode, ITypeSymbol? type)
    {
        var code = statusCode.ToString(CultureInfo.InvariantCulture);
        return type is null ? code : code + "=" + DocumentationCommentId.CreateReferenceId(type);
    }
}

/// <summary>The fix that is safe to apply unread to one occurrence of a 500 made on purpose.</summary>
internal enum BulkFix : byte
{
    /// <summary>No fix is: a caught exception with no exception handler in the application to write its 500.</summary>
    None,

    /// <summary>Let the exception reach the exception handler.</summary>
    Rethrow,

    /// <summary>An upstream failure: 502 Bad Gateway.</summary>
    Return502,

    /// <summary>An upstream timeout: 504 Gateway Timeout.</summary>
    Return504,
}

/// <summary>What a fix was asked to do, read back from a diagnostic's properties.</summary>
internal sealed class FixRequest
{
    public FixRequest(ResponseEntry? statusCode, List<ResponseEntry> missing, ResponseEntry? implicitOk, bool typedErrors, bool isRouteHandler, List<ResponseEntry> undocumented, BodyKind? body, BulkFix? bulkFix)
    {
        BulkFix = bulkFix;
        StatusCode = statusCode;
        Missing = missing;
        ImplicitOk = implicitOk;
        TypedErrors = typedErrors;
        IsRouteHandler = isRouteHandler;
        Undocumented = undocumented;
        Body = body;
    }

    /// <summary>The code the diagnostic is about.</summary>
    public ResponseEntry? StatusCode { get; }

    /// <summary>Every code the endpoint leaves undocumented (FE0001).</summary>
    public List<ResponseEntry> Missing { get; }

    /// <summary>The implicit 200 the endpoint relies on, which must be kept once response metadata is added.</summary>
    public ResponseEntry? ImplicitOk { get; }

    /// <summary>Errors are documented with <c>typeof(ProblemDetails)</c> (not an API controller).</summary>
    public bool TypedErrors { get; }

    /// <summary>A minimal-API endpoint: the diagnostic's first additional location is its <c>Map*</c> call.</summary>
    public bool IsRouteHandler { get; }

    /// <summary>Codes a replacement may produce that the endpoint does not document yet; a fix that uses one documents it.</summary>
    public List<ResponseEntry> Undocumented { get; }

    public BodyKind? Body { get; }

    /// <summary>The fix Fix All applies to this occurrence; null when the fix that started it decides.</summary>
    public BulkFix? BulkFix { get; }

    public bool IsUndocumented(int statusCode)
    {
        foreach (var entry in Undocumented)
        {
            if (entry.StatusCode == statusCode)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same request about another code (a fix that documents the code it writes).</summary>
    public FixRequest For(int statusCode)
    {
        var entry = new ResponseEntry(statusCode, typeId: null);
        return new FixRequest(entry, new List<ResponseEntry> { entry }, ImplicitOk, TypedErrors, IsRouteHandler, Undocumented, Body, BulkFix);
    }
}

/// <summary>A status code to document, with the body type of a success response when it has one.</summary>
internal readonly struct ResponseEntry
{
    public ResponseEntry(int statusCode, string? typeId)
    {
        StatusCode = statusCode;
        TypeId = typeId;
    }

    public int StatusCode { get; }

    /// <summary>A documentation reference id (<c>T:Ns.Flight</c>) of the body type, or null.</summary>
    public string? TypeId { get; }

    /// <summary>Parses one "404" or "201=T:Ns.Flight" entry.</summary>
    public static ResponseEntry? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var separator = text!.IndexOf('=');
        var codeText = separator < 0 ? text : text.Substring(0, separator);
        if (!int.TryParse(codeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        return new ResponseEntry(code, separator < 0 ? null : text.Substring(separator + 1));
    }

    /// <summary>Parses a ";"-separated list of entries.</summary>
    public static List<ResponseEntry> ParseList(string? text)
    {
        var entries = new List<ResponseEntry>();
        if (string.IsNullOrEmpty(text))
        {
            return entries;
        }

        foreach (var part in text!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(part) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public ITypeSymbol? ResolveType(Compilation compilation)
    {
        if (TypeId is null)
        {
            return null;
        }

        foreach (var symbol in DocumentationCommentId.GetSymbolsForReferenceId(TypeId, compilation))
        {
            if (symbol is ITypeSymbol type)
            {
                return type;
            }
        }

        return null;
    }
}
