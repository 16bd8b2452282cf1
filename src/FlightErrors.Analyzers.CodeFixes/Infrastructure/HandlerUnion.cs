using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// The <c>Results&lt;…&gt;</c> union a minimal-API handler declares, as a typed result in its body is rewritten into
/// <c>TypedResults.Problem(...)</c>: the union gains <c>ProblemHttpResult</c> when it lacks it, and loses the member
/// the rewritten result was when nothing else in the handler returns that type any more.
/// </summary>
internal sealed class HandlerUnion
{
    private readonly GenericNameSyntax _union;
    private readonly INamedTypeSymbol _problem;
    private readonly bool _addsProblem;
    private readonly int _unusedIndex;

    private HandlerUnion(GenericNameSyntax union, INamedTypeSymbol unionType, INamedTypeSymbol problem, bool addsProblem, int unusedIndex)
    {
        _union = union;
        Type = unionType;
        _problem = problem;
        _addsProblem = addsProblem;
        _unusedIndex = unusedIndex;
    }

    public GenericNameSyntax Syntax => _union;

    /// <summary>The union as declared, before the edit.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>
    /// Whether the edit removes the member the rewritten result was: the code that member documented must then be
    /// documented another way.
    /// </summary>
    public bool RemovesMember => _unusedIndex >= 0;

    /// <summary>Whether the rewrite needs the union edited at all.</summary>
    public bool Changes => _addsProblem || _unusedIndex >= 0;

    /// <summary>
    /// The union of the function that returns <paramref name="producer"/>, when it declares one whose members can take
    /// <c>ProblemHttpResult</c>; null otherwise.
    /// </summary>
    public static HandlerUnion? Of(IOperation producer, SemanticModel model, KnownTypes types, CancellationToken cancellationToken)
    {
        if (types.ProblemHttpResult is not { } problem
            || DeclaredReturnType(producer.Syntax) is not { } returnType
            || EndpointChainEditor.UnionIn(returnType, model, cancellationToken) is not { } union
            || model.GetSymbolInfo(union, cancellationToken).Symbol is not INamedTypeSymbol unionType)
        {
            return null;
        }

        var members = unionType.TypeArguments;
        var addsProblem = !members.Contains(problem, SymbolEqualityComparer.Default);
        var count = members.Length + (addsProblem ? 1 : 0);
        var unusedIndex = -1;
        if (producer.Type is { } replaced
            && !SymbolEqualityComparer.Default.Equals(replaced, problem)
            && count > 2
            && !IsReturnedElsewhere(producer, replaced))
        {
            var arguments = union.TypeArgumentList.Arguments;
            for (var i = 0; i < arguments.Count && unusedIndex < 0; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(arguments[i], cancellationToken).Type, replaced))
                {
                    unusedIndex = i;
                    count--;
                }
            }
        }

        return count <= EndpointChainEditor.UnionCapacity ? new HandlerUnion(union, unionType, problem, addsProblem, unusedIndex) : null;
    }

    /// <summary>
    /// The union with <c>ProblemHttpResult</c> added and the member no path returns any more removed. The new member is
    /// written as <c>Results</c> is (with its qualifier, if any), so no import or name elsewhere changes.
    /// </summary>
    public GenericNameSyntax Rewrite(GenericNameSyntax union)
    {
        var arguments = union.TypeArgumentList.Arguments;
        if (_unusedIndex >= 0)
        {
            arguments = arguments.RemoveAt(_unusedIndex);
        }

        if (_addsProblem)
        {
            TypeSyntax name = SyntaxFactory.IdentifierName(_problem.Name);
            if (_union.Parent is QualifiedNameSyntax qualified && qualified.Right == _union)
            {
                name = SyntaxFactory.QualifiedName(qualified.Left.WithoutTrivia(), (SimpleNameSyntax)name);
            }

            arguments = arguments.Add(name);
        }

        return union.WithTypeArgumentList(union.TypeArgumentList.WithArguments(arguments));
    }

    /// <summary>The return type written on the lambda, local function or method whose body holds <paramref name="node"/>.</summary>
    private static TypeSyntax? DeclaredReturnType(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ParenthesizedLambdaExpressionSyntax lambda:
                    return lambda.ReturnType;
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case LocalFunctionStatementSyntax local:
                    return local.ReturnType;
                case MethodDeclarationSyntax method:
                    return method.ReturnType;
            }
        }

        return null;
    }

    /// <summary>Whether anything else in the function that holds <paramref name="producer"/> makes a <paramref name="type"/>.</summary>
    private static bool IsReturnedElsewhere(IOperation producer, ITypeSymbol type)
    {
        var function = producer;
        while (function.Parent is { } parent && function is not (IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation))
        {
            function = parent;
        }

        foreach (var operation in function.Descendants())
        {
            if (operation != producer
                && operation is IInvocationOperation or IObjectCreationOperation
                && SymbolEqualityComparer.Default.Equals(operation.Type, type))
            {
                return true;
            }
        }

        return false;
    }
}
