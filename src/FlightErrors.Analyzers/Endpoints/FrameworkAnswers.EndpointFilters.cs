using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// The codes a minimal-API endpoint filter answers for the endpoints it applies to when it returns a result instead of
/// calling <c>next</c>: <c>.AddEndpointFilter(async (context, next) =&gt; …)</c>, <c>.AddEndpointFilter&lt;T&gt;()</c> or
/// <c>.AddEndpointFilter(new T())</c> with an <c>IEndpointFilter</c> in source, and the filters an
/// <c>.AddEndpointFilterFactory(…)</c> lambda returns, on the endpoint or on a group it is mapped on. What the filter
/// returns is read by <see cref="ResponseInference"/>, as for an endpoint: only error codes it can tell.
/// </summary>
internal sealed partial class FrameworkAnswers
{
    private readonly ConcurrentDictionary<IMethodSymbol, List<(int Code, bool Authentication)>> _endpointFilterCodes = new(SymbolEqualityComparer.Default);

    private void ReadEndpointFilters(RouteHandler route, ApplicationFacts application, SemanticModelSource semanticModels, ref List<FrameworkAnswer>? answers, CancellationToken cancellationToken)
    {
        foreach (var node in route.Conventions)
        {
            if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } } call
                || name.Identifier.ValueText is not ("AddEndpointFilter" or "AddEndpointFilterFactory")
                || semanticModels.For(call.SyntaxTree) is not { } model
                || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
                || !invocation.TargetMethod.ContainingType.IsInNamespace("Microsoft", "AspNetCore", "Http"))
            {
                continue;
            }

            var filters = new List<(IMethodSymbol, IOperation?)>(1);
            AddFilters(invocation, filters, cancellationToken);
            List<int>? codes = null;
            foreach (var filter in filters)
            {
                foreach (var (code, authentication) in CodesOf(filter, semanticModels, cancellationToken))
                {
                    // A challenge or forbid goes through the authentication handler, which may redirect to a login
                    // page instead (cookies): claimed only where no challenge redirects, as for authorization.
                    if (authentication && application.ChallengeMayRedirect)
                    {
                        continue;
                    }

                    codes ??= new List<int>(2);
                    codes.Add(code);
                }
            }

            if (codes is null)
            {
                continue;
            }

            // Named as the other conventions are: .AddEndpointFilter<TenantFilter>() on the endpoint, (…) for a long lambda.
            var isGroup = SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(call, cancellationToken).Type, _routeGroupBuilder);
            var cause = "." + name + Arguments(call, model, cancellationToken) + (isGroup ? " on its group" : " on the endpoint");
            foreach (var code in codes)
            {
                Add(ref answers, new FrameworkAnswer(code, cause, isGroup ? AnswerLevel.Group : AnswerLevel.Endpoint, causeLocation: isGroup ? call.GetLocation() : null));
            }
        }
    }

    /// <summary>
    /// The filters a call adds: its lambda, the <c>IEndpointFilter</c> it names by type argument or instance, or each
    /// lambda a factory returns; the method that runs for each request and the operation of its body when a lambda.
    /// </summary>
    private static void AddFilters(IInvocationOperation invocation, List<(IMethodSymbol Method, IOperation? Body)> filters, CancellationToken cancellationToken)
    {
        foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
        {
            if (InvokeAsyncOf(typeArgument) is { } invoke)
            {
                filters.Add((invoke, null));
            }
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = RouteHandlers.HandlerTarget(argument.Value);
            if (value is not IAnonymousFunctionOperation lambda)
            {
                if (InvokeAsyncOf(value.Type) is { } invoke)
                {
                    filters.Add((invoke, null));
                }

                continue;
            }

            if (invocation.TargetMethod.Name == "AddEndpointFilter")
            {
                filters.Add((lambda.Symbol, lambda.Body));
                continue;
            }

            // A factory: the filters are the lambdas it returns (returning next adds none).
            foreach (var returned in ReturnPaths.Collect(lambda.Body, cancellationToken).Returned)
            {
                if (RouteHandlers.HandlerTarget(returned) is IAnonymousFunctionOperation filter)
                {
                    filters.Add((filter.Symbol, filter.Body));
                }
            }
        }
    }

    /// <summary>The <c>InvokeAsync</c> of an <c>IEndpointFilter</c> declared in source; null for any other type.</summary>
    private static IMethodSymbol? InvokeAsyncOf(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (implemented.Name != "IEndpointFilter" || !implemented.IsInNamespace("Microsoft", "AspNetCore", "Http"))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers("InvokeAsync"))
            {
                if (named.FindImplementationForInterfaceMember(member) is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } invoke)
                {
                    return invoke;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The error codes a filter returns, each once, and whether the authentication handler writes it (a challenge or
    /// forbid result); read once per filter for every endpoint it applies to.
    /// </summary>
    private List<(int Code, bool Authentication)> CodesOf((IMethodSymbol Method, IOperation? Body) filter, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        if (_endpointFilterCodes.TryGetValue(filter.Method, out var known))
        {
            return known;
        }

        var codes = new List<(int Code, bool Authentication)>();
        if ((filter.Body ?? ResponseInference.HelperBody(filter.Method, semanticModels, cancellationToken)) is { } body)
        {
            foreach (var response in _inference.Infer(filter.Method, body, semanticModels, cancellationToken).Responses)
            {
                var entry = (response.StatusCode, response.BodylessWriter == BodylessWriter.Authentication);
                if (StatusCodeFacts.IsError(response.StatusCode) && !codes.Contains(entry))
                {
                    codes.Add(entry);
                }
            }
        }

        return _endpointFilterCodes.GetOrAdd(filter.Method, codes);
    }
}
