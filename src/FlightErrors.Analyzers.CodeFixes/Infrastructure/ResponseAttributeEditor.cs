using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace FlightErrors.Analyzers;

/// <summary>What to document on one action.</summary>
internal sealed class ActionDocumentation : DocumentationPlan
{
    public ActionDocumentation(MethodDeclarationSyntax method, bool typedErrors, ResponseEntry? implicitOk)
        : base(implicitOk)
    {
        Method = method;
        TypedErrors = typedErrors;
    }

    public MethodDeclarationSyntax Method { get; }

    /// <summary>Document error codes with <c>ProblemDetails</c> (outside <c>[ApiController]</c>, which implies it).</summary>
    public bool TypedErrors { get; }
}

/// <summary>
/// Adds <c>[ProducesResponseType]</c> attributes to actions, each in its own attribute list, placed among its
/// siblings in status-code order, with <c>StatusCodes</c> constants and imports added through the simplifier.
/// </summary>
internal static class ResponseAttributeEditor
{
    private static readonly SyntaxAnnotation InsertedAnnotation = new(nameof(ResponseAttributeEditor));

    public static async Task<Document> DocumentAsync(Document document, IReadOnlyCollection<ActionDocumentation> actions, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types)
        {
            return document;
        }

        var reader = new DeclarationReader(types);
        var generator = SyntaxGenerator.GetGenerator(document);
        var useGeneric = types.ProducesResponseTypeAttributeOfT is not null
            && root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };
        var byMethod = new Dictionary<MethodDeclarationSyntax, ActionDocumentation>();
        foreach (var action in actions)
        {
            byMethod[action.Method] = action;
        }

        var newRoot = root.ReplaceNodes(byMethod.Keys, (original, rewritten) =>
        {
            var action = byMethod[original];
            var existing = ExistingCodes(original, model, reader, cancellationToken);
            var entries = new List<ResponseEntry>();
            foreach (var entry in action.Entries)
            {
                if (!existing.ContainsKey(entry.StatusCode))
                {
                    entries.Add(entry);
                }
            }

            if (entries.Count == 0)
            {
                return rewritten;
            }

            if (action.ImplicitOk is { } implicitOk && existing.Count == 0 && !entries.Any(e => e.StatusCode == 200))
            {
                entries.Add(implicitOk);
            }

            entries.Sort(static (a, b) => a.StatusCode.CompareTo(b.StatusCode));
            var lists = rewritten.AttributeLists;
            foreach (var entry in entries)
            {
                var attribute = BuildAttribute(entry, action.TypedErrors, useGeneric, types, model.Compilation, generator);
                var index = InsertionIndex(existing, lists.Count, entry.StatusCode);
                lists = Insert(lists, index, attribute, ref rewritten);
                ShiftAfter(existing, index);
                existing[entry.StatusCode] = index;
            }

            return rewritten.WithAttributeLists(lists);
        });

        return await Imports.AddForAsync(document, newRoot, InsertedAnnotation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds class-level <c>[ProducesResponseType]</c> attributes (error codes, without a body type under
    /// <c>[ApiController]</c>, else <c>ProblemDetails</c>) after a controller's attribute lists, skipping codes its own
    /// attributes document already. ApiExplorer adds them to every action of the controller.
    /// </summary>
    public static async Task<Document> DocumentControllersAsync(Document document, IReadOnlyDictionary<ClassDeclarationSyntax, (List<int> Codes, bool TypedErrors)> controllers, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || KnownTypes.TryCreate(model.Compilation) is not { } types || types.ProducesResponseTypeAttribute is null)
        {
            return document;
        }

        var reader = new DeclarationReader(types);
        var generator = SyntaxGenerator.GetGenerator(document);
        var newRoot = root.ReplaceNodes(controllers.Keys, (original, rewritten) =>
        {
            var (codes, typedErrors) = controllers[original];
            var existing = new HashSet<int>();
            if (model.GetDeclaredSymbol(original, cancellationToken) is { } symbol)
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (reader.StatusCodeOf(attribute, out _) is { } code)
                    {
                        existing.Add(code);
                    }
                }
            }

            var sorted = new List<int>(codes);
            sorted.Sort();
            var lists = rewritten.AttributeLists;
            var endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
            foreach (var trivia in original.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    endOfLine = SyntaxFactory.ElasticEndOfLine(trivia.ToString());
                    break;
                }
            }

            foreach (var code in sorted)
            {
                if (!existing.Add(code))
                {
                    continue;
                }

                var attribute = BuildAttribute(new ResponseEntry(code, typeId: null), typedErrors, useGeneric: false, types, model.Compilation, generator);
                var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
                    .WithTrailingTrivia(endOfLine)
                    .WithAdditionalAnnotations(Formatter.Annotation, InsertedAnnotation);
                if (lists.Count == 0)
                {
                    list = list.WithLeadingTrivia(rewritten.GetLeadingTrivia());
                    rewritten = rewritten.WithoutLeadingTrivia();
                }
                else
                {
                    list = list.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
                }

                lists = lists.Add(list);
            }

            return rewritten.WithAttributeLists(lists);
        });

        return await Imports.AddForAsync(document, newRoot, InsertedAnnotation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <c>[ProducesResponseType]</c> attributes written on <paramref name="method"/> that document
    /// <paramref name="statusCode"/> with a body of <paramref name="bodyType"/>
    /// (<c>[ProducesResponseType(typeof(ErrorResponse), 400)]</c>, <c>[ProducesResponseType&lt;ErrorResponse&gt;(400)]</c>),
    /// each with the attribute that documents Problem Details instead, in the form <see cref="DocumentAsync"/> writes:
    /// no type under <c>[ApiController]</c> for a 4xx (<paramref name="typedErrors"/> false), which ApiExplorer then
    /// describes as <c>ProblemDetails</c>; <c>ProblemDetails</c> named otherwise. An attribute with more to say (a
    /// content type, named arguments) is left as it is.
    /// </summary>
    public static List<KeyValuePair<AttributeSyntax, AttributeSyntax>> AsProblemDetails(
        MethodDeclarationSyntax method, int statusCode, ITypeSymbol bodyType, bool typedErrors, SemanticModel model, KnownTypes types, SyntaxGenerator generator, CancellationToken cancellationToken)
    {
        var edits = new List<KeyValuePair<AttributeSyntax, AttributeSyntax>>();
        if (types.ProblemDetails is not { } problemDetails || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return edits;
        }

        var reader = new DeclarationReader(types);
        var typeless = !typedErrors && !StatusCodeFacts.IsServerError(statusCode);
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments } syntax
                || !attribute.NamedArguments.IsEmpty
                || reader.StatusCodeOf(attribute, out _) != statusCode)
            {
                continue;
            }

            var generic = attribute.AttributeClass is { IsGenericType: true } constructed
                && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, types.ProducesResponseTypeAttributeOfT)
                && SymbolEqualityComparer.Default.Equals(constructed.TypeArguments[0], bodyType)
                && arguments.Arguments.Count == 1;
            var typeOf = SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ProducesResponseTypeAttribute)
                && arguments.Arguments.Count == 2
                && arguments.Arguments[0].Expression is TypeOfExpressionSyntax { Type: var written }
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(written, cancellationToken).Type, bodyType);
            if (!generic && !typeOf)
            {
                continue;
            }

            var problemType = ((TypeSyntax)generator.TypeExpression(problemDetails, addImport: true)).WithAdditionalAnnotations(Simplifier.Annotation);
            AttributeSyntax replacement;
            if (generic)
            {
                var name = GenericNameIn(syntax.Name);
                replacement = typeless
                    ? syntax.ReplaceNode(name, SyntaxFactory.IdentifierName(name.Identifier).WithTriviaFrom(name))
                    : syntax.ReplaceNode(name.TypeArgumentList.Arguments[0], problemType);
            }
            else
            {
                var typeOfArgument = arguments.Arguments[0];
                replacement = typeless
                    ? syntax.WithArgumentList(arguments.WithArguments(SyntaxFactory.SingletonSeparatedList(arguments.Arguments[1].WithoutLeadingTrivia())))
                    : syntax.ReplaceNode(((TypeOfExpressionSyntax)typeOfArgument.Expression).Type, problemType);
            }

            edits.Add(new KeyValuePair<AttributeSyntax, AttributeSyntax>(syntax, replacement));
        }

        return edits;
    }

    /// <summary>The generic name an attribute's name ends in (<c>ProducesResponseType&lt;T&gt;</c>, qualified or not).</summary>
    private static GenericNameSyntax GenericNameIn(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => (GenericNameSyntax)qualified.Right,
        AliasQualifiedNameSyntax alias => (GenericNameSyntax)alias.Name,
        _ => (GenericNameSyntax)name,
    };

    /// <summary>The status codes already documented on the method itself, with the index of their attribute list.</summary>
    private static Dictionary<int, int> ExistingCodes(MethodDeclarationSyntax method, SemanticModel model, DeclarationReader reader, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<int, int>();
        if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return codes;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax
                || syntax.Parent is not AttributeListSyntax list
                || reader.StatusCodeOf(attribute, out _) is not { } code)
            {
                continue;
            }

            var index = method.AttributeLists.IndexOf(list);
            if (index >= 0 && !codes.ContainsKey(code))
            {
                codes[code] = index;
            }
        }

        return codes;
    }

    /// <summary>Before the first sibling with a higher code; else after the last sibling; else after every list.</summary>
    private static int InsertionIndex(Dictionary<int, int> existing, int listCount, int statusCode)
    {
        var before = int.MaxValue;
        var after = -1;
        foreach (var pair in existing)
        {
            if (pair.Key > statusCode)
            {
                before = System.Math.Min(before, pair.Value);
            }
            else
            {
                after = System.Math.Max(after, pair.Value);
            }
        }

        if (before != int.MaxValue)
        {
            return before;
        }

        return after >= 0 ? after + 1 : listCount;
    }

    private static void ShiftAfter(Dictionary<int, int> existing, int index)
    {
        foreach (var key in existing.Keys.ToList())
        {
            if (existing[key] >= index)
            {
                existing[key]++;
            }
        }
    }

    private static SyntaxList<AttributeListSyntax> Insert(SyntaxList<AttributeListSyntax> lists, int index, AttributeSyntax attribute, ref MethodDeclarationSyntax method)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithTrailingTrivia(EndOfLine(method))
            .WithAdditionalAnnotations(Formatter.Annotation, InsertedAnnotation);
        if (index == 0)
        {
            // The new first list takes over the declaration's leading trivia (documentation comments, indentation).
            if (lists.Count > 0)
            {
                list = list.WithLeadingTrivia(lists[0].GetLeadingTrivia());
                lists = lists.Replace(lists[0], lists[0].WithLeadingTrivia(SyntaxFactory.ElasticMarker));
            }
            else
            {
                list = list.WithLeadingTrivia(method.GetLeadingTrivia());
                method = method.WithoutLeadingTrivia();
            }
        }
        else
        {
            list = list.WithLeadingTrivia(SyntaxFactory.ElasticMarker);
        }

        return lists.Insert(index, list);
    }

    /// <summary>A line break as the document writes them (the first one in the method), elastic as before; CRLF if it has none.</summary>
    private static SyntaxTrivia EndOfLine(MethodDeclarationSyntax method)
    {
        foreach (var trivia in method.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.ElasticEndOfLine(trivia.ToString());
            }
        }

        return SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static AttributeSyntax BuildAttribute(ResponseEntry entry, bool typedErrors, bool useGeneric, KnownTypes types, Compilation compilation, SyntaxGenerator generator)
    {
        ITypeSymbol? type = null;
        if (StatusCodeFacts.IsError(entry.StatusCode))
        {
            // The body's own type when it is not Problem Details; else Problem Details, which [ApiController] implies
            // for client errors (4xx) only, so a 5xx and any error outside API controllers name it.
            type = entry.ResolveType(compilation)
                ?? (typedErrors || StatusCodeFacts.IsServerError(entry.StatusCode) ? types.ProblemDetails : null);
        }
        else if (entry.StatusCode != 204)
        {
            type = entry.ResolveType(compilation);
        }

        var statusCode = SyntaxFactory.AttributeArgument(StatusCodeExpression(entry.StatusCode, types, generator));
        var attributeType = types.ProducesResponseTypeAttribute!;
        AttributeSyntax attribute;
        if (type is null)
        {
            attribute = SyntaxFactory.Attribute(AttributeName(attributeType, generator)).AddArgumentListArguments(statusCode);
        }
        else if (useGeneric)
        {
            attribute = SyntaxFactory.Attribute(AttributeName(types.ProducesResponseTypeAttributeOfT!.Construct(type), generator)).AddArgumentListArguments(statusCode);
        }
        else
        {
            var typeOf = SyntaxFactory.TypeOfExpression((TypeSyntax)generator.TypeExpression(type, addImport: true));
            attribute = SyntaxFactory.Attribute(AttributeName(attributeType, generator))
                .AddArgumentListArguments(SyntaxFactory.AttributeArgument(typeOf), statusCode);
        }

        return attribute.WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private static NameSyntax AttributeName(INamedTypeSymbol attributeType, SyntaxGenerator generator) =>
        (NameSyntax)generator.TypeExpression(attributeType, addImport: true);

    /// <summary><c>StatusCodes.Status404NotFound</c> when such a constant exists, the number otherwise.</summary>
    internal static ExpressionSyntax StatusCodeExpression(int statusCode, KnownTypes types, SyntaxGenerator generator)
    {
        if (types.StatusCodes is not null && StatusCodeConstant(statusCode, types) is { } name)
        {
            return ((ExpressionSyntax)generator.MemberAccessExpression(generator.TypeExpression(types.StatusCodes, addImport: true), name))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(statusCode));
    }

    private static string? StatusCodeConstant(int statusCode, KnownTypes types)
    {
        if (types.StatusCodes is null)
        {
            return null;
        }

        var prefix = "Status" + statusCode.ToString(CultureInfo.InvariantCulture);
        foreach (var member in types.StatusCodes.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: int value } field
                && value == statusCode
                && field.Name.StartsWith(prefix, System.StringComparison.Ordinal)
                && !field.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute"))
            {
                return field.Name;
            }
        }

        return null;
    }
}
