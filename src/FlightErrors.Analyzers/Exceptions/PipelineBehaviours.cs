using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// The mediator pipeline behaviours in source (<c>IPipelineBehavior&lt;TRequest, TResponse&gt;</c>, MediatR's shape)
/// and the requests each runs for: a closed behaviour for its request type, an open one for every request its
/// constraints admit. A behaviour that only acts for some requests says so in two shapes, and then applies to those
/// alone: it takes <c>IEnumerable&lt;IValidator&lt;TRequest&gt;&gt;</c> (it acts when the request has such a service:
/// a class in the compilation implements <c>IValidator&lt;TheRequest&gt;</c>), or it reads the request's
/// <c>GetCustomAttributes&lt;A&gt;()</c> (it acts when the request type carries <c>A</c>).
/// </summary>
internal sealed class PipelineBehaviours
{
    private readonly ImmutableArray<Behaviour> _behaviours;
    private readonly SourceTypeIndex _sourceTypes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>> _perRequest = new(SymbolEqualityComparer.Default);

    private PipelineBehaviours(ImmutableArray<Behaviour> behaviours, SourceTypeIndex sourceTypes)
    {
        _behaviours = behaviours;
        _sourceTypes = sourceTypes;
    }

    /// <summary>The behaviours among the compilation's classes; their conditions are read once, here.</summary>
    public static PipelineBehaviours Find(Compilation compilation, SourceTypeIndex sourceTypes, CancellationToken cancellationToken)
    {
        var behaviours = ImmutableArray.CreateBuilder<Behaviour>();
        foreach (var definition in sourceTypes.InterfacesNamed("IPipelineBehavior", 2))
        {
            foreach (var (type, contract) in sourceTypes.Implementers(definition))
            {
                foreach (var member in contract.GetMembers("Handle"))
                {
                    if (member is IMethodSymbol handle
                        && type.FindImplementationForInterfaceMember(handle) is IMethodSymbol implementation
                        && implementation.DeclaringSyntaxReferences.Length == 1)
                    {
                        var request = contract.TypeArguments[0];
                        behaviours.Add(new Behaviour(implementation.OriginalDefinition, request, ServicesPerRequest(type, request), AttributesRead(compilation, implementation, cancellationToken)));
                    }
                }
            }
        }

        return new PipelineBehaviours(behaviours.ToImmutable(), sourceTypes);
    }

    /// <summary>The <c>Handle</c> of each behaviour that runs for <paramref name="request"/>.</summary>
    public ImmutableArray<IMethodSymbol> For(INamedTypeSymbol request)
    {
        if (_behaviours.IsEmpty)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        return _perRequest.GetOrAdd(request, key =>
        {
            var handles = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var behaviour in _behaviours)
            {
                if (Admits(behaviour.Request, key) && HasServices(behaviour.Services, key) && CarriesAll(key, behaviour.Attributes))
                {
                    handles.Add(behaviour.Handle);
                }
            }

            return handles.ToImmutable();
        });
    }

    private static bool Admits(ITypeSymbol parameter, INamedTypeSymbol request)
    {
        if (parameter is not ITypeParameterSymbol open)
        {
            return SymbolEqualityComparer.Default.Equals(parameter, request);
        }

        if ((open.HasReferenceTypeConstraint && !request.IsReferenceType) || (open.HasValueTypeConstraint && !request.IsValueType))
        {
            return false;
        }

        foreach (var constraint in open.ConstraintTypes)
        {
            if (constraint is not INamedTypeSymbol named || !request.Implements(named.OriginalDefinition))
            {
                return false;
            }
        }

        return true;
    }

    private bool HasServices(ImmutableArray<INamedTypeSymbol> services, INamedTypeSymbol request)
    {
        foreach (var service in services)
        {
            if (!Implemented(service, request))
            {
                return false;
            }
        }

        return true;
    }

    private bool Implemented(INamedTypeSymbol service, INamedTypeSymbol request)
    {
        foreach (var (_, implemented) in _sourceTypes.Implementers(service))
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], request))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CarriesAll(INamedTypeSymbol request, ImmutableArray<INamedTypeSymbol> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (!request.HasAttributeInHierarchy(attribute))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The generic services a constructor takes for each request: <c>IEnumerable&lt;IValidator&lt;TRequest&gt;&gt;</c>.</summary>
    private static ImmutableArray<INamedTypeSymbol> ServicesPerRequest(INamedTypeSymbol type, ITypeSymbol request)
    {
        var services = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } sequence
                    && sequence.TypeArguments[0] is INamedTypeSymbol { TypeArguments.Length: 1 } service
                    && SymbolEqualityComparer.Default.Equals(service.TypeArguments[0], request))
                {
                    services.Add(service.OriginalDefinition);
                }
            }
        }

        return services.ToImmutable();
    }

    /// <summary>The attribute types <paramref name="handle"/> reads with <c>GetCustomAttributes&lt;A&gt;()</c> or <c>GetCustomAttribute&lt;A&gt;()</c>.</summary>
    private static ImmutableArray<INamedTypeSymbol> AttributesRead(Compilation compilation, IMethodSymbol handle, CancellationToken cancellationToken)
    {
        var attributes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var reference = handle.DeclaringSyntaxReferences[0];
        SemanticModel? model = null;
        foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
        {
            if (node is GenericNameSyntax { Identifier.ValueText: "GetCustomAttributes" or "GetCustomAttribute", TypeArgumentList.Arguments.Count: 1 } name)
            {
                var argument = name.TypeArgumentList.Arguments[0];
#pragma warning disable RS1030 // Once per compilation, for the behaviours that read the request's attributes.
                model ??= compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetSymbolInfo(argument, cancellationToken).Symbol is INamedTypeSymbol attribute)
                {
                    attributes.Add(attribute);
                }
            }
        }

        return attributes.ToImmutable();
    }

    private readonly struct Behaviour
    {
        public Behaviour(IMethodSymbol handle, ITypeSymbol request, ImmutableArray<INamedTypeSymbol> services, ImmutableArray<INamedTypeSymbol> attributes)
        {
            Handle = handle;
            Request = request;
            Services = services;
            Attributes = attributes;
        }

        public IMethodSymbol Handle { get; }

        /// <summary>The behaviour's request type: a type parameter (open) or a request type (closed).</summary>
        public ITypeSymbol Request { get; }

        public ImmutableArray<INamedTypeSymbol> Services { get; }

        public ImmutableArray<INamedTypeSymbol> Attributes { get; }
    }
}
