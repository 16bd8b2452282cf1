using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FlightErrors.Analyzers.EndToEnd.ApiExplorerAgreement;

/// <summary>
/// An endpoint as both sides can name it: a controller action by the type that declares it and its name (an inherited
/// action is one key for every controller that inherits it), a route handler by its route and HTTP methods ("*" for
/// none: <c>Map</c>, <c>MapFallback</c>).
/// </summary>
internal sealed partial record EndpointKey(string? Action, string? Route, string? Methods)
{
    public static EndpointKey ForAction(string declaringType, string method) => new(declaringType + "." + method, null, null);

    public static EndpointKey ForRoute(string route, IEnumerable<string>? methods) =>
        new(null, route, methods is null ? "*" : string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal)));

    /// <summary>Whether a description (an action, or a route with one HTTP method) belongs to this endpoint.</summary>
    public bool Covers(EndpointKey described) => Action is not null
        ? Action == described.Action
        : described.Route is not null && Normalize(Route!) == Normalize(described.Route)
            && described.Methods!.Split(',').All(m => Methods!.Split(',').Contains(m));

    /// <summary>"/flights/{id:int}" and "flights/{id}" name one route: no leading slash, no constraints.</summary>
    public static string Normalize(string route) => Constraint().Replace(route.Trim('/'), "}");

    public override string ToString() => Action ?? (Methods == "*" ? "Map " : Methods + " ") + Route;

    [GeneratedRegex(@"(:[^}]*)?\}")]
    private static partial Regex Constraint();
}

/// <summary>A code the case says an endpoint returns: a "// returns 404" comment (several codes: "// returns 503, 504").</summary>
internal sealed record Marker(EndpointKey Endpoint, int StatusCode, int Line);

/// <summary>A diagnostic of the analyzers, with the endpoint it sits in.</summary>
internal sealed record Finding(string Id, EndpointKey? Endpoint, int? StatusCode, int Line, string Message);

/// <summary>
/// One case compiled with Roslyn against the ASP.NET Core 10 reference pack, analyzed by every analyzer of the package
/// (so that cross-rule behaviour is real), and emitted for the framework to describe.
/// </summary>
internal sealed partial class CaseCompilation
{
    /// <summary>Compiled with every case, so that a case holds only what it is about.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Http.HttpResults;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.Routing;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The source generators Microsoft.AspNetCore.OpenApi ships (its XML comment generator).</summary>
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> OpenApiGenerators = new(() =>
    {
        var path = typeof(CaseCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OpenApiSourceGenerators").Value!;
        return new AnalyzerFileReference(path, new GeneratorLoader()).GetGenerators(LanguageNames.CSharp);
    });

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private CaseCompilation(string name, Assembly assembly, IReadOnlyList<Marker> markers, IReadOnlyList<Finding> findings)
    {
        Name = name;
        Assembly = assembly;
        Markers = markers;
        Findings = findings;
    }

    public string Name { get; }

    public Assembly Assembly { get; }

    public IReadOnlyList<Marker> Markers { get; }

    /// <summary>Every FE diagnostic the analyzers report on the case.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public static async Task<CaseCompilation> CreateAsync(string name, string source)
    {
        // As an app referencing Microsoft.AspNetCore.OpenApi builds: its targets allow the XML comment generator's
        // interceptors, and the generator reads XML documentation comments, which the compiler then parses.
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse)
            .WithFeatures([new("InterceptorsNamespaces", "Microsoft.AspNetCore.OpenApi.Generated")]);
        var tree = CSharpSyntaxTree.ParseText(source, options, path: name + ".cs");
        var compilation = (CSharpCompilation)CSharpCompilation.Create(
            "ApiExplorerAgreement." + name,
            [tree, CSharpSyntaxTree.ParseText(GlobalUsings, options, path: "GlobalUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Microsoft.AspNetCore.OpenApi's XML comment generator: it intercepts the case's AddOpenApi calls to add the
        // transformers that write the comments into the document.
        CSharpGeneratorDriver.Create([.. OpenApiGenerators.Value], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        if (generatorDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } generatorError)
        {
            throw new InvalidOperationException($"Case '{name}': the OpenAPI XML comment generator fails: {generatorError}");
        }

        compilation = (CSharpCompilation)generated;

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Case '{name}' does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var model = compilation.GetSemanticModel(tree);
        var markers = ReadMarkers(name, tree, model);
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        var findings = diagnostics
            .Where(d => d.Id.StartsWith("FE", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => new Finding(
                d.Id,
                d.Location.SourceTree == tree ? EndpointAt(tree.GetRoot().FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true), model) : null,
                d.Properties.TryGetValue("StatusCode", out var code) && int.TryParse(code, out var parsed) ? parsed : null,
                d.Location.GetLineSpan().StartLinePosition.Line + 1,
                d.GetMessage()))
            .ToList();

        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"Case '{name}' does not emit:{Environment.NewLine}{string.Join(Environment.NewLine, emitted.Diagnostics)}");
        }

        // Into the default context, so that MVC's application part discovery finds it by name like any loaded assembly.
        stream.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(stream);
        return new CaseCompilation(name, assembly, markers, findings);
    }

    /// <summary>The "// returns N" comments, each resolved to the endpoint whose body holds it.</summary>
    private static List<Marker> ReadMarkers(string name, SyntaxTree tree, SemanticModel model)
    {
        var markers = new List<Marker>();
        foreach (var trivia in tree.GetRoot().DescendantTrivia())
        {
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || MarkerComment().Match(trivia.ToString()) is not { Success: true } match)
            {
                continue;
            }

            // The endpoint of the code before the comment on its line: "return NotFound(); // returns 404" lies in an
            // action, "app.MapGet("/x", () => Results.NotFound()); // returns 404" in the handler passed to MapGet.
            var line = trivia.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            EndpointKey? endpoint = null;
            for (var token = trivia.Token; endpoint is null && token != default && token.GetLocation().GetLineSpan().StartLinePosition.Line + 1 == line; token = token.GetPreviousToken())
            {
                endpoint = EndpointAt(token.Parent!, model);
            }

            if (endpoint is null)
            {
                throw new InvalidOperationException($"Case '{name}', line {line}: the marker is not inside an endpoint the referee can name (an action of a controller, or a handler passed to a Map* call).");
            }

            foreach (var code in match.Groups["codes"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                markers.Add(new Marker(endpoint, int.Parse(code), line));
            }
        }

        return markers;
    }

    /// <summary>
    /// The endpoint a node belongs to: the handler lambda or method-group argument of a <c>Map*</c> call, or the
    /// controller action (a method of a type deriving from <c>ControllerBase</c>) that contains it.
    /// </summary>
    internal static EndpointKey? EndpointAt(SyntaxNode node, SemanticModel model)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                && RouteOf(invocation, model) is { } route)
            {
                return route;
            }

            if (ancestor is MethodDeclarationSyntax method
                && model.GetDeclaredSymbol(method) is { } symbol
                && DerivesFrom(symbol.ContainingType, "Microsoft.AspNetCore.Mvc.ControllerBase"))
            {
                return EndpointKey.ForAction(Metadata(symbol.ContainingType), symbol.Name);
            }
        }

        return null;
    }

    /// <summary>The route and methods of a <c>Map*</c> call, read from its literal arguments.</summary>
    private static EndpointKey? RouteOf(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { Name: var name } map || !name.StartsWith("Map", StringComparison.Ordinal))
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        string? Constant(int index) => index < arguments.Count ? model.GetConstantValue(arguments[index].Expression).Value as string : null;
        return map.Name switch
        {
            "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" when Constant(0) is { } route => EndpointKey.ForRoute(route, [name[3..]]),
            "MapMethods" when Constant(0) is { } route => EndpointKey.ForRoute(route, MethodsOf(arguments[1].Expression, model)),
            "Map" when Constant(0) is { } route => EndpointKey.ForRoute(route, null),
            "MapFallback" => EndpointKey.ForRoute(arguments.Count == 1 ? "{*path:nonfile}" : Constant(0) ?? "?", null),
            _ => null,
        };
    }

    /// <summary>The methods of <c>MapMethods</c>: string constants or <c>HttpMethods.X</c> fields, in an array or collection expression.</summary>
    private static IEnumerable<string> MethodsOf(ExpressionSyntax expression, SemanticModel model)
    {
        foreach (var element in expression.DescendantNodes().OfType<ExpressionSyntax>())
        {
            if (element.Parent is ExpressionElementSyntax or InitializerExpressionSyntax)
            {
                yield return model.GetConstantValue(element).Value as string
                    ?? (model.GetSymbolInfo(element).Symbol is IFieldSymbol { ContainingType.Name: "HttpMethods" } field ? field.Name : element.ToString());
            }
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, string metadataName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (Metadata(type) == metadataName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name reflection gives the type: "Cases.FlightsController", "Cases.Outer+Inner".</summary>
    private static string Metadata(INamedTypeSymbol type) =>
        (type.ContainingType is { } outer ? Metadata(outer) + "+" : type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".")
        + type.MetadataName;

    /// <summary>
    /// The reference pack of the running ASP.NET Core and .NET (the newest pack of the runtime's major version in the
    /// SDK that runs the tests), as an application compiled for net10.0 sees them.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var major = Environment.Version.Major;
        var references = new List<MetadataReference>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var version = Directory.GetDirectories(Path.Combine(root, "packs", pack))
                .Select(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? (Dir: d, Version: v) : default)
                .Where(v => v.Version?.Major == major)
                .MaxBy(v => v.Version)
                .Dir ?? throw new InvalidOperationException($"No {pack} {major}.x under {root}/packs.");
            references.AddRange(Directory.GetFiles(Path.Combine(version, "ref", $"net{major}.0"), "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
        }

        // Microsoft.AspNetCore.OpenApi and Microsoft.OpenApi, which the referee describes the case with: an app that
        // generates its document so references them (FE0001's xml_responses = auto reads this).
        references.Add(MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.OpenApi.OpenApiOptions).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(Microsoft.OpenApi.OpenApiDocument).Assembly.Location));
        return [.. references];
    }

    private sealed class GeneratorLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    [GeneratedRegex(@"^//\s*returns\s+(?<codes>\d{3}(\s*,\s*\d{3})*)\b")]
    private static partial Regex MarkerComment();
}
