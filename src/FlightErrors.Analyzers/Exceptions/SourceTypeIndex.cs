using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The compilation's own non-abstract classes, indexed once: by each interface they implement (with the constructed
/// interface) and by each class they derive from. Following a call into "the only implementation" or a request's
/// handler is then a lookup, not a scan of every class; the public <c>AllInterfaces</c> of a type is a new array on
/// every call, so it is read once per class, here.
/// </summary>
internal sealed class SourceTypeIndex
{
    private static readonly ImmutableArray<(INamedTypeSymbol Type, INamedTypeSymbol Interface)> NoImplementers = ImmutableArray<(INamedTypeSymbol, INamedTypeSymbol)>.Empty;

    private readonly Dictionary<INamedTypeSymbol, ImmutableArray<(INamedTypeSymbol Type, INamedTypeSymbol Interface)>> _implementers;
    private readonly Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _subclasses;

    private SourceTypeIndex(
        Dictionary<INamedTypeSymbol, ImmutableArray<(INamedTypeSymbol Type, INamedTypeSymbol Interface)>> implementers,
        Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> subclasses)
    {
        _implementers = implementers;
        _subclasses = subclasses;
    }

    /// <summary>The classes implementing the interface <paramref name="definition"/> (an original definition), with the interface as each implements it.</summary>
    public ImmutableArray<(INamedTypeSymbol Type, INamedTypeSymbol Interface)> Implementers(INamedTypeSymbol definition) =>
        _implementers.TryGetValue(definition, out var found) ? found : NoImplementers;

    /// <summary>The classes deriving from <paramref name="definition"/> (an original definition), at any depth.</summary>
    public ImmutableArray<INamedTypeSymbol> Subclasses(INamedTypeSymbol definition) =>
        _subclasses.TryGetValue(definition, out var found) ? found : ImmutableArray<INamedTypeSymbol>.Empty;

    /// <summary>The interfaces of the compilation's classes named <paramref name="name"/> with <paramref name="arity"/> type parameters.</summary>
    public IEnumerable<INamedTypeSymbol> InterfacesNamed(string name, int arity)
    {
        foreach (var definition in _implementers.Keys)
        {
            if (definition.Name == name && definition.Arity == arity)
            {
                yield return definition;
            }
        }
    }

    public static SourceTypeIndex Build(Compilation compilation)
    {
        var implementers = new Dictionary<INamedTypeSymbol, ImmutableArray<(INamedTypeSymbol, INamedTypeSymbol)>.Builder>(SymbolEqualityComparer.Default);
        var subclasses = new Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>.Builder>(SymbolEqualityComparer.Default);
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            foreach (var member in types.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    types.Push(ns);
                    continue;
                }

                if (member is not INamedTypeSymbol type)
                {
                    continue;
                }

                types.Push(type);
                if (type.TypeKind != TypeKind.Class || type.IsAbstract)
                {
                    continue;
                }

                foreach (var contract in type.AllInterfaces)
                {
                    Add(implementers, contract.OriginalDefinition, (type, contract));
                }

                for (var ancestor = type.BaseType; ancestor is not null && ancestor.SpecialType != SpecialType.System_Object; ancestor = ancestor.BaseType)
                {
                    Add(subclasses, ancestor.OriginalDefinition, type);
                }
            }
        }

        return new SourceTypeIndex(Freeze(implementers), Freeze(subclasses));
    }

    private static void Add<T>(Dictionary<INamedTypeSymbol, ImmutableArray<T>.Builder> index, INamedTypeSymbol key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = ImmutableArray.CreateBuilder<T>();
            index.Add(key, list);
        }

        list.Add(value);
    }

    private static Dictionary<INamedTypeSymbol, ImmutableArray<T>> Freeze<T>(Dictionary<INamedTypeSymbol, ImmutableArray<T>.Builder> index)
    {
        var frozen = new Dictionary<INamedTypeSymbol, ImmutableArray<T>>(index.Count, SymbolEqualityComparer.Default);
        foreach (var pair in index)
        {
            frozen.Add(pair.Key, pair.Value.ToImmutable());
        }

        return frozen;
    }
}
