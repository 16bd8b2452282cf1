using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>The parts of the pipeline that turn every error into Problem Details.</summary>
[Flags]
internal enum PipelineParts : byte
{
    None = 0,

    /// <summary><c>services.AddProblemDetails()</c>: the writer the bare exception handler and status code pages use.</summary>
    ProblemDetails = 1,

    /// <summary><c>app.UseExceptionHandler()</c>: an unhandled exception becomes a Problem Details 500.</summary>
    ExceptionHandler = 2,

    /// <summary><c>app.UseStatusCodePages()</c>: a bodyless error gets a Problem Details body.</summary>
    StatusCodePages = 4,
}

internal static class PipelinePartsExtensions
{
    /// <summary>The parts as a sentence lists them: "AddProblemDetails(), an exception handler (UseExceptionHandler()) and UseStatusCodePages()".</summary>
    public static string Describe(this PipelineParts parts)
    {
        var names = new List<string>(3);
        if ((parts & PipelineParts.ProblemDetails) != 0)
        {
            names.Add("AddProblemDetails()");
        }

        if ((parts & PipelineParts.ExceptionHandler) != 0)
        {
            names.Add("an exception handler (UseExceptionHandler())");
        }

        if ((parts & PipelineParts.StatusCodePages) != 0)
        {
            names.Add("UseStatusCodePages()");
        }

        return names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            2 => names[0] + " and " + names[1],
            _ => names[0] + ", " + names[1] + " and " + names[2],
        };
    }
}

/// <summary>
/// A <c>WebApplication</c> the compilation builds: where <c>builder.Build()</c> is called, and whether its setup is out
/// of sight. Setup is out of sight when the builder, its services or the built app are handed to a method the
/// compilation does not contain and that ASP.NET Core itself does not declare (<c>builder.AddServiceDefaults()</c> from
/// another project): that method may add any part of the error pipeline, so nothing is claimed about it.
/// </summary>
internal sealed class ApplicationHost
{
    // The assemblies whose methods are known not to set up error handling behind the code's back: the framework's and
    // Microsoft's packages (whose error handling is the UseExceptionHandler and AddProblemDetails this reads), and the
    // common libraries that register services of their own (mapping, mediators, validation, logging, OpenAPI, data
    // access). Anything else that is handed the host may set up error handling.
    private static readonly string[] KnownAssemblyPrefixes =
    {
        "Microsoft.", "System", "netstandard", "Swashbuckle.", "NSwag.", "Scalar.", "MediatR", "AutoMapper", "Mapster",
        "FluentValidation", "Serilog", "Npgsql", "Pomelo.", "StackExchange.", "Polly",
    };

    private const int MaxDepth = 4;

    private ApplicationHost(InvocationExpressionSyntax build, IMethodSymbol? handedTo)
    {
        Build = build;
        HandedTo = handedTo;
    }

    /// <summary>The <c>builder.Build()</c> call.</summary>
    public InvocationExpressionSyntax Build { get; }

    /// <summary>
    /// Whether a fix can add the missing parts here: the host is built as <c>var app = builder.Build();</c>, a statement
    /// of a block or of the top-level program, with the builder and the app in locals the new lines can name.
    /// </summary>
    public bool IsEditable => Build is
    {
        Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax },
        Parent: EqualsValueClauseSyntax
        {
            Parent: VariableDeclaratorSyntax
            {
                Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } },
            },
        },
    };

    /// <summary>The first method out of sight that is handed the host, or null when its whole setup is in sight.</summary>
    public IMethodSymbol? HandedTo { get; }

    /// <summary>The hosts among the compilation's <see cref="ApplicationFacts.BuildCalls"/>, in the order of the files.</summary>
    public static ImmutableArray<ApplicationHost> Find(ApplicationFacts application, Compilation compilation, CancellationToken cancellationToken)
    {
        if (application.BuildCalls.IsEmpty)
        {
            return ImmutableArray<ApplicationHost>.Empty;
        }

        var hosts = ImmutableArray.CreateBuilder<ApplicationHost>();
        foreach (var (tree, span) in application.BuildCalls)
        {
            if (tree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax build)
            {
                continue;
            }

            // Inside the analyzer driver this is the driver's cached model of the file (see SemanticModelSource), and
            // only the few files that create a host builder are asked for.
#pragma warning disable RS1030
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            if (Of(build, new SemanticModelSource(model), cancellationToken) is { } host)
            {
                hosts.Add(host);
            }
        }

        return hosts.ToImmutable();
    }

    /// <summary>The host <paramref name="build"/> builds, or null when it does not build a <c>WebApplication</c>.</summary>
    public static ApplicationHost? Of(InvocationExpressionSyntax build, SemanticModelSource models, CancellationToken cancellationToken)
    {
        if (models.For(build.SyntaxTree) is not { } model
            || model.GetSymbolInfo(build, cancellationToken).Symbol is not IMethodSymbol { Name: "Build", ContainingType: { Name: "WebApplicationBuilder" } builderType }
            || !builderType.IsInNamespace("Microsoft", "AspNetCore", "Builder"))
        {
            return null;
        }

        var setup = build.FirstAncestorOrSelf<SyntaxNode>(static node => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return new ApplicationHost(build, setup is null ? null : HandedOutOfSight(setup, model, models, visited, 0, cancellationToken));
    }

    /// <summary>
    /// The first method out of sight that a call in <paramref name="setup"/> hands the host to; methods of the
    /// compilation that are handed it are read in turn.
    /// </summary>
    private static IMethodSymbol? HandedOutOfSight(SyntaxNode setup, SemanticModel model, SemanticModelSource models, HashSet<IMethodSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        foreach (var node in setup.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !HandsHost(invocation, model, cancellationToken))
            {
                continue;
            }

            method = method.ReducedFrom ?? method;
            // Another project's method is out of sight even where the IDE hands over its source (a project reference).
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly))
            {
                if (!IsKnown(method.ContainingAssembly))
                {
                    return method;
                }

                continue;
            }

            if (depth >= MaxDepth || !visited.Add(method.OriginalDefinition))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (models.For(declaration.SyntaxTree) is { } declarationModel
                    && HandedOutOfSight(declaration, declarationModel, models, visited, depth + 1, cancellationToken) is { } handed)
                {
                    return handed;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the call's receiver or one of its arguments is the host: its builder, services or app.</summary>
    private static bool HandsHost(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax access && IsHost(model.GetTypeInfo(access.Expression, cancellationToken).Type))
        {
            return true;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (IsHost(model.GetTypeInfo(argument.Expression, cancellationToken).Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHost(ITypeSymbol? type)
    {
        if (type is null || type.Name == "RouteGroupBuilder")
        {
            return false;
        }

        if (IsHostInterface(type) || type.Name == "WebApplicationBuilder")
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsHostInterface(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHostInterface(ITypeSymbol type) =>
        type.Name is "IHostApplicationBuilder" or "IServiceCollection" or "IApplicationBuilder" or "IEndpointRouteBuilder"
        && type.ContainingNamespace?.ToDisplayString() is { } name
        && (name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));

    private static bool IsKnown(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        foreach (var prefix in KnownAssemblyPrefixes)
        {
            if (assembly.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
