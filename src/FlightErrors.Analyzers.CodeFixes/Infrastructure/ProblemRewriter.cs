using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace FlightErrors.Analyzers;

/// <summary>Who writes a rewritten response: the controller's own helpers, <c>Results</c> or <c>TypedResults</c>.</summary>
internal enum ProblemFactory
{
    Controller,
    Results,
    TypedResults,
}

/// <summary>
/// Rewrites a response-producing expression into a <c>Problem(...)</c> or <c>ValidationProblem(...)</c> call: finds the
/// producer's operation, decides whether a rewrite is faithful and type-correct, and builds the new call.
/// </summary>
internal sealed class ProblemRewriter
{
    private readonly SemanticModel _model;
    private readonly KnownTypes _types;
    private readonly SyntaxGenerator _generator;

    private ProblemRewriter(SemanticModel model, KnownTypes types, SyntaxGenerator generator)
    {
        _model = model;
        _types = types;
        _generator = generator;
    }

    public static ProblemRewriter? Create(SemanticModel model, SyntaxGenerator generator) =>
        KnownTypes.TryCreate(model.Compilation) is { } types ? new ProblemRewriter(model, types, generator) : null;

    /// <summary>The document's root and a rewriter over its semantic model, or null when MVC is not referenced.</summary>
    public static async System.Threading.Tasks.Task<(SyntaxNode Root, SemanticModel Model, ProblemRewriter Rewriter)?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Create(model, SyntaxGenerator.GetGenerator(document)) is not { } rewriter)
        {
            return null;
        }

        return (root, model, rewriter);
    }

    public KnownTypes Types => _types;

    /// <summary>The factory that writes <paramref name="producer"/>, or null when it is not a rewritable result.</summary>
    public ProblemFactory? FactoryOf(IOperation producer)
    {
        var container = producer switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType?.OriginalDefinition,
            IObjectCreationOperation => null,
            _ => null,
        };

        if (container is not null && SymbolEqualityComparer.Default.Equals(container, _types.Results))
        {
            return ProblemFactory.Results;
        }

        if (container is not null && SymbolEqualityComparer.Default.Equals(container, _types.TypedResults))
        {
            return ProblemFactory.TypedResults;
        }

        // Controller helpers and MVC results created in a controller method can become the controller's Problem().
        var inController = _model.GetEnclosingSymbol(producer.Syntax.SpanStart) is { ContainingType: { } type }
            && type.InheritsFromOrEquals(_types.ControllerBase);
        if (!inController || !_types.IsResultType(producer.Type) || (_types.Result is not null && producer.Type!.Implements(_types.Result)))
        {
            return null;
        }

        return ProblemFactory.Controller;
    }

    /// <summary>
    /// Whether a call from <paramref name="factory"/> can stand where <paramref name="producer"/> stands: the type the
    /// producer is converted to (or its own type) must accept what <c>Problem()</c> returns.
    /// </summary>
    public bool CanReplace(IOperation producer, ProblemFactory factory, bool validation)
    {
        var target = TargetType(producer);
        if (target is null)
        {
            return false;
        }

        if (IsOnlyReturnOfUntypedLambda(producer))
        {
            // The lambda's return type is inferred from this one value, so it follows the replacement.
            return true;
        }

        var replacement = factory switch
        {
            ProblemFactory.Controller => _types.ActionResultInterface is null ? null : validation ? _types.ActionResult : _types.ObjectResult,
            ProblemFactory.Results => _types.Result,
            _ => validation ? _types.ValidationProblemHttpResult : _types.ProblemHttpResult,
        };

        if (replacement is null)
        {
            return false;
        }

        var conversionToTarget = _types.Compilation.ClassifyConversion(replacement, target);
        return conversionToTarget.IsIdentity || (conversionToTarget.IsImplicit && !conversionToTarget.IsNumeric);
    }

    /// <summary>The type a replacement of <paramref name="producer"/> has to convert to (see <see cref="TargetType"/>).</summary>
    public static ITypeSymbol? TargetOf(IOperation producer) => TargetType(producer);

    /// <summary>
    /// The type the replacement has to convert to. For an arm of a conditional or switch expression that is the type
    /// the whole expression is converted to, not the arm's type today: once an arm is rewritten (<c>Problem(...)</c>
    /// beside <c>BadRequest(ModelState)</c>) the arms' best common type changes, and every arm still converts to the
    /// type the outermost expression is converted to.
    /// </summary>
    private static ITypeSymbol? TargetType(IOperation producer)
    {
        // The first conversion may be explicit, (IActionResult)StatusCode(500): its type is the target.
        var current = producer.Parent is IConversionOperation armConversion ? armConversion : producer;
        while (true)
        {
            if (current.Parent is ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm && arm.Value == current)
            {
                current = switchExpression;
            }
            else if (current.Parent is IConditionalOperation { IsRef: false, WhenFalse: not null } conditional
                && (conditional.WhenTrue == current || conditional.WhenFalse == current))
            {
                current = conditional;
            }
            else
            {
                break;
            }

            if (current.Parent is IConversionOperation { IsImplicit: true } outer)
            {
                current = outer;
            }
        }

        return current == producer ? producer.Type : current.Type;
    }

    /// <summary>
    /// Whether <paramref name="producer"/> is the only value returned by a lambda without an explicit return type
    /// (<c>() =&gt; TypedResults.BadRequest("…")</c>): the lambda's natural type then changes with it.
    /// </summary>
    private static bool IsOnlyReturnOfUntypedLambda(IOperation producer)
    {
        if (producer.Parent is not IReturnOperation returned)
        {
            return false;
        }

        IOperation? current = returned;
        while (current is not null and not IAnonymousFunctionOperation)
        {
            current = current.Parent;
        }

        if (current is not IAnonymousFunctionOperation lambda
            || lambda.Syntax is ParenthesizedLambdaExpressionSyntax { ReturnType: not null }
            || lambda.Parent is not IDelegateCreationOperation { Parent: IConversionOperation { Type.SpecialType: SpecialType.System_Delegate } })
        {
            // Only a lambda handed over as a System.Delegate (a route handler) takes its natural type from its body.
            return false;
        }

        var returns = 0;
        foreach (var operation in lambda.Body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { Kind: OperationKind.Return } && IsIn(operation, lambda))
            {
                returns++;
            }
        }

        return returns == 1;
    }

    private static bool IsIn(IOperation operation, IAnonymousFunctionOperation lambda)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current == lambda;
            }
        }

        return false;
    }

    /// <summary><c>Problem(detail: …, statusCode: StatusCodes.Status503ServiceUnavailable)</c> from the given factory.</summary>
    public ExpressionSyntax Problem(ProblemFactory factory, ExpressionSyntax? detail, int statusCode)
    {
        var arguments = new SeparatedSyntaxList<ArgumentSyntax>();
        if (detail is not null)
        {
            arguments = arguments.Add(Named("detail", detail.WithoutTrivia()));
        }

        arguments = arguments.Add(Named("statusCode", StatusCode(statusCode)));
        return Call(factory, "Problem", arguments);
    }

    /// <summary>
    /// Whether the controller's <c>Problem(...)</c> takes <c>extensions</c> (ASP.NET Core 9 and later; 8's does not).
    /// </summary>
    public bool ControllerProblemTakesExtensions
    {
        get
        {
            foreach (var member in _types.ControllerBase?.GetMembers("Problem") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IMethodSymbol method)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        if (parameter.Name == "extensions")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// <c>Problem(detail: …, statusCode: …, title: …, extensions: new Dictionary&lt;string, object?&gt; { ["code"] = … })</c>
    /// from the given factory, with what <paramref name="mapping"/> carries (arguments it has nothing for left out).
    /// </summary>
    public ExpressionSyntax Problem(ProblemFactory factory, ErrorDtoMapping mapping, int statusCode, int position)
    {
        var arguments = new SeparatedSyntaxList<ArgumentSyntax>();
        if (mapping.Detail is { } detail)
        {
            arguments = arguments.Add(Named("detail", detail.WithoutTrivia()));
        }

        arguments = arguments.Add(Named("statusCode", StatusCode(statusCode)));
        if (mapping.Title is { } title)
        {
            arguments = arguments.Add(Named("title", title.WithoutTrivia()));
        }

        if (mapping.Extensions.Count > 0)
        {
            var creation = SyntaxFactory.ObjectCreationExpression(DictionaryType(position), argumentList: null, Indexers(mapping));
            arguments = arguments.Add(Named("extensions", creation));
        }

        return Call(factory, "Problem", arguments);
    }

    /// <summary>
    /// <c>new ProblemDetails { Status = …, Title = …, Detail = …, Extensions = { ["code"] = … } }</c>: the body a
    /// controller result takes where its <c>Problem(...)</c> has no <c>extensions</c> (ASP.NET Core 8).
    /// </summary>
    public ExpressionSyntax ProblemDetailsBody(ErrorDtoMapping mapping, int statusCode)
    {
        var members = new SeparatedSyntaxList<ExpressionSyntax>().Add(Assignment("Status", StatusCode(statusCode)));
        if (mapping.Title is { } title)
        {
            members = members.Add(Assignment("Title", title.WithoutTrivia()));
        }

        if (mapping.Detail is { } detail)
        {
            members = members.Add(Assignment("Detail", detail.WithoutTrivia()));
        }

        if (mapping.Extensions.Count > 0)
        {
            members = members.Add(Assignment("Extensions", Indexers(mapping)));
        }

        return SyntaxFactory.ObjectCreationExpression(
                (TypeSyntax)_generator.TypeExpression(_types.ProblemDetails!, addImport: true),
                argumentList: null,
                SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, members))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    /// <summary>
    /// <c>Dictionary&lt;string, object?&gt;</c>, written short where the name already binds (an import, the SDK's implicit
    /// usings); else in full for the import adder and the simplifier, which leave it in full inside a target-typed
    /// conditional (<c>Results&lt;…&gt;</c> arms), where they cannot bind speculatively: it compiles there too.
    /// </summary>
    private TypeSyntax DictionaryType(int position)
    {
        var text = "Dictionary<string, " + NullableObject(position) + ">";
        var bound = _model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName(text), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        if (bound is INamedTypeSymbol { OriginalDefinition: var definition }
            && SymbolEqualityComparer.Default.Equals(definition, _types.Compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2")))
        {
            return SyntaxFactory.ParseTypeName(text);
        }

        return SyntaxFactory.ParseTypeName("global::System.Collections.Generic." + text)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary><c>object?</c> where nullable annotations are on (the <c>extensions</c> parameter's type), <c>object</c> elsewhere.</summary>
    private string NullableObject(int position) =>
        (_model.GetNullableContext(position) & NullableContext.AnnotationsEnabled) != 0 ? "object?" : "object";

    /// <summary><c>{ ["code"] = …, ["flightId"] = … }</c>, one indexer per extension in the DTO's order.</summary>
    private static InitializerExpressionSyntax Indexers(ErrorDtoMapping mapping)
    {
        var entries = new SeparatedSyntaxList<ExpressionSyntax>();
        foreach (var extension in mapping.Extensions)
        {
            var key = SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(extension.Key))))));
            entries = entries.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, key, extension.Value.WithoutTrivia()));
        }

        return SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, entries);
    }

    private static AssignmentExpressionSyntax Assignment(string name, ExpressionSyntax value) =>
        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), value);

    /// <summary><c>ValidationProblem(ModelState)</c>, with the status code when it is not 400.</summary>
    public ExpressionSyntax ValidationProblem(ExpressionSyntax modelState, int statusCode)
    {
        var arguments = new SeparatedSyntaxList<ArgumentSyntax>();
        if (statusCode == 400)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(modelState.WithoutTrivia()));
        }
        else
        {
            arguments = arguments.Add(Named("statusCode", StatusCode(statusCode)))
                .Add(Named("modelStateDictionary", modelState.WithoutTrivia()));
        }

        return Call(ProblemFactory.Controller, "ValidationProblem", arguments);
    }

    /// <summary>
    /// A validation problem from a field-error dictionary: <c>Results.ValidationProblem(errors)</c>, or in a controller
    /// <c>ValidationProblem(new ValidationProblemDetails(errors))</c>. Null when the factory cannot write
    /// <paramref name="statusCode"/> (<c>TypedResults.ValidationProblem</c> and the controller form are always 400).
    /// </summary>
    public ExpressionSyntax? ValidationProblemFromErrors(ProblemFactory factory, ExpressionSyntax errors, ITypeSymbol? errorsType, int statusCode)
    {
        if (errorsType is null || !AcceptsErrors(factory, errorsType))
        {
            return null;
        }

        var arguments = new SeparatedSyntaxList<ArgumentSyntax>();
        switch (factory)
        {
            case ProblemFactory.Results:
                arguments = arguments.Add(SyntaxFactory.Argument(errors.WithoutTrivia()));
                if (statusCode != 400)
                {
                    arguments = arguments.Add(Named("statusCode", StatusCode(statusCode)));
                }

                return Call(factory, "ValidationProblem", arguments);
            case ProblemFactory.TypedResults when statusCode == 400:
                return Call(factory, "ValidationProblem", arguments.Add(SyntaxFactory.Argument(errors.WithoutTrivia())));
            case ProblemFactory.Controller when statusCode == 400
                && _types.ValidationProblemDetails is { } details:
                var creation = SyntaxFactory.ObjectCreationExpression(
                    (TypeSyntax)_generator.TypeExpression(details, addImport: true),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(errors.WithoutTrivia()))),
                    initializer: null);
                return Call(factory, "ValidationProblem", arguments.Add(SyntaxFactory.Argument(creation)));
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the factory's <c>errors</c> parameter takes a value of <paramref name="errorsType"/>: ASP.NET Core 8 takes
    /// an <c>IDictionary&lt;string, string[]&gt;</c>, later versions any sequence of pairs.
    /// </summary>
    private bool AcceptsErrors(ProblemFactory factory, ITypeSymbol errorsType)
    {
        ImmutableArray<ISymbol> candidates = factory switch
        {
            ProblemFactory.Results => _types.Results?.GetMembers("ValidationProblem") ?? ImmutableArray<ISymbol>.Empty,
            ProblemFactory.TypedResults => _types.TypedResults?.GetMembers("ValidationProblem") ?? ImmutableArray<ISymbol>.Empty,
            _ => _types.ValidationProblemDetails is { } details
                ? ImmutableArray<ISymbol>.CastUp(details.InstanceConstructors)
                : ImmutableArray<ISymbol>.Empty,
        };

        foreach (var candidate in candidates)
        {
            if (candidate is IMethodSymbol { Parameters: { Length: > 0 } parameters }
                && parameters[0].Name is "errors"
                && _types.Compilation.ClassifyConversion(errorsType, parameters[0].Type) is { IsImplicit: true, IsUserDefined: false })
            {
                return true;
            }
        }

        return false;
    }

    public ExpressionSyntax StatusCode(int statusCode) => ResponseAttributeEditor.StatusCodeExpression(statusCode, _types, _generator);

    /// <summary>
    /// What the old body says, as a Problem Details <c>detail</c> (see <see cref="ResultBodies.DetailOf"/>): the
    /// expression itself, or <c>ex.Message</c> for an exception. Null when there is none.
    /// </summary>
    public ExpressionSyntax? DetailOf(IOperation? body)
    {
        if (ResultBodies.DetailOf(body, _types) is not { } detail)
        {
            return null;
        }

        var expression = (ExpressionSyntax)detail.Value.Syntax;
        return detail.IsExceptionMessage
            ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression.WithoutTrivia(), SyntaxFactory.IdentifierName("Message"))
            : expression;
    }

    public bool ReadsException(IOperation? body) => ResultBodies.ReadsException(body, _types);

    private ExpressionSyntax Call(ProblemFactory factory, string name, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        ExpressionSyntax target = factory switch
        {
            ProblemFactory.Results => Qualified(_types.Results, name),
            ProblemFactory.TypedResults => Qualified(_types.TypedResults, name),
            _ => SyntaxFactory.IdentifierName(name),
        };

        return SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(arguments))
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    private ExpressionSyntax Qualified(INamedTypeSymbol? type, string name) =>
        type is null
            ? SyntaxFactory.IdentifierName(name)
            : (ExpressionSyntax)_generator.MemberAccessExpression(_generator.TypeExpression(type, addImport: true), name);

    private static ArgumentSyntax Named(string name, ExpressionSyntax value) =>
        SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)), default, value);
}
