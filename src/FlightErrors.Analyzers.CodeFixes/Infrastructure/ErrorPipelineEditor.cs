using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// Completes an application's error pipeline (FE0004's fix, and the application-level fix FE0002 and FE0003 apply with
/// theirs): <c>builder.Services.AddProblemDetails();</c> just before <c>builder.Build()</c>, and
/// <c>app.UseExceptionHandler();</c> and <c>app.UseStatusCodePages();</c> just after it, ahead of every other middleware
/// and endpoint, each only where the application lacks it. What is missing is worked out again from the project as it
/// is, the way the analyzer works it out, so the edit is the same whichever rule's fix makes it, and applying it twice
/// changes nothing.
/// </summary>
internal static class ErrorPipelineEditor
{
    /// <summary>
    /// The parts <paramref name="project"/> lacks and the hosts it builds, or <see cref="PipelineParts.None"/> when a
    /// host's setup is out of sight or no host has the shape the edit needs (<see cref="ApplicationHost.IsEditable"/>).
    /// </summary>
    public static async Task<(PipelineParts Missing, IReadOnlyList<ApplicationHost> Hosts)> MissingAsync(Project project, CancellationToken cancellationToken)
    {
        if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return (PipelineParts.None, Array.Empty<ApplicationHost>());
        }

        var application = ApplicationFacts.Find(compilation);
        var missing = application.MissingPipelineParts;
        if (missing == PipelineParts.None)
        {
            return (PipelineParts.None, Array.Empty<ApplicationHost>());
        }

        var hosts = ApplicationHost.Find(application, compilation, cancellationToken);
        return hosts.Any(static host => host.IsEditable) && hosts.All(static host => host.HandedTo is null) ? (missing, hosts) : (PipelineParts.None, Array.Empty<ApplicationHost>());
    }

    /// <summary>Adds what the application of <paramref name="projectId"/> lacks at each host it builds.</summary>
    public static async Task<Solution> CompleteAsync(Solution solution, ProjectId projectId, CancellationToken cancellationToken)
    {
        if (solution.GetProject(projectId) is not { } project)
        {
            return solution;
        }

        var (missing, hosts) = await MissingAsync(project, cancellationToken).ConfigureAwait(false);
        foreach (var byTree in hosts.GroupBy(static host => host.Build.SyntaxTree))
        {
            if (solution.GetDocument(byTree.Key) is not { } document)
            {
                continue;
            }

            var root = await byTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var statements = byTree.Where(static host => host.IsEditable).Select(host => BuildStatement(host.Build)).OfType<SyntaxNode>().ToList();
            root = root.TrackNodes(statements);
            foreach (var statement in statements)
            {
                root = Complete(root, root.GetCurrentNode(statement)!, missing);
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, root);
            solution = await ImportAsync(solution.GetDocument(document.Id)!, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>
    /// Imports the namespace of each added call that does not bind: a project without implicit usings may import
    /// neither <c>Microsoft.AspNetCore.Builder</c> nor <c>Microsoft.Extensions.DependencyInjection</c>.
    /// </summary>
    private static async Task<Solution> ImportAsync(Document document, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return document.Project.Solution;
        }

        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var added in root.GetAnnotatedNodes(Added))
        {
            if (added.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault() is { } call
                && model.GetSymbolInfo(call, cancellationToken).Symbol is null)
            {
                namespaces.Add(SyntaxNames.NameOf(call.Expression) == "AddProblemDetails" ? "Microsoft.Extensions.DependencyInjection" : "Microsoft.AspNetCore.Builder");
            }
        }

        if (namespaces.Count == 0)
        {
            return document.Project.Solution;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(static trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var usings = namespaces.Select(name => SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).NormalizeWhitespace().WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.EndOfLine("\n")));
        return document.WithSyntaxRoot(root.AddUsings(usings.ToArray())).Project.Solution;
    }

    private static readonly SyntaxAnnotation Added = new(nameof(ErrorPipelineEditor));

    /// <summary>The statement that holds the <c>Build()</c> call, as its block or the top-level program lists it.</summary>
    private static SyntaxNode? BuildStatement(InvocationExpressionSyntax build) =>
        build.FirstAncestorOrSelf<StatementSyntax>() switch
        {
            { Parent: GlobalStatementSyntax global } => global,
            { Parent: BlockSyntax } statement => statement,
            _ => null,
        };

    private static SyntaxNode Complete(SyntaxNode root, SyntaxNode placeholder, PipelineParts missing)
    {
        var statement = placeholder is GlobalStatementSyntax global ? global.Statement : (StatementSyntax)placeholder;
        var build = statement.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(static call => call is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } });
        if (build?.Expression is not MemberAccessExpressionSyntax { Expression: var builder })
        {
            return root;
        }

        var indentation = statement.GetLeadingTrivia().LastOrDefault(static trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        var endOfLine = statement.GetTrailingTrivia().FirstOrDefault(static trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        SyntaxNode Line(string code)
        {
            var line = SyntaxFactory.ParseStatement(code)
                .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                .WithTrailingTrivia(endOfLine);
            return placeholder is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(line).WithAdditionalAnnotations(Added) : line.WithAdditionalAnnotations(Added);
        }

        var before = new List<SyntaxNode>(1);
        if ((missing & PipelineParts.ProblemDetails) != 0)
        {
            before.Add(Line(builder.WithoutTrivia().ToString() + ".Services.AddProblemDetails();"));
        }

        // The middleware needs the app by name: `var app = builder.Build();`.
        var after = new List<SyntaxNode>(2);
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } && variables[0].Initializer?.Value == build)
        {
            var app = variables[0].Identifier.ValueText;
            if ((missing & PipelineParts.ExceptionHandler) != 0)
            {
                after.Add(Line(app + ".UseExceptionHandler();"));
            }

            if ((missing & PipelineParts.StatusCodePages) != 0)
            {
                after.Add(Line(app + ".UseStatusCodePages();"));
            }
        }

        // The new lines go right next to the Build() statement, which keeps its own leading trivia (the blank line and
        // comment above it) and so stays apart from what follows, as before.
        root = root.TrackNodes(placeholder);
        if (after.Count > 0)
        {
            root = root.InsertNodesAfter(root.GetCurrentNode(placeholder)!, after);
        }

        if (before.Count > 0)
        {
            root = root.InsertNodesBefore(root.GetCurrentNode(placeholder)!, before);
        }

        return root;
    }
}
