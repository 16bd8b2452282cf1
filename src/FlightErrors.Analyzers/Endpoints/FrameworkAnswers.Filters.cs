using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>
/// The codes an action filter answers for the actions it applies to when it short-circuits before them
/// (<c>context.Result = new UnprocessableEntityObjectResult(context.ModelState)</c> in <c>OnActionExecuting</c>): a
/// global filter (<c>options.Filters.Add&lt;T&gt;()</c>) for every action, a filter attribute (or
/// <c>[ServiceFilter]</c>, <c>[TypeFilter]</c>) for the actions it is on. A filter that answers on invalid model state
/// never runs for it under <c>[ApiController]</c>, whose own model-state filter answers 400 first, unless that one is
/// suppressed.
/// </summary>
internal sealed partial class FrameworkAnswers
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, List<(int StatusCode, bool OnModelState)>> _shortCircuits = new(SymbolEqualityComparer.Default);
    private List<INamedTypeSymbol>? _globalFilters;

    private void ReadFilters(in Endpoint endpoint, ApplicationFacts application, SemanticModelSource semanticModels, ref List<FrameworkAnswer>? answers, CancellationToken cancellationToken)
    {
        if (endpoint.Route is { } route)
        {
            ReadEndpointFilters(route, application, semanticModels, ref answers, cancellationToken);
            return;
        }

        if (endpoint.Kind != EndpointKind.Action)
        {
            return;
        }

        // Broadest first, as for authorization: global filters, the controller's and its bases', the action's.
        foreach (var filter in GlobalFilters(application, cancellationToken))
        {
            AddShortCircuits(filter, filter.Name + ", a global action filter", AnswerLevel.Application, in endpoint, application, semanticModels, ref answers, cancellationToken);
        }

        for (var type = endpoint.Method.ContainingType; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
        {
            ReadFilterAttributes(type, endpoint.Method.ContainingType.Name, AnswerLevel.Controller, in endpoint, application, semanticModels, ref answers, cancellationToken);
        }

        ReadFilterAttributes(endpoint.Method, null, AnswerLevel.Endpoint, in endpoint, application, semanticModels, ref answers, cancellationToken);
    }

    private void ReadFilterAttributes(ISymbol symbol, string? controller, AnswerLevel level, in Endpoint endpoint, ApplicationFacts application, SemanticModelSource semanticModels, ref List<FrameworkAnswer>? answers, CancellationToken cancellationToken)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var filter = attribute.AttributeClass;
            if (filter is { Name: "ServiceFilterAttribute" or "TypeFilterAttribute" }
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol named)
            {
                filter = named;
            }

            if (filter is not null)
            {
                AddShortCircuits(filter, Describe(attribute, symbol, controller), level, in endpoint, application, semanticModels, ref answers, cancellationToken);
            }
        }
    }

    private void AddShortCircuits(INamedTypeSymbol filter, string cause, AnswerLevel level, in Endpoint endpoint, ApplicationFacts application, SemanticModelSource semanticModels, ref List<FrameworkAnswer>? answers, CancellationToken cancellationToken)
    {
        if (filter.DeclaringSyntaxReferences.IsEmpty || !IsActionFilter(filter))
        {
            return;
        }

        var modelStateAnswered = endpoint.IsApiController && !application.SuppressesModelStateInvalidFilter;
        foreach (var (statusCode, onModelState) in ShortCircuits(filter, semanticModels, cancellationToken))
        {
            if (!(onModelState && modelStateAnswered))
            {
                Add(ref answers, new FrameworkAnswer(statusCode, cause, level));
            }
        }
    }

    /// <summary>The filter types named by <see cref="ApplicationFacts.GlobalFilters"/>, found once per compilation.</summary>
    private List<INamedTypeSymbol> GlobalFilters(ApplicationFacts application, CancellationToken cancellationToken)
    {
        if (_globalFilters is { } known)
        {
            return known;
        }

        var found = new List<INamedTypeSymbol>();
        foreach (var name in application.GlobalFilters)
        {
            foreach (var symbol in _types.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is INamedTypeSymbol type && IsActionFilter(type))
                {
                    found.Add(type);
                }
            }
        }

        Interlocked.CompareExchange(ref _globalFilters, found, null);
        return _globalFilters!;
    }

    private static bool IsActionFilter(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name is "IActionFilter" or "IAsyncActionFilter" && implemented.IsInNamespace("Microsoft", "AspNetCore", "Mvc", "Filters"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The codes the filter's <c>OnActionExecuting</c> / <c>OnActionExecutionAsync</c> (its own or a base's in source)
    /// set as <c>context.Result</c> before the action runs, each with whether it answers invalid model state.
    /// </summary>
    private List<(int StatusCode, bool OnModelState)> ShortCircuits(INamedTypeSymbol filter, SemanticModelSource semanticModels, CancellationToken cancellationToken) =>
        _shortCircuits.GetOrAdd(filter, type =>
        {
            var codes = new List<(int, bool)>();
            for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IMethodSymbol { Name: "OnActionExecuting" or "OnActionExecutionAsync" } method)
                    {
                        continue;
                    }

                    foreach (var reference in method.DeclaringSyntaxReferences)
                    {
                        var body = reference.GetSyntax(cancellationToken);
                        var model = semanticModels.For(body.SyntaxTree);
                        foreach (var node in body.DescendantNodes())
                        {
                            if (node is AssignmentExpressionSyntax { Left: var left, Right: var right }
                                && SyntaxNames.NameOf(left) == "Result"
                                && StatusCodeOf(right, model, cancellationToken) is var code and > 0)
                            {
                                codes.Add((code, OnModelState(node, body)));
                            }
                        }
                    }
                }
            }

            return codes;
        });

    /// <summary>The status of a result created in place: the type's default, or a <c>StatusCode = N</c> it is given.</summary>
    private int StatusCodeOf(ExpressionSyntax value, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (value is not BaseObjectCreationExpressionSyntax creation || model is null)
        {
            return 0;
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "StatusCode" }, Right: var status }
                    && model.GetConstantValue(status, cancellationToken) is { HasValue: true, Value: int code })
                {
                    return code;
                }
            }
        }

        if (model.GetTypeInfo(creation, cancellationToken).Type is not { } type)
        {
            return 0;
        }

        var byDefault = _types.GetDefaultStatusCode(type);
        if (byDefault == 0 && type.Name == "StatusCodeResult" && creation.ArgumentList?.Arguments.Count == 1
            && model.GetConstantValue(creation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: int given })
        {
            return given;
        }

        return byDefault;
    }

    /// <summary>Whether the assignment sits under a condition on the model state (<c>if (!context.ModelState.IsValid)</c>).</summary>
    private static bool OnModelState(SyntaxNode assignment, SyntaxNode method)
    {
        for (var node = assignment.Parent; node is not null && node != method; node = node.Parent)
        {
            if (node is IfStatementSyntax { Condition: var condition } && condition.ToString().Contains("ModelState"))
            {
                return true;
            }
        }

        return false;
    }
}
