using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>What MVC makes of a type: a controller, an API controller, or neither.</summary>
internal enum ControllerKind : byte
{
    None,
    Controller,
    ApiController,
}

/// <summary>
/// Decides which methods are controller actions, the way MVC's application model does.
/// One instance per compilation; classifications are cached per type.
/// </summary>
internal sealed class ControllerActions
{
    private readonly KnownTypes _types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, ControllerKind> _kinds = new(SymbolEqualityComparer.Default);
    private readonly bool _assemblyIsApi;
    private readonly Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>> _inheritors;

    public ControllerActions(KnownTypes types)
    {
        _types = types;
        _assemblyIsApi = types.Compilation.Assembly.HasAttribute(types.ApiBehaviorMetadata);
        _inheritors = new Lazy<Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>>(FindInheritors, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The concrete controllers declared in the compilation that inherit <paramref name="type"/>'s actions (it is a
    /// base of theirs, abstract, generic or not), in declaration order; empty when none does.
    /// </summary>
    public IReadOnlyList<INamedTypeSymbol> Inheritors(INamedTypeSymbol type) =>
        _inheritors.Value.TryGetValue(type.OriginalDefinition, out var inheritors) ? inheritors : Array.Empty<INamedTypeSymbol>();

    /// <summary>Every concrete controller of the compilation's own source, filed under each of its base types.</summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> FindInheritors()
    {
        var inheritors = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(_types.Compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                    continue;
                }

                if (member is not INamedTypeSymbol type)
                {
                    continue;
                }

                pending.Push(type);
                if (type.IsAbstract || type.IsGenericType || Kind(type) == ControllerKind.None)
                {
                    continue;
                }

                for (var current = type.BaseType; current is not null && !SymbolEqualityComparer.Default.Equals(current, _types.ControllerBase); current = current.BaseType)
                {
                    var key = current.OriginalDefinition;
                    if (!inheritors.TryGetValue(key, out var list))
                    {
                        inheritors.Add(key, list = new List<INamedTypeSymbol>());
                    }

                    list.Add(type);
                }
            }
        }

        return inheritors;
    }

    /// <summary>
    /// The kind of controller that routes <paramref name="method"/> as an action, or <see cref="ControllerKind.None"/>
    /// when it is not an action. Actions of abstract base controllers count where they are declared.
    /// </summary>
    public ControllerKind ActionKind(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsStatic
            || method.IsAbstract
            || method.IsGenericMethod
            || method.DeclaredAccessibility != Accessibility.Public
            || method.ContainingType is not { TypeKind: TypeKind.Class } type)
        {
            return ControllerKind.None;
        }

        var kind = Kind(type);
        if (kind == ControllerKind.None || IsNonAction(method) || IsDispose(method))
        {
            return ControllerKind.None;
        }

        return kind;
    }

    public ControllerKind Kind(INamedTypeSymbol type)
    {
        if (!_kinds.TryGetValue(type, out var kind))
        {
            kind = _kinds.GetOrAdd(type, Classify(type));
        }

        return kind;
    }

    private ControllerKind Classify(INamedTypeSymbol type)
    {
        // MVC's ControllerFeatureProvider: public, non-generic classes named *Controller or marked [Controller]
        // (ControllerBase is), and not [NonController]. Abstract and generic classes are not controllers themselves,
        // but their public actions are routed through every derived controller, so they are analyzed here.
        if (type.TypeKind != TypeKind.Class
            || type.IsStatic
            || !type.IsPubliclyVisible()
            || type.HasAttributeInHierarchy(_types.NonControllerAttribute))
        {
            return ControllerKind.None;
        }

        var isBase = type.IsAbstract || type.IsGenericType;
        var isController = type.InheritsFromOrEquals(_types.ControllerBase)
            || type.HasAttributeInHierarchy(_types.ControllerAttribute)
            || (!isBase && type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase));
        if (!isController || SymbolEqualityComparer.Default.Equals(type, _types.ControllerBase)
            || SymbolEqualityComparer.Default.Equals(type, _types.Controller))
        {
            return ControllerKind.None;
        }

        // A base's actions are API actions when a controller that inherits them is an API controller.
        return _assemblyIsApi || HasApiBehavior(type) || (isBase && AnyInheritorIsApi(type)) ? ControllerKind.ApiController : ControllerKind.Controller;
    }

    private bool AnyInheritorIsApi(INamedTypeSymbol type)
    {
        foreach (var inheritor in Inheritors(type))
        {
            if (Kind(inheritor) == ControllerKind.ApiController)
            {
                return true;
            }
        }

        return false;
    }

    private bool HasApiBehavior(INamedTypeSymbol type) => type.HasAttributeInHierarchy(_types.ApiBehaviorMetadata);

    private bool IsNonAction(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.HasAttribute(_types.NonActionAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsDispose(IMethodSymbol method)
    {
        if (method.Name != "Dispose" || method.Parameters.Length != 0)
        {
            return false;
        }

        return _types.Implements(method.ContainingType, _types.Disposable);
    }
}
