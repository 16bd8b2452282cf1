using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>Where a mapping applies: everywhere (exception handler, middleware) or where an MVC exception filter runs.</summary>
internal enum MappingScope : byte
{
    /// <summary>An <c>IExceptionHandler</c>, a middleware around <c>next(context)</c>, a <c>UseExceptionHandler</c> lambda.</summary>
    Application,

    /// <summary>An MVC exception filter: only for actions it applies to (registered globally, or on the controller or action).</summary>
    Filter,
}

/// <summary>One exception type that the application turns into one status code.</summary>
internal sealed class ExceptionMapping
{
    public ExceptionMapping(INamedTypeSymbol exception, int statusCode, bool matchesSubclasses, INamedTypeSymbol mapper, MappingScope scope, ITypeSymbol? bodyType, SyntaxTree tree, TextSpan span, ImmutableDictionary<IMethodSymbol, int>? carriedBy = null)
    {
        CarriedBy = carriedBy;
        Exception = exception;
        StatusCode = statusCode;
        MatchesSubclasses = matchesSubclasses;
        Mapper = mapper;
        Scope = scope;
        BodyType = bodyType;
        Tree = tree;
        Span = span;
    }

    public INamedTypeSymbol Exception { get; }

    /// <summary>The status the branch sets; 0 when the exception carries it (<see cref="CarriedBy"/>).</summary>
    public int StatusCode { get; }

    /// <summary>
    /// For a status the exception carries (<c>Response.StatusCode = (int)ex.Code</c>): each constructor of the exception
    /// with the ordinal of the parameter it stores in that property; null for a constant status.
    /// </summary>
    public ImmutableDictionary<IMethodSymbol, int>? CarriedBy { get; }

    /// <summary>True for <c>is</c>, patterns and <c>catch</c>; false for <c>GetType() == typeof(…)</c> and dictionaries keyed by type.</summary>
    public bool MatchesSubclasses { get; }

    /// <summary>The class that maps it (handler, filter, middleware, or the class of a <c>UseExceptionHandler</c> call).</summary>
    public INamedTypeSymbol Mapper { get; }

    public MappingScope Scope { get; }

    /// <summary>The body type the branch creates (<c>ProblemDetails</c>, <c>ValidationProblemDetails</c>, another object), or null.</summary>
    public ITypeSymbol? BodyType { get; }

    public SyntaxTree Tree { get; }

    /// <summary>The type test (or catch clause) that selects the exception.</summary>
    public TextSpan Span { get; }

    /// <summary>The status <paramref name="thrown"/> answers: the constant, or the constant its constructor call passes for the carried status.</summary>
    public int? StatusFor(in EscapingThrow thrown)
    {
        if (CarriedBy is null)
        {
            return StatusCode;
        }

        return thrown.Constructor is { } constructor
            && CarriedBy.TryGetValue(constructor.OriginalDefinition, out var ordinal)
            && ordinal < thrown.Arguments.Length
            && thrown.Arguments[ordinal] > 0
            ? thrown.Arguments[ordinal]
            : null;
    }

    public bool Matches(ITypeSymbol thrown) =>
        MatchesSubclasses ? thrown.InheritsFromOrEquals(Exception) : SymbolEqualityComparer.Default.Equals(thrown, Exception);
}

/// <summary>
/// The application's exception map, read once per compilation from the places apps put it: <c>IExceptionHandler</c>
/// implementations, MVC exception filters, <c>UseExceptionHandler</c> lambdas and middleware that catches around
/// <c>next(context)</c>. Each mapper's branches are kept in source order: the first that matches a thrown exception
/// decides its code. Only values are kept (symbols, spans), never operation trees.
/// </summary>
internal sealed class ExceptionMap
{
    public static readonly ExceptionMap Empty = new(ImmutableArray<ExceptionMapping>.Empty, ImmutableHashSet<INamedTypeSymbol>.Empty);

    private readonly ImmutableHashSet<INamedTypeSymbol> _globalFilters;

    private ExceptionMap(ImmutableArray<ExceptionMapping> mappings, ImmutableHashSet<INamedTypeSymbol> globalFilters)
    {
        Mappings = mappings;
        _globalFilters = globalFilters;
    }

    public ImmutableArray<ExceptionMapping> Mappings { get; }

    public bool IsEmpty => Mappings.IsEmpty;

    /// <summary>
    /// The mapping that decides what <paramref name="thrown"/> becomes at <paramref name="endpoint"/>: an exception
    /// filter that applies to the action first (MVC runs it before the exception reaches the middleware), else the
    /// first application-wide mapper that matches. Null when nothing maps it (the exception handler's 500).
    /// </summary>
    public ExceptionMapping? Find(ITypeSymbol thrown, in Endpoint endpoint)
    {
        foreach (var mapping in Mappings)
        {
            if (mapping.Scope == MappingScope.Filter && mapping.Matches(thrown) && AppliesTo(mapping.Mapper, in endpoint))
            {
                return mapping;
            }
        }

        foreach (var mapping in Mappings)
        {
            if (mapping.Scope == MappingScope.Application && mapping.Matches(thrown))
            {
                return mapping;
            }
        }

        return null;
    }

    private bool AppliesTo(INamedTypeSymbol filter, in Endpoint endpoint)
    {
        if (endpoint.Kind != EndpointKind.Action)
        {
            return false;
        }

        return _globalFilters.Contains(filter)
            || endpoint.Method.HasAttribute(filter)
            || (endpoint.Method.ContainingType is { } controller && controller.HasAttributeInHierarchy(filter));
    }

    /// <summary>
    /// Reads the map of the compilation: a text scan per file, binding only files whose text can hold a mapper's shape
    /// (<see cref="MapReader.MayHoldMapping"/>); a file left out is scanned again once a mapper class it may derive
    /// from has been read.
    /// </summary>
    public static ExceptionMap Find(KnownTypes types, CancellationToken cancellationToken)
    {
        var compilation = types.Compilation;
        var exception = compilation.GetTypeByMetadataName("System.Exception");
        if (exception is null)
        {
            return Empty;
        }

        var reader = new MapReader(types, exception);
        var waiting = new List<SyntaxTree>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            Read(compilation, reader, tree, waiting, cancellationToken);
        }

        for (var known = 0; known < reader.MapperNames.Count && waiting.Count > 0;)
        {
            known = reader.MapperNames.Count;
            var again = waiting.ToArray();
            waiting.Clear();
            foreach (var tree in again)
            {
                Read(compilation, reader, tree, waiting, cancellationToken);
            }
        }

        return reader.Mappings.Count == 0 ? Empty : new ExceptionMap(reader.Mappings.ToImmutableArray(), reader.GlobalFilters.ToImmutable());
    }

    /// <summary>Reads one file when its text can hold a mapping; else keeps it waiting for a mapper name to appear.</summary>
    private static void Read(Compilation compilation, MapReader reader, SyntaxTree tree, List<SyntaxTree> waiting, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!reader.MayHoldMapping(tree.GetText(cancellationToken)))
        {
            waiting.Add(tree);
            return;
        }

#pragma warning disable RS1030 // Once per compilation, on first need, for the few files that can hold a mapping.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        reader.Read(model, tree.GetRoot(cancellationToken), cancellationToken);
    }
}
