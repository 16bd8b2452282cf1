using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// What library methods throw, as the libraries document it (<c>&lt;exception cref&gt;</c> in their XML
/// documentation). The compiler loads no documentation for references on a command-line build (dotnet/roslyn#23673)
/// while the IDE does, so reading it would make a build and the editor disagree; the package keeps what the
/// libraries apps map exceptions from document instead. A call that names its own exception (Ardalis'
/// <c>exceptionCreator</c>) throws what that creates, which is not followed.
/// </summary>
internal static class LibraryThrows
{
    /// <summary>Per library type's name: its namespace, the display prefix, then each method with the metadata names of what it throws.</summary>
    private static readonly ImmutableDictionary<string, Library> Table = ImmutableDictionary.CreateRange(new[]
    {
        Library.Of("Ardalis.GuardClauses", "GuardClauseExtensions", "Guard.Against.", new[]
        {
            ("NotFound", new[] { "Ardalis.GuardClauses.NotFoundException" }),
            ("Null", new[] { "System.ArgumentNullException" }),
            ("NullOrEmpty", new[] { "System.ArgumentNullException", "System.ArgumentException" }),
            ("NullOrWhiteSpace", new[] { "System.ArgumentNullException", "System.ArgumentException" }),
            ("NullOrInvalidInput", new[] { "System.ArgumentNullException", "System.ArgumentException" }),
            ("Default", new[] { "System.ArgumentException" }),
        }),
    });

    /// <summary>The exceptions <paramref name="call"/> can throw by its library's documentation, and the name to show for it.</summary>
    public static ImmutableArray<INamedTypeSymbol> Of(IInvocationOperation call, Compilation compilation, out string? display)
    {
        display = null;
        var method = call.TargetMethod;
        // Asked of every call into a library: the owner's Name, unlike a generic type's MetadataName, is no new string.
        if (method.ContainingType is not { IsGenericType: false } owner
            || !Table.TryGetValue(owner.Name, out var library)
            || !library.Methods.TryGetValue(method.Name, out var names)
            || !method.Locations.IsEmpty && method.Locations[0].IsInSource
            || owner.ContainingNamespace?.ToDisplayString() != library.Namespace
            || NamesItsOwnException(call))
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var thrown = ImmutableArray.CreateBuilder<INamedTypeSymbol>(names.Length);
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                thrown.Add(type);
            }
        }

        display = library.Display + method.Name;
        return thrown.ToImmutable();
    }

    private static bool NamesItsOwnException(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == "exceptionCreator")
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Library
    {
        private Library(string @namespace, string display, ImmutableDictionary<string, ImmutableArray<string>> methods)
        {
            Namespace = @namespace;
            Display = display;
            Methods = methods;
        }

        public string Namespace { get; }

        public string Display { get; }

        public ImmutableDictionary<string, ImmutableArray<string>> Methods { get; }

        public static KeyValuePair<string, Library> Of(string @namespace, string type, string display, (string Method, string[] Throws)[] methods)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>();
            foreach (var (method, throws) in methods)
            {
                builder[method] = ImmutableArray.Create(throws);
            }

            return new KeyValuePair<string, Library>(type, new Library(@namespace, display, builder.ToImmutable()));
        }
    }
}
