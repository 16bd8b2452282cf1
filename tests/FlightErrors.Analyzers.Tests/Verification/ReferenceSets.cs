using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>
/// The reference sets test sources compile against, each built once and shared (the roslyn-sdk "reuse reference
/// assemblies" rule): .NET 8 with ASP.NET Core 8, which most users are on, and .NET 10 with ASP.NET Core 10. They
/// restore through the repository's nuget.config; the test project's PackageDownload items put the same packs in the
/// global packages folder, so a restored checkout resolves them without the feed.
/// </summary>
internal static class ReferenceSets
{
    private const string AspNetCore8Version = "8.0.28";
    private const string Net10Version = "10.0.12";

    /// <summary>.NET 8 (Microsoft.NETCore.App.Ref 8.0.0) and ASP.NET Core 8.</summary>
    public static readonly ReferenceAssemblies AspNet80 = ReferenceAssemblies.Net.Net80
        .AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", AspNetCore8Version)))
        .WithNuGetConfigFilePath(NuGetConfigFilePath);

    /// <summary>.NET 10 and ASP.NET Core 10 (the library's Net100 names a NETCore.App.Ref the feed does not serve).</summary>
    public static readonly ReferenceAssemblies AspNet100 = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", Net10Version),
            Path.Combine("ref", "net10.0"))
        .AddPackages(ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", Net10Version)))
        .WithNuGetConfigFilePath(NuGetConfigFilePath);

    /// <summary>Every set a test runs against by default.</summary>
    public static ImmutableArray<ReferenceAssemblies> All => ImmutableArray.Create(AspNet100, AspNet80);

    /// <summary><paramref name="references"/> with one more package, restored the same way (the test project downloads it too).</summary>
    public static ReferenceAssemblies WithPackage(ReferenceAssemblies references, string id, string version) =>
        references.AddPackages(ImmutableArray.Create(new PackageIdentity(id, version)));

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    private static string NuGetConfigFilePath => Path.Combine(RepositoryRoot, "nuget.config");

    public static string NameOf(ReferenceAssemblies references) =>
        references == AspNet80 ? "ASP.NET Core " + AspNetCore8Version
        : references == AspNet100 ? "ASP.NET Core " + Net10Version
        : references.TargetFramework;

    /// <summary>
    /// The set's metadata references. The library interns equal <see cref="ReferenceAssemblies"/> values and caches
    /// what each resolves, so a set is resolved once per test run, whether by a verifier or by this method.
    /// </summary>
    public static Task<ImmutableArray<MetadataReference>> ResolveAsync(ReferenceAssemblies references) =>
        references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

    /// <summary>The resolved references, for the robustness tests that build their own projects.</summary>
    public static ImmutableArray<MetadataReference> Resolve(ReferenceAssemblies references) => ResolveAsync(references).GetAwaiter().GetResult();

    private static string Metadata(string key) =>
        typeof(ReferenceSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
