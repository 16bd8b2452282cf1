using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FlightErrors.Analyzers.Benchmarks;

/// <summary>
/// `dotnet build` of a generated web project three ways: without analyzers of ours, with the FlightErrors package
/// (from artifacts/packages: pack it first), and with the MVC API analyzers (IncludeOpenAPIAnalyzers). Each build is
/// --no-incremental without the compiler server, so every build pays the same start-up.
/// </summary>
internal static class WholeBuild
{
    public static async Task RunAsync(Settings settings)
    {
        var root = Directory.CreateTempSubdirectory("flighterrors-bench-").FullName;
        try
        {
            var repository = Harness.Metadata("RepositoryRoot");
            var version = Harness.Metadata("PackageVersion");
            var feed = Path.Combine(repository, "artifacts", "packages");
            var hasPackage = File.Exists(Path.Combine(feed, $"FlightErrors.Analyzers.{version}.nupkg"));
            Console.WriteLine($"== dotnet build of a generated web project: {settings.BuildControllers} controllers x {settings.Actions} actions, median of {settings.Iterations}");
            if (!hasPackage)
            {
                Console.WriteLine($"  FlightErrors.Analyzers {version} is not in {feed}: run `dotnet pack src/FlightErrors.Analyzers.Package -c Release` first; the package row is skipped.");
            }

            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" /></config>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="local"><package pattern="FlightErrors.Analyzers" /></packageSource>
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                </configuration>
                """);
            File.Copy(Path.Combine(repository, "global.json"), Path.Combine(root, "global.json"));

            var variants = new List<(string Name, string Project)> { ("no extra analyzers", Write(root, "plain", settings, "")) };
            if (hasPackage)
            {
                variants.Add(("FlightErrors.Analyzers", Write(root, "flighterrors", settings, $"""<ItemGroup><PackageReference Include="FlightErrors.Analyzers" Version="[{version}]" PrivateAssets="all" /></ItemGroup>""")));
            }

            variants.Add(("MVC API analyzers", Write(root, "mvc", settings, "<PropertyGroup><IncludeOpenAPIAnalyzers>true</IncludeOpenAPIAnalyzers><NoWarn>$(NoWarn);ASPDEPR007</NoWarn></PropertyGroup>")));
            foreach (var (_, project) in variants)
            {
                await DotNetAsync(project, "restore");
            }

            var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
            for (var i = 0; i < settings.Iterations; i++)
            {
                foreach (var (name, project) in variants)
                {
                    times[name].Add(await DotNetAsync(project, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:q", "-nologo"));
                }
            }

            var plain = Median(times[variants[0].Name]);
            foreach (var (name, _) in variants)
            {
                var median = Median(times[name]);
                Console.WriteLine($"  {name,-24} {median,8:F0} ms" + (name == variants[0].Name ? "" : $"   {median - plain,+7:F0} ms ({(median - plain) / plain,6:P1})"));
            }

            Console.WriteLine();
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Write(string root, string name, Settings settings, string extra)
    {
        var directory = Path.Combine(root, name);
        foreach (var (path, text) in Corpus.Files(settings.BuildControllers, settings.Actions))
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        var project = Path.Combine(directory, "Bench.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Bench</RootNamespace>
              </PropertyGroup>
              {extra}
            </Project>
            """);
        return project;
    }

    private static async Task<double> DotNetAsync(string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(project)! };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(project);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:{Environment.NewLine}{await output}{await error}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
