using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>What a rule does with one endpoint that produces responses.</summary>
internal delegate void EndpointCheck(in EndpointFacts endpoint, in OperationAnalysisContext context);

/// <summary>
/// Registers a rule's check for the endpoints it asks for. The bodies are reached through operation actions
/// (<see cref="OperationKind.MethodBody"/>, lambdas, local functions, <c>Map*</c> calls), not operation-block actions:
/// the driver then builds no code-block list and no block context per method and analyzer (docs/architecture.md).
/// </summary>
internal static class EndpointRegistration
{
    /// <summary>
    /// Runs <paramref name="check"/> on every endpoint of <paramref name="kinds"/> in the scope configured for
    /// <paramref name="ruleId"/> that can produce responses, or on every one when <paramref name="alsoWithoutResponses"/>
    /// (a rule about what happens around the endpoint's code: a <c>void</c> action can still throw). Nothing is
    /// registered for a compilation without ASP.NET Core.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, string ruleId, EndpointKinds kinds, EndpointCheck check, bool alsoWithoutResponses = false)
    {
        if (AnalysisSession.For(start.Compilation, start.Options.AnalyzerConfigOptionsProvider) is not { } session)
        {
            return;
        }

        var rule = new Rule(session, ruleId, kinds, check, alsoWithoutResponses);
        if ((kinds & (EndpointKinds.Action | EndpointKinds.ControllerMember | EndpointKinds.ResultHelper)) != 0)
        {
            start.RegisterOperationAction(rule.OnMethodBody, OperationKind.MethodBody);
        }

        if ((kinds & (EndpointKinds.RouteHandler | EndpointKinds.EndpointFilter | EndpointKinds.ResultHelper | EndpointKinds.ControllerMember)) != 0)
        {
            start.RegisterOperationAction(
                rule.OnFunction,
                (kinds & (EndpointKinds.ResultHelper | EndpointKinds.ControllerMember)) != 0
                    ? new[] { OperationKind.AnonymousFunction, OperationKind.LocalFunction }
                    : new[] { OperationKind.AnonymousFunction });
        }

        if ((kinds & EndpointKinds.MappedMethod) != 0)
        {
            start.RegisterOperationAction(rule.OnInvocation, OperationKind.Invocation);
        }
    }

    /// <summary>One rule's registration for one compilation; its methods are the operation actions.</summary>
    private sealed class Rule
    {
        private readonly AnalysisSession _session;
        private readonly string _ruleId;
        private readonly EndpointKinds _kinds;
        private readonly EndpointCheck _check;
        private readonly bool _alsoWithoutResponses;

        public Rule(AnalysisSession session, string ruleId, EndpointKinds kinds, EndpointCheck check, bool alsoWithoutResponses)
        {
            _alsoWithoutResponses = alsoWithoutResponses;
            _session = session;
            _ruleId = ruleId;
            _kinds = kinds;
            _check = check;
        }

        public void OnMethodBody(OperationAnalysisContext context)
        {
            if (context.Operation is IMethodBodyOperation body
                && body.SemanticModel is { } semanticModel
                && _session.Finder.TryFindMethod(body, context.ContainingSymbol, _kinds, out var endpoint))
            {
                Check(in endpoint, body, new SemanticModelSource(semanticModel), in context);
            }
        }

        public void OnFunction(OperationAnalysisContext context)
        {
            if (context.Operation.SemanticModel is { } semanticModel)
            {
                var semanticModels = new SemanticModelSource(semanticModel);
                if (_session.Finder.TryFindFunction(context.Operation, context.ContainingSymbol, semanticModels, _kinds, context.CancellationToken, out var endpoint, out var body))
                {
                    Check(in endpoint, body!, semanticModels, in context);
                }
            }
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            if (context.Operation is IInvocationOperation invocation && invocation.SemanticModel is { } semanticModel)
            {
                var semanticModels = new SemanticModelSource(semanticModel);
                if (_session.Finder.TryFindMappedMethod(invocation, semanticModels, context.CancellationToken, out var endpoint, out var body))
                {
                    Check(in endpoint, body!, semanticModels, in context);
                }
            }
        }

        // The context comes by reference: copying it into a closure or a delegate to its ReportDiagnostic would box it
        // for every body analyzed.
        private void Check(in Endpoint endpoint, IOperation body, SemanticModelSource semanticModels, in OperationAnalysisContext context)
        {
            if (!endpoint.IsInScope(_ruleId))
            {
                return;
            }

            var responses = _session.ResponsesOf(endpoint.Method, body, semanticModels, context.CancellationToken);
            if (responses.Responses.IsEmpty && !_alsoWithoutResponses)
            {
                return;
            }

            var facts = new EndpointFacts(_ruleId, in endpoint, responses, body.Syntax.SyntaxTree, _session, semanticModels, body);
            _check(in facts, in context);
        }
    }
}
