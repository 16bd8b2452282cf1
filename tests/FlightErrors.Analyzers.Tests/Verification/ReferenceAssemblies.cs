using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers.Tests.Verification;

/// <summary>
/// Reference sets that test sources compile against, built once and shared (the roslyn-sdk "reuse reference
/// assemblies" rule): ASP.NET Core 10 from the SDK's targeting packs, ASP.NET Core 8 from the 8.0.28 ref packs
/// that the test project's PackageDownload restores.
/// </summary>
public sealed class ReferenceAssemblies
{
    private static readonly Lazy<ReferenceAssemblies> LazyAspNet80 = new(() => FromPackages("net8.0", "8.0.28"));
    private static readonly Lazy<ReferenceAssemblies> LazyAspNet100 = new(FromSdk);

    private ReferenceAssemblies(string name, ImmutableArray<MetadataReference> references)
    {
        Name = name;
        References = references;
    }

    public static ReferenceAssemblies AspNet80 => LazyAspNet80.Value;

    public static ReferenceAssemblies AspNet100 => LazyAspNet100.Value;

    /// <summary>Every set a test runs against by default: most users are on 8, the SDK is on 10.</summary>
    public static ImmutableArray<ReferenceAssemblies> All => ImmutableArray.Create(AspNet100, AspNet80);

    public string Name { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public override string ToString() => Name;

    private static ReferenceAssemblies FromPackages(string tfm, string version)
    {
        var root = Metadata("NuGetPackageRoot");
        return Create(
            "ASP.NET Core " + version,
            Path.Combine(root, "microsoft.netcore.app.ref", version, "ref", tfm),
            Path.Combine(root, "microsoft.aspnetcore.app.ref", version, "ref", tfm));
    }

    private static ReferenceAssemblies FromSdk()
    {
        var packs = Metadata("NetCoreTargetingPackRoot");
        var netCore = Newest(Path.Combine(packs, "Microsoft.NETCore.App.Ref"), "10.");
        var aspNet = Newest(Path.Combine(packs, "Microsoft.AspNetCore.App.Ref"), "10.");
        return Create(
            "ASP.NET Core " + Path.GetFileName(aspNet),
            Path.Combine(netCore, "ref", "net10.0"),
            Path.Combine(aspNet, "ref", "net10.0"));
    }

    private static string Newest(string packFolder, string prefix)
    {
        var newest = Directory.GetDirectories(packFolder)
            .Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
        return newest ?? throw new InvalidOperationException($"No {prefix}x targeting pack under {packFolder}.");
    }

    private static ReferenceAssemblies Create(string name, params string[] folders)
    {
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"Reference folder {folder} is missing; run 'dotnet restore'.");
            }

            foreach (var file in Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return new ReferenceAssemblies(name, references.ToImmutable());
    }

    internal static string Metadata(string key) =>
        typeof(ReferenceAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
