using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>What to document on one minimal-API endpoint, found by its <c>Map*</c> call.</summary>
internal sealed class EndpointDocumentation : DocumentationPlan
{
    public EndpointDocumentation(InvocationExpressionSyntax mapCall, ResponseEntry? implicitOk)
        : base(implicitOk)
    {
        MapCall = mapCall;
    }

    public InvocationExpressionSyntax MapCall { get; }
}

/// <summary>
/// Documents minimal-API endpoints: appends <c>.ProducesProblem(...)</c> / <c>.Produces&lt;T&gt;(...)</c> to the end of
/// an endpoint's builder chain in status order, keeping the chain's layout (one call per line stays one call per line),
/// or adds typed results to the handler's <c>Results&lt;...&gt;</c> union; and route groups, whose chain gets
/// <c>.ProducesProblem(...)</c> the same way.
/// </summary>
internal static class EndpointChainEditor
{
    /// <summary>The most members <c>Results&lt;...&gt;</c> takes.</summary>
    private const int MaxUnionMembers = 6;

    private static readonly SyntaxAnnotation InsertedAnnotation = new(nameof(EndpointChainEditor));

    /// <summary>Whether the call maps an endpoint whose builder takes <c>.Produces*</c> (a <c>RouteHandlerBuilder</c>).</summary>
    public static bool CanAppend(InvocationExpressionSyntax mapCall, SemanticModel model, KnownTypes types, CancellationToken cancellationToken) =>
        IsRouteHandlerBuilder(model.GetTypeInfo(mapCall, cancellationToken).Type, types);

    public static async Task<Document> AppendAsync(Document document, IReadOnlyCollection<EndpointDocumentation> endpoints, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var byEnd = new Dictionary<ExpressionSyntax, EndpointDocumentation>();
        foreach (var endpoint in endpoints)
        {
            if (CanAppend(endpoint.MapCall, model, types, cancellationToken))
            {
                byEnd[ChainEnd(endpoint.MapCall, model, types, cancellationToken)] = endpoint;
            }
        }

        var newRoot = root.ReplaceNodes(byEnd.Keys, (original, rewritten) =>
        {
            var endpoint = byEnd[original];
            var entries = new List<ResponseEntry>(endpoint.Entries);
            if (endpoint.ImplicitOk is { } implicitOk && !entries.Exists(static e => e.StatusCode == 200))
            {
                entries.Add(implicitOk);
            }

            entries.Sort(static (a, b) => a.StatusCode.CompareTo(b.StatusCode));
            return Append(rewritten, entries, types, model, original.SpanStart, generator);
        });

        return await Imports.AddForAsync(document, newRoot, InsertedAnnotation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends each group's codes to the end of its chain (<see cref="GroupTarget.ChainEnd"/>), in status order, as the
    /// endpoints' chains get them: <c>.ProducesProblem(...)</c> for an error sent as Problem Details.
    /// </summary>
    public static async Task<Document> AppendToGroupsAsync(Document document, IReadOnlyDictionary<InvocationExpressionSyntax, List<ResponseEntry>> groups, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var newRoot = root.ReplaceNodes(groups.Keys, (original, rewritten) =>
        {
            var entries = new List<ResponseEntry>(groups[original]);
            entries.Sort(static (a, b) => a.StatusCode.CompareTo(b.StatusCode));
            return Append(rewritten, entries, types, model, original.SpanStart, generator);
        });

        return await Imports.AddForAsync(document, newRoot, InsertedAnnotation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <c>Results&lt;...&gt;</c> written as the handler's return type in this document, when it has room for
    /// <paramref name="count"/> more members; null otherwise.
    /// </summary>
    public static GenericNameSyntax? ResultsUnion(InvocationExpressionSyntax mapCall, SemanticModel model, int count, CancellationToken cancellationToken)
    {
        if (model.GetOperation(mapCall, cancellationToken) is not IInvocationOperation invocation
            || invocation.Argument("handler", includeDefaultValue: true)?.Value is not { } handler)
        {
            return null;
        }

        var value = RouteHandlers.HandlerTarget(handler);

        TypeSyntax? returnType = value switch
        {
            IAnonymousFunctionOperation { Syntax: ParenthesizedLambdaExpressionSyntax lambda } => lambda.ReturnType,
            IMethodReferenceOperation reference => DeclaredReturnType(reference.Method, mapCall.SyntaxTree, cancellationToken),
            _ => null,
        };

        return returnType is not null && UnionIn(returnType, model, cancellationToken) is { } union
            && union.TypeArgumentList.Arguments.Count + count <= MaxUnionMembers
            ? union
            : null;
    }

    /// <summary>The <c>Results&lt;…&gt;</c> union a declared return type is or wraps (<c>Task&lt;Results&lt;…&gt;&gt;</c>), if any.</summary>
    public static GenericNameSyntax? UnionIn(TypeSyntax returnType, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in returnType.DescendantNodesAndSelf())
        {
            if (node is GenericNameSyntax { Identifier.ValueText: "Results" } union
                && model.GetSymbolInfo(union, cancellationToken).Symbol is INamedTypeSymbol symbol
                && symbol.IsInNamespace("Microsoft", "AspNetCore", "Http", "HttpResults"))
            {
                return union;
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>Map*</c> call a lambda that holds <paramref name="node"/> is the handler of, when the nearest function
    /// around the node is such a lambda.
    /// </summary>
    public static InvocationExpressionSyntax? MapCallAround(SyntaxNode node)
    {
        var function = node.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax);
        return function is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } }
            && call.Expression is MemberAccessExpressionSyntax access
            && RouteHandlers.IsMapName(access.Name.Identifier.ValueText)
                ? call
                : null;
    }

    /// <summary>
    /// The <c>.Produces(…)</c> calls of the chain <paramref name="mapCall"/> starts that document
    /// <paramref name="statusCode"/> as something other than Problem Details (<c>.Produces(404)</c>,
    /// <c>.Produces&lt;string&gt;(400)</c>).
    /// </summary>
    public static List<InvocationExpressionSyntax> ProducesCallsFor(InvocationExpressionSyntax mapCall, int statusCode, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = new List<InvocationExpressionSyntax>();
        ExpressionSyntax current = mapCall;
        while (current.Parent is MemberAccessExpressionSyntax access
            && access.Expression == current
            && access.Parent is InvocationExpressionSyntax next
            && next.Expression == access)
        {
            if (access.Name.Identifier.ValueText == "Produces"
                && next.ArgumentList.Arguments.Count > 0
                && model.GetConstantValue(next.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: int code }
                && code == statusCode)
            {
                calls.Add(next);
            }

            current = next;
        }

        return calls;
    }

    /// <summary>
    /// The body type a <c>.Produces&lt;T&gt;(…)</c> or <c>.Produces(code, typeof(T))</c> call documents; null when it
    /// names none.
    /// </summary>
    public static ITypeSymbol? DocumentedBodyType(InvocationExpressionSyntax produces, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetOperation(produces, cancellationToken) is not IInvocationOperation invocation)
        {
            return null;
        }

        if (invocation.TargetMethod.TypeArguments.Length == 1)
        {
            return invocation.TargetMethod.TypeArguments[0];
        }

        return invocation.Argument("responseType")?.Value.WalkDownConversions() is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
    }

    /// <summary><c>.Produces(code, …)</c> or <c>.Produces&lt;T&gt;(code, …)</c> as <c>.ProducesProblem(code)</c>.</summary>
    public static InvocationExpressionSyntax AsProducesProblem(InvocationExpressionSyntax produces)
    {
        var access = (MemberAccessExpressionSyntax)produces.Expression;
        var name = SyntaxFactory.IdentifierName("ProducesProblem").WithTriviaFrom(access.Name);
        var statusCode = produces.ArgumentList.Arguments[0].WithNameColon(null);
        return produces
            .WithExpression(access.WithName(name))
            .WithArgumentList(produces.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(statusCode)));
    }

    /// <summary>How many members a <c>Results&lt;…&gt;</c> union can have (ASP.NET Core declares up to six).</summary>
    public static int UnionCapacity => MaxUnionMembers;

    /// <summary>The typed result that documents <paramref name="entry"/> in a union, or null when there is none.</summary>
    public static INamedTypeSymbol? UnionMember(ResponseEntry entry, SemanticModel model, int position)
    {
        var compilation = model.Compilation;
        var body = StatusCodeFacts.IsSuccess(entry.StatusCode) ? entry.ResolveType(compilation) : null;
        if (body is not null && !model.IsAccessible(position, body))
        {
            return null;
        }

        var name = ResultApis.TypedResultFor(entry.StatusCode);
        if (name is null)
        {
            return null;
        }

        if (body is not null && entry.StatusCode != 204
            && compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResults." + name + "`1") is { } generic)
        {
            return generic.Construct(body);
        }

        return compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResults." + name);
    }

    /// <summary>Adds the typed results of <paramref name="entries"/> to each endpoint's union, skipping members it already has.</summary>
    public static async Task<Document> AddToUnionsAsync(Document document, IReadOnlyCollection<EndpointDocumentation> endpoints, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var byUnion = new Dictionary<GenericNameSyntax, List<INamedTypeSymbol>>();
        foreach (var endpoint in endpoints)
        {
            var members = new List<INamedTypeSymbol>();
            foreach (var entry in endpoint.Entries)
            {
                if (UnionMember(entry, model, endpoint.MapCall.SpanStart) is { } member && !members.Contains(member, SymbolEqualityComparer.Default))
                {
                    members.Add(member);
                }
            }

            if (members.Count > 0 && ResultsUnion(endpoint.MapCall, model, 0, cancellationToken) is { } union)
            {
                var existing = model.GetSymbolInfo(union, cancellationToken).Symbol as INamedTypeSymbol;
                members.RemoveAll(m => existing is not null && existing.TypeArguments.Contains(m, SymbolEqualityComparer.Default));
                if (members.Count > 0 && union.TypeArgumentList.Arguments.Count + members.Count <= MaxUnionMembers)
                {
                    byUnion[union] = members;
                }
            }
        }

        var newRoot = root.ReplaceNodes(byUnion.Keys, (original, rewritten) =>
        {
            var arguments = rewritten.TypeArgumentList.Arguments;
            foreach (var member in byUnion[original])
            {
                arguments = arguments.Add(((TypeSyntax)generator.TypeExpression(member, addImport: true))
                    .WithAdditionalAnnotations(Simplifier.Annotation, InsertedAnnotation));
            }

            return rewritten.WithTypeArgumentList(rewritten.TypeArgumentList.WithArguments(arguments));
        });

        return await Imports.AddForAsync(document, newRoot, InsertedAnnotation, cancellationToken).ConfigureAwait(false);
    }

    private static TypeSyntax? DeclaredReturnType(IMethodSymbol method, SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree && reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
            {
                return declaration.ReturnType;
            }
        }

        return null;
    }

    /// <summary>The last call of the endpoint's builder chain that still returns the <c>RouteHandlerBuilder</c>.</summary>
    private static ExpressionSyntax ChainEnd(InvocationExpressionSyntax mapCall, SemanticModel model, KnownTypes types, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = mapCall;
        while (current.Parent is MemberAccessExpressionSyntax access
            && access.Expression == current
            && access.Parent is InvocationExpressionSyntax next
            && next.Expression == access
            && IsRouteHandlerBuilder(model.GetTypeInfo(next, cancellationToken).Type, types))
        {
            current = next;
        }

        return current;
    }

    /// <summary>The call a builder chain starts with: an endpoint's <c>Map*</c>, or a group's <c>MapGroup</c>.</summary>
    private static bool IsChainStart(string name) => RouteHandlers.IsMapName(name) || name == "MapGroup";

    private static bool IsRouteHandlerBuilder(ITypeSymbol? type, KnownTypes types) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type, types.RouteHandlerBuilder);

    private static ExpressionSyntax Append(ExpressionSyntax end, List<ResponseEntry> entries, KnownTypes types, SemanticModel model, int position, SyntaxGenerator generator)
    {
        // A code the chain already declares is not declared twice (two fixes of one handler in one Fix All).
        var written = new HashSet<int>();
        for (var node = end; node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call && !IsChainStart(access.Name.Identifier.ValueText); node = access.Expression)
        {
            if (DocumentedCode(call) is { } code)
            {
                written.Add(code);
            }
        }

        var current = end;
        foreach (var entry in entries)
        {
            if (!written.Add(entry.StatusCode))
            {
                continue;
            }

            var (name, argument) = Call(entry, types, model, position, generator);
            current = Insert(current, entry.StatusCode, name, argument);
        }

        return Wrapped(current, end);
    }

    /// <summary>The line length past which added calls go one per line (the .editorconfig's own is not read).</summary>
    private const int MaxLineLength = 120;

    /// <summary>
    /// Added calls on a chain written on one line stay there while the line fits in <see cref="MaxLineLength"/>
    /// characters; past it, each goes on a line of its own, indented one level deeper than the line the chain starts on.
    /// </summary>
    private static ExpressionSyntax Wrapped(ExpressionSyntax chain, ExpressionSyntax original)
    {
        var text = original.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(original.SpanStart);
        // Measured as it will read once the simplifier has shortened the names the fix wrote in full.
        var written = new SimplifiedNames().Visit(chain).ToString();
        var lastBreak = written.LastIndexOf('\n');
        var lastLineLength = lastBreak >= 0 ? written.Length - lastBreak - 1 : original.SpanStart - line.Start + written.Length;
        if (lastLineLength <= MaxLineLength)
        {
            return chain;
        }

        var lineText = line.ToString();
        var indent = lineText.Substring(0, lineText.Length - lineText.TrimStart().Length) + "    ";
        var endOfLine = line.EndIncludingLineBreak > line.End ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
        var dots = new List<SyntaxToken>();
        foreach (var access in chain.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Name.HasAnnotation(InsertedAnnotation) && EndOfLine(access.OperatorToken.LeadingTrivia) is null)
            {
                dots.Add(access.OperatorToken);
            }
        }

        return chain.ReplaceTokens(dots, (_, dot) => dot.WithLeadingTrivia(SyntaxFactory.EndOfLine(endOfLine), SyntaxFactory.Whitespace(indent)));
    }

    /// <summary>Names marked for the simplifier, written as it will write them (the last part of a qualified name).</summary>
    private sealed class SimplifiedNames : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node) =>
            node.HasAnnotation(Simplifier.Annotation) ? Visit(node.Right) : base.VisitQualifiedName(node);

        public override SyntaxNode? VisitAliasQualifiedName(AliasQualifiedNameSyntax node) =>
            node.HasAnnotation(Simplifier.Annotation) ? Visit(node.Name) : base.VisitAliasQualifiedName(node);
    }

    /// <summary>
    /// Inserts one call before the first <c>.Produces*</c> call of the chain with a higher status code, or at the end,
    /// laid out like the call it follows: on a line of its own when the chain has one call per line.
    /// </summary>
    private static ExpressionSyntax Insert(ExpressionSyntax chain, int statusCode, SimpleNameSyntax name, ExpressionSyntax argument)
    {
        InvocationExpressionSyntax? before = null;
        for (var node = chain; node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; node = access.Expression)
        {
            if (IsChainStart(access.Name.Identifier.ValueText))
            {
                break;
            }

            if (DocumentedCode(call) is { } code && code > statusCode)
            {
                before = call;
            }
        }

        var anchor = before is null ? chain : ((MemberAccessExpressionSyntax)before.Expression).Expression;
        var layout = before is null ? chain as InvocationExpressionSyntax : before;
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
        var receiver = anchor;
        var trailing = default(SyntaxTriviaList);
        if (layout is { Expression: MemberAccessExpressionSyntax laidOut } && EndOfLine(laidOut.OperatorToken.GetPreviousToken().TrailingTrivia) is { } endOfLine)
        {
            dot = dot.WithLeadingTrivia(Indentation(laidOut.OperatorToken.LeadingTrivia));
            if (before is null)
            {
                // At the end: the chain's own trailing trivia moves after the new call.
                receiver = anchor.WithoutTrailingTrivia().WithTrailingTrivia(endOfLine);
                trailing = anchor.GetTrailingTrivia();
            }
            else
            {
                // Before a call: the line above keeps its comment and line break; the new line gets its own.
                trailing = SyntaxFactory.TriviaList(endOfLine);
            }
        }
        else if (before is null)
        {
            receiver = anchor.WithoutTrailingTrivia();
            trailing = anchor.GetTrailingTrivia();
        }

        ExpressionSyntax inserted = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, name.WithAdditionalAnnotations(InsertedAnnotation)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))).WithAdditionalAnnotations(InsertedAnnotation))
            .WithTrailingTrivia(trailing);
        return anchor == chain ? inserted : chain.ReplaceNode(anchor, inserted);
    }

    /// <summary>The whitespace that starts the line of a token: its leading trivia after the last line break.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var start = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = i + 1;
            }
        }

        var indentation = SyntaxFactory.TriviaList();
        for (var i = start; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                indentation = indentation.Add(leading[i]);
            }
        }

        return indentation;
    }

    private static SyntaxTrivia? EndOfLine(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The code a written <c>.Produces*</c> call documents, read from its text (for ordering only).</summary>
    private static int? DocumentedCode(InvocationExpressionSyntax call)
    {
        var name = ((MemberAccessExpressionSyntax)call.Expression).Name.Identifier.ValueText;
        if (name is not ("Produces" or "ProducesProblem" or "ProducesValidationProblem"))
        {
            return null;
        }

        if (call.ArgumentList.Arguments.Count == 0)
        {
            return name == "ProducesValidationProblem" ? 400 : name == "Produces" ? 200 : null;
        }

        var text = call.ArgumentList.Arguments[0].Expression switch
        {
            LiteralExpressionSyntax literal => literal.Token.ValueText,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } when member.StartsWith("Status", System.StringComparison.Ordinal) && member.Length >= 9 => member.Substring(6, 3),
            _ => null,
        };

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    /// <summary>
    /// <c>ProducesProblem(code)</c> for errors sent as Problem Details, <c>Produces&lt;T&gt;(code)</c> for a body of a known
    /// type (an error body of the application's own type included), <c>Produces(code)</c> for the rest.
    /// </summary>
    private static (SimpleNameSyntax Name, ExpressionSyntax Argument) Call(ResponseEntry entry, KnownTypes types, SemanticModel model, int position, SyntaxGenerator generator)
    {
        var statusCode = ResponseAttributeEditor.StatusCodeExpression(entry.StatusCode, types, generator);
        var isError = StatusCodeFacts.IsError(entry.StatusCode);
        if (isError && (entry.ResolveType(model.Compilation) is not { } errorBody || !model.IsAccessible(position, errorBody)))
        {
            return (SyntaxFactory.IdentifierName("ProducesProblem"), statusCode);
        }

        if (entry.StatusCode != 204 && entry.ResolveType(model.Compilation) is { } body && model.IsAccessible(position, body))
        {
            var typeArgument = ((TypeSyntax)generator.TypeExpression(body, addImport: true)).WithAdditionalAnnotations(Simplifier.Annotation);
            return (SyntaxFactory.GenericName(SyntaxFactory.Identifier("Produces"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(typeArgument))), statusCode);
        }

        return (SyntaxFactory.IdentifierName("Produces"), statusCode);
    }
}
