using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// An exact-type mapping (<c>GetType() == typeof(T)</c>, a dictionary keyed by <c>typeof(T)</c>) and the subclasses of
/// <c>T</c> the source throws that no other mapping matches: each goes past the mapping to the exception handler's 500.
/// </summary>
internal sealed class SubclassGap
{
    public SubclassGap(ExceptionMapping mapping, ImmutableArray<INamedTypeSymbol> subclasses, ImmutableArray<Location> throws, bool canWiden)
    {
        Mapping = mapping;
        Subclasses = subclasses;
        Throws = throws;
        CanWiden = canWiden;
    }

    public ExceptionMapping Mapping { get; }

    /// <summary>The subclasses that slip through, in the order of their first throw.</summary>
    public ImmutableArray<INamedTypeSymbol> Subclasses { get; }

    /// <summary>The first <c>throw new S(…)</c> of each of <see cref="Subclasses"/>.</summary>
    public ImmutableArray<Location> Throws { get; }

    /// <summary>
    /// Whether the test can match <c>T</c> and its subclasses (<c>is T</c>) without taking a type that another mapping of
    /// the same mapper tests: no mapping of that mapper names a subclass of <c>T</c>.
    /// </summary>
    public bool CanWiden { get; }

    /// <summary>
    /// The gaps of <paramref name="map"/>. The source is searched for throws only when an exact-type mapping's type has a
    /// subclass declared in source, and then only for <c>throw new S(…)</c> of those subclasses (a name check before any
    /// binding) that no <c>catch</c> of the same member stops.
    /// </summary>
    public static ImmutableArray<SubclassGap> Find(ExceptionMap map, Compilation compilation, SourceTypeIndex sourceTypes, CancellationToken cancellationToken)
    {
        var exact = ExactMappings(map);
        if (exact.Count == 0)
        {
            return ImmutableArray<SubclassGap>.Empty;
        }

        var candidates = SourceSubclasses(sourceTypes, exact);
        if (candidates.Count == 0)
        {
            return ImmutableArray<SubclassGap>.Empty;
        }

        var thrown = FirstThrows(compilation, candidates, cancellationToken);
        if (thrown.Count == 0)
        {
            return ImmutableArray<SubclassGap>.Empty;
        }

        var gaps = ImmutableArray.CreateBuilder<SubclassGap>();
        foreach (var mapping in exact)
        {
            var subclasses = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var throws = ImmutableArray.CreateBuilder<Location>();
            foreach (var (type, location) in thrown)
            {
                if (!SymbolEqualityComparer.Default.Equals(type, mapping.Exception) && type.InheritsFromOrEquals(mapping.Exception) && !MatchedElsewhere(map, mapping, type))
                {
                    subclasses.Add(type);
                    throws.Add(location);
                }
            }

            if (subclasses.Count > 0)
            {
                gaps.Add(new SubclassGap(mapping, subclasses.ToImmutable(), throws.ToImmutable(), CanWidenIn(map, mapping)));
            }
        }

        return gaps.ToImmutable();
    }

    private static List<ExceptionMapping> ExactMappings(ExceptionMap map)
    {
        var exact = new List<ExceptionMapping>();
        foreach (var mapping in map.Mappings)
        {
            if (!mapping.MatchesSubclasses)
            {
                exact.Add(mapping);
            }
        }

        return exact;
    }

    /// <summary>Another mapping that matches <paramref name="thrown"/> (an earlier test, another mapper, a filter) decides its code instead.</summary>
    private static bool MatchedElsewhere(ExceptionMap map, ExceptionMapping mapping, INamedTypeSymbol thrown)
    {
        foreach (var other in map.Mappings)
        {
            if (!ReferenceEquals(other, mapping) && other.Matches(thrown))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanWidenIn(ExceptionMap map, ExceptionMapping mapping)
    {
        foreach (var other in map.Mappings)
        {
            if (!ReferenceEquals(other, mapping)
                && SymbolEqualityComparer.Default.Equals(other.Mapper, mapping.Mapper)
                && !SymbolEqualityComparer.Default.Equals(other.Exception, mapping.Exception)
                && other.Exception.InheritsFromOrEquals(mapping.Exception))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The classes declared in source that derive from an exact-type mapping's type, by name (the throw scan's first check).</summary>
    private static Dictionary<string, List<INamedTypeSymbol>> SourceSubclasses(SourceTypeIndex sourceTypes, List<ExceptionMapping> exact)
    {
        var byName = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.Ordinal);
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var mapping in exact)
        {
            foreach (var type in sourceTypes.Subclasses(mapping.Exception.OriginalDefinition))
            {
                if (!seen.Add(type))
                {
                    continue;
                }

                if (!byName.TryGetValue(type.Name, out var types))
                {
                    byName[type.Name] = types = new List<INamedTypeSymbol>();
                }

                types.Add(type);
            }
        }

        return byName;
    }

    /// <summary>The first <c>throw new S(…)</c> of each candidate, in the compilation's file order, that no <c>catch</c> around it in its member stops.</summary>
    private static List<(INamedTypeSymbol Type, Location Location)> FirstThrows(Compilation compilation, Dictionary<string, List<INamedTypeSymbol>> candidates, CancellationToken cancellationToken)
    {
        var found = new List<(INamedTypeSymbol, Location)>();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var thrown = node switch
                {
                    ThrowStatementSyntax statement => statement.Expression,
                    ThrowExpressionSyntax expression => expression.Expression,
                    _ => null,
                };
                if (thrown is not ObjectCreationExpressionSyntax creation || SyntaxNames.RightmostName(creation.Type) is not { } name || !candidates.ContainsKey(name))
                {
                    continue;
                }

#pragma warning disable RS1030 // Once per compilation, for the few files that throw a subclass of an exact-type mapping's type.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol type
                    && IsCandidate(type, candidates)
                    && !seen.Contains(type)
                    && !IsCaught(model, node, type, cancellationToken))
                {
                    seen.Add(type);
                    found.Add((type, Location.Create(tree, node.Span)));
                }
            }
        }

        return found;
    }

    private static bool IsCandidate(INamedTypeSymbol type, Dictionary<string, List<INamedTypeSymbol>> candidates)
    {
        if (candidates.TryGetValue(type.Name, out var types))
        {
            foreach (var candidate in types)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a <c>catch</c> of the member around the throw stops <paramref name="thrown"/>: one for its type or a base,
    /// without a filter and without rethrowing, as <see cref="ThrowAnalysis"/> counts them.
    /// </summary>
    private static bool IsCaught(SemanticModel model, SyntaxNode throwNode, INamedTypeSymbol thrown, CancellationToken cancellationToken)
    {
        for (SyntaxNode? child = throwNode, parent = throwNode.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }

            if (parent is not TryStatementSyntax tryStatement || tryStatement.Block != child)
            {
                continue;
            }

            foreach (var clause in tryStatement.Catches)
            {
                if (clause.Filter is not null || Rethrows(clause.Block))
                {
                    continue;
                }

                if (clause.Declaration is null
                    || (model.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type is INamedTypeSymbol caught && thrown.InheritsFromOrEquals(caught)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Rethrows(BlockSyntax block)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is ThrowStatementSyntax { Expression: null })
            {
                return true;
            }
        }

        return false;
    }
}
