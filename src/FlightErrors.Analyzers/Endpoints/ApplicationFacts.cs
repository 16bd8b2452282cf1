using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// How the application is configured, where that decides whether a bodyless error becomes Problem Details. Found by one
/// text scan per file (on first need, kept with the tree), without copying any file's text; only files that mention a
/// name are parsed further.
/// </summary>
internal sealed class ApplicationFacts
{
    private readonly bool _configuresStatusCodePagesAsProblemDetails;

    private ApplicationFacts(bool suppressesClientErrorMapping, bool configuresStatusCodePagesAsProblemDetails, ImmutableArray<string> exceptionHandlerPaths)
    {
        SuppressesClientErrorMapping = suppressesClientErrorMapping;
        _configuresStatusCodePagesAsProblemDetails = configuresStatusCodePagesAsProblemDetails;
        ExceptionHandlerPaths = exceptionHandlerPaths;
    }

    /// <summary><c>ApiBehaviorOptions.SuppressMapClientErrors = true</c>.</summary>
    public bool SuppressesClientErrorMapping { get; }

    /// <summary>
    /// Whether the host's status code pages write Problem Details for every bodyless error: as
    /// <c>flight_errors.status_code_pages</c> says, or with <c>auto</c> when the compilation calls
    /// <c>services.AddProblemDetails()</c> and <c>app.UseStatusCodePages()</c> (its default handler). A class library
    /// whose host is elsewhere sees neither call, so its owners say what the host does.
    /// </summary>
    public bool WritesStatusCodePagesAsProblemDetails(StatusCodePagesSetting setting) => setting switch
    {
        StatusCodePagesSetting.Enabled => true,
        StatusCodePagesSetting.Disabled => false,
        _ => _configuresStatusCodePagesAsProblemDetails,
    };

    /// <summary>
    /// The paths the exception handler re-executes the request at (<c>app.UseExceptionHandler("/error")</c>,
    /// <c>ExceptionHandlingPath = "/error"</c>), normalized as <see cref="ActionRoutes.Normalize"/> does: the endpoint
    /// there writes the 500 for every unhandled exception, by design.
    /// </summary>
    public ImmutableArray<string> ExceptionHandlerPaths { get; }

    /// <summary>Whether the endpoint answers at a path the exception handler re-executes requests at.</summary>
    public bool IsExceptionHandler(in Endpoint endpoint)
    {
        if (ExceptionHandlerPaths.IsEmpty)
        {
            return false;
        }

        if (endpoint.Route is { } route)
        {
            return ExceptionHandlerPaths.Contains(ActionRoutes.Normalize(route.Route));
        }

        return endpoint.Kind == EndpointKind.Action && ActionRoutes.AnswersAt(endpoint.Method, ExceptionHandlerPaths);
    }

    /// <summary>
    /// Whether something in the compilation handles unhandled exceptions: <c>UseExceptionHandler(...)</c>, an
    /// <c>IExceptionHandler</c>, or an MVC exception filter.
    /// </summary>
    public bool HandlesExceptions { get; private set; }

    /// <summary>
    /// Whether the compilation builds its host (<c>WebApplication.CreateBuilder</c> and its kin): a class library of
    /// endpoints does not, and cannot see what its host configures.
    /// </summary>
    public bool BuildsHost { get; private set; }

    public static ApplicationFacts Find(Compilation compilation)
    {
        var setup = Setup.None;
        var exceptionHandlerPaths = ImmutableArray<string>.Empty;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = TreeFacts.GetValue(tree, static t => TreeScan.Of(t));
            setup |= facts.Setup;
            exceptionHandlerPaths = exceptionHandlerPaths.AddRange(facts.ExceptionHandlerPaths);
        }

        return new ApplicationFacts(
            (setup & Setup.SuppressesClientErrors) != 0,
            (setup & (Setup.AddsProblemDetails | Setup.UsesStatusCodePages)) == (Setup.AddsProblemDetails | Setup.UsesStatusCodePages),
            exceptionHandlerPaths)
        {
            HandlesExceptions = (setup & Setup.HandlesExceptions) != 0,
            BuildsHost = (setup & Setup.BuildsHost) != 0,
        };
    }

    /// <summary>What one file does to set the application up.</summary>
    [Flags]
    private enum Setup : byte
    {
        None = 0,
        SuppressesClientErrors = 1,
        AddsProblemDetails = 2,
        UsesStatusCodePages = 4,
        HandlesExceptions = 8,
        BuildsHost = 16,
    }

    /// <summary>
    /// What each file says, kept as long as the tree lives: the IDE makes a new compilation on every edit but keeps the
    /// trees of the files not edited, so only the edited file is scanned again.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, TreeScan> TreeFacts = new();

    private sealed class TreeScan
    {
        private static readonly TreeScan Nothing = new(Setup.None, ImmutableArray<string>.Empty);

        // The names a file must mention for its syntax to be read at all, found by a text scan.
        private static readonly string[] Mentions =
        {
            "SuppressMapClientErrors", "AddProblemDetails", "UseStatusCodePages",
            "ExceptionHandl", // UseExceptionHandler, ExceptionHandlingPath, IExceptionHandler
            "ExceptionFilter", // IExceptionFilter, IAsyncExceptionFilter, ExceptionFilterAttribute
            "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder", "CreateDefaultBuilder",
        };

        private TreeScan(Setup setup, ImmutableArray<string> exceptionHandlerPaths)
        {
            Setup = setup;
            ExceptionHandlerPaths = exceptionHandlerPaths;
        }

        public Setup Setup { get; }

        public ImmutableArray<string> ExceptionHandlerPaths { get; }

        public static TreeScan Of(SyntaxTree tree)
        {
            if (!tree.TryGetText(out var text))
            {
                text = tree.GetText();
            }

            var mentioned = false;
            var buffer = t_buffer ??= new char[ChunkLength + Overlap];
            for (var start = 0; start < text.Length && !mentioned; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength + Overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                foreach (var mention in Mentions)
                {
                    mentioned |= Contains(buffer, count, mention);
                }
            }

            if (!mentioned)
            {
                return Nothing;
            }

            var setup = Setup.None;
            var exceptionHandlerPaths = ImmutableArray<string>.Empty;
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when right.IsKind(SyntaxKind.TrueLiteralExpression)
                        && SyntaxNames.NameOf(left) == "SuppressMapClientErrors":
                        setup |= Setup.SuppressesClientErrors;
                        break;
                    case AssignmentExpressionSyntax { Left: var left, Right: var right } when SyntaxNames.NameOf(left) == "ExceptionHandlingPath" && PathOf(right) is { } path:
                        exceptionHandlerPaths = exceptionHandlerPaths.Add(path);
                        break;
                    case SimpleBaseTypeSyntax { Type: var baseType }
                        when RightmostName(baseType) is "IExceptionHandler" or "IExceptionFilter" or "IAsyncExceptionFilter" or "ExceptionFilterAttribute":
                        setup |= Setup.HandlesExceptions;
                        break;
                    case InvocationExpressionSyntax { Expression: var callee, ArgumentList: var arguments }:
                        switch (SyntaxNames.NameOf(callee))
                        {
                            case "AddProblemDetails":
                                setup |= Setup.AddsProblemDetails;
                                break;
                            case "UseStatusCodePages" when arguments.Arguments.Count == 0:
                                setup |= Setup.UsesStatusCodePages;
                                break;
                            case "UseExceptionHandler":
                                setup |= Setup.HandlesExceptions;
                                if (arguments.Arguments.Count > 0 && PathOf(arguments.Arguments[0].Expression) is { } path)
                                {
                                    exceptionHandlerPaths = exceptionHandlerPaths.Add(path);
                                }

                                break;
                            case "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder" or "CreateDefaultBuilder":
                                setup |= Setup.BuildsHost;
                                break;
                        }

                        break;
                }
            }

            return new TreeScan(setup, exceptionHandlerPaths);
        }

        /// <summary>A path written as a string literal, or as <c>new PathString("…")</c>.</summary>
        private static string? PathOf(ExpressionSyntax expression) => expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => ActionRoutes.Normalize(literal.Token.ValueText),
            BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } => PathOf(arguments[0].Expression),
            _ => null,
        };

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }

    // The text is read in chunks into one buffer per thread, not copied whole into a string per file: the scan runs over
    // every file of the compilation (a buffer per file was about 8 KB a file). Chunks overlap by more than the longest
    // name, so no mention falls between two.
    [ThreadStatic]
    private static char[]? t_buffer;

    private const int ChunkLength = 8192;
    private const int Overlap = 32;

    private static bool Contains(char[] buffer, int count, string value)
    {
        var last = count - value.Length;
        for (var i = 0; i <= last; i++)
        {
            if (buffer[i] != value[0])
            {
                continue;
            }

            var matched = 1;
            while (matched < value.Length && buffer[i + matched] == value[matched])
            {
                matched++;
            }

            if (matched == value.Length)
            {
                return true;
            }
        }

        return false;
    }
}
