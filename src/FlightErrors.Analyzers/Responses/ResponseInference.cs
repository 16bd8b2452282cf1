using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Answers "which responses can this endpoint produce?" from its operations: every return path (ternaries, switch
/// expressions, <c>??</c>, locals, <c>await</c>, <c>Task.FromResult</c>) and helper methods of the same type or a base
/// type, depth-limited and cycle-safe. One instance per compilation, shared by every rule.
/// </summary>
internal sealed partial class ResponseInference
{
    internal const int MaxHelperDepth = 4;

    private readonly KnownTypes _types;
    private readonly BodyClassifier _bodies;
    private readonly ConcurrentDictionary<IMethodSymbol, EndpointResponses> _helpers = new(SymbolEqualityComparer.Default);

    public ResponseInference(KnownTypes types, BodyClassifier bodies)
    {
        _types = types;
        _bodies = bodies;
    }

    /// <summary>The responses of <paramref name="method"/>, whose body operation is <paramref name="body"/>.</summary>
    /// <param name="method">The endpoint.</param>
    /// <param name="body">Its body: a method body, a lambda's or local function's body block.</param>
    /// <param name="semanticModels">Gives the semantic model of a tree in which a helper method is declared.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public EndpointResponses Infer(IMethodSymbol method, IOperation body, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        var walk = new Walk(this, method, semanticModels, cancellationToken);
        walk.AddMethod(method, body, depth: 0);
        return walk.Finish();
    }

    /// <summary>
    /// One response list per thread, reused from walk to walk: every method the rules look at is walked, and growing a
    /// fresh list each time was the rules' largest allocation (docs/architecture.md#invariants). A nested walk (a
    /// helper) that finds the list taken makes its own.
    /// </summary>
    [ThreadStatic]
    private static List<ProducedResponse>? t_spareResponses;

    private static List<ProducedResponse> RentResponses()
    {
        var list = t_spareResponses ?? new List<ProducedResponse>(8);
        t_spareResponses = null;
        return list;
    }

    private static EndpointResponses ToResultAndReturn(List<ProducedResponse> list, bool complete)
    {
        var result = list.Count == 0 && complete ? EndpointResponses.Empty : new EndpointResponses(list.ToImmutableArray(), complete);
        list.Clear();
        t_spareResponses = list;
        return result;
    }

    /// <summary>The body operation of a method declared in source, or null when it has none (or is out of reach).</summary>
    internal static IOperation? HelperBody(IMethodSymbol method, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (semanticModels.For(syntax.SyntaxTree) is { } model && model.GetOperation(syntax, cancellationToken) is { } operation)
            {
                // A nested function's operation is the function; the walk skips nested functions, so start at its body.
                return operation switch
                {
                    ILocalFunctionOperation localFunction => localFunction.Body ?? localFunction.IgnoredBody,
                    IAnonymousFunctionOperation lambda => lambda.Body,
                    _ => operation,
                };
            }
        }

        return null;
    }

    /// <summary>One inference: the stack of methods being walked, and what was found.</summary>
    private sealed partial class Walk
    {
        private readonly ResponseInference _owner;
        private readonly KnownTypes _types;
        private readonly BodyClassifier _bodies;
        private readonly IMethodSymbol _endpoint;
        private readonly SemanticModelSource _semanticModels;
        private readonly CancellationToken _cancellationToken;
        private readonly List<IMethodSymbol> _stack = new();
        private List<ProducedResponse> _responses = RentResponses();
        private ReturnPaths _paths = ReturnPaths.Empty;

        // While a helper is walked for one call (SummarizeBound): the codes of its parameters, and the call.
        private Dictionary<IParameterSymbol, int[]>? _bindings;
        private IInvocationOperation? _boundCall;
        private bool _usedBinding;
        private ModelStatus _modelStatus;
        private bool _complete = true;
        private bool _cacheable = true;

        public Walk(ResponseInference owner, IMethodSymbol endpoint, SemanticModelSource semanticModels, CancellationToken cancellationToken)
        {
            _owner = owner;
            _types = owner._types;
            _bodies = owner._bodies;
            _endpoint = endpoint;
            _semanticModels = semanticModels;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The responses found; the walk's list goes back for the next walk.</summary>
        public EndpointResponses Finish() => ToResultAndReturn(_responses, _complete);

        public void AddMethod(IMethodSymbol method, IOperation body, int depth)
        {
            _stack.Add(method);
            var paths = ReturnPaths.Collect(body, _cancellationToken);
            var outerPaths = _paths;
            var outerModelStatus = _modelStatus;
            _paths = paths;
            _modelStatus = ModelStatus.Of(paths);
            var declaredResult = _types.UnwrapTask(method.ReturnType);
            foreach (var returned in paths.Returned)
            {
                Evaluate(returned, paths, declaredResult, depth);
            }

            foreach (var assignment in paths.StatusAssignments)
            {
                if (!ReferenceEquals(assignment, _modelStatus.Assignment) || !_modelStatus.Taken)
                {
                    AddCodes(StatusValue.Of(assignment.Value), BodyKind.None, null, assignment, BodylessWriter.None, unknownIsIncomplete: false);
                }
            }

            _paths = outerPaths;
            _modelStatus = outerModelStatus;
            _stack.RemoveAt(_stack.Count - 1);
        }

        private void Evaluate(IOperation value, ReturnPaths paths, ITypeSymbol? declaredResult, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var operation = value.WalkDownConversions();
            switch (operation)
            {
                case IAwaitOperation awaited:
                    Evaluate(awaited.Operation, paths, declaredResult, depth);
                    return;
                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    Evaluate(conditional.WhenTrue, paths, declaredResult, depth);
                    Evaluate(conditional.WhenFalse, paths, declaredResult, depth);
                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Evaluate(arm.Value, paths, declaredResult, depth);
                    }

                    return;
                case ICoalesceOperation coalesce:
                    Evaluate(coalesce.Value, paths, declaredResult, depth);
                    Evaluate(coalesce.WhenNull, paths, declaredResult, depth);
                    return;
                case IThrowOperation:
                    return;
                case ILocalReferenceOperation local:
                    EvaluateLocal(local.Local, paths, declaredResult, depth);
                    return;
                case IInvocationOperation invocation:
                    EvaluateInvocation(invocation, paths, declaredResult, depth);
                    return;
                case IObjectCreationOperation creation when _types.IsResultType(creation.Type):
                    EvaluateCreation(creation);
                    return;
            }

            if (operation.IsNullLiteral())
            {
                return;
            }

            EvaluateValue(operation, declaredResult);
        }

        private void EvaluateLocal(ILocalSymbol local, ReturnPaths paths, ITypeSymbol? declaredResult, int depth)
        {
            if (!paths.TryEnterLocal(local, out var values))
            {
                // An unknown local (assigned through out or deconstruction) hides its value; a cycle adds nothing new.
                if (!paths.Knows(local))
                {
                    _complete = false;
                }

                return;
            }

            if (paths.StatusSetOn(local) is { } statusSets)
            {
                EvaluateWithStatusSet(values, statusSets, paths, declaredResult, depth);
            }
            else
            {
                foreach (var assigned in values)
                {
                    Evaluate(assigned, paths, declaredResult, depth);
                }
            }

            paths.LeaveLocal(local);
        }

        /// <summary>
        /// A result whose <c>StatusCode</c> is set after it was made (<c>var result = new ObjectResult(details);
        /// result.StatusCode = 503; return result;</c>) answers with the code set, made where it is set. The code it was
        /// made with counts too unless one assignment surely runs: a statement of the block that declares the local,
        /// and the local's only value.
        /// </summary>
        private void EvaluateWithStatusSet(List<IOperation> values, List<ISimpleAssignmentOperation> statusSets, ReturnPaths paths, ITypeSymbol? declaredResult, int depth)
        {
            var outer = _responses;
            _responses = RentResponses();
            foreach (var assigned in values)
            {
                Evaluate(assigned, paths, declaredResult, depth);
            }

            var made = _responses;
            _responses = outer;
            var replaced = values.Count == 1 && IsSureToRun(statusSets[statusSets.Count - 1], values[0]);
            foreach (var response in made)
            {
                if (!replaced)
                {
                    _responses.Add(response);
                }

                foreach (var statusSet in statusSets)
                {
                    AddCodes(StatusValue.Of(statusSet.Value), response.Body, response.BodyType, statusSet, response.BodylessWriter, unknownIsIncomplete: true);
                }
            }

            made.Clear();
            t_spareResponses ??= made;
        }

        /// <summary>Whether <paramref name="statusSet"/> is a statement of the block in which <paramref name="initializer"/> declares the local.</summary>
        private static bool IsSureToRun(ISimpleAssignmentOperation statusSet, IOperation initializer)
        {
            var declaration = initializer.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            return statusSet.Parent is IExpressionStatementOperation statement
                && declaration is not null
                && statement.Syntax.Parent == declaration.Parent
                && statement.Syntax.SpanStart > declaration.SpanStart;
        }

        /// <summary>A returned value that is not a recognised result: a model (200), or an unknown result.</summary>
        private void EvaluateValue(IOperation operation, ITypeSymbol? declaredResult)
        {
            var type = operation.Type;
            if (type is null || operation is IInvalidOperation || _types.IsResultType(type))
            {
                _complete = false;
                return;
            }

            if (declaredResult is not null && _types.IsResultType(declaredResult) && !IsActionResultOfT(declaredResult))
            {
                // A model returned where the method declares IActionResult: only possible through object; unknown.
                _complete = false;
                return;
            }

            AddModel(BodyOf(operation, out var bodyType), bodyType, operation);
        }

        /// <summary>
        /// A model returned as it is: a 200, unless the method sets <c>Response.StatusCode</c>, which the model's response
        /// then keeps. One assignment that surely runs gives the code; any other makes it unknown.
        /// </summary>
        private void AddModel(BodyKind body, ITypeSymbol? bodyType, IOperation value)
        {
            if (_paths.StatusAssignments.Count == 0)
            {
                Add(200, body, bodyType, value, value, BodylessWriter.None);
            }
            else if (_modelStatus.Assignment is { } assignment)
            {
                _modelStatus = _modelStatus.Take();
                AddCodes(StatusValue.Of(assignment.Value), body, bodyType, assignment, BodylessWriter.None, unknownIsIncomplete: true, origin: value);
            }
            else
            {
                _complete = false;
            }
        }

        /// <summary>The one <c>Response.StatusCode</c> assignment a returned model answers with, and whether one did.</summary>
        private readonly struct ModelStatus
        {
            private ModelStatus(ISimpleAssignmentOperation? assignment, bool taken)
            {
                Assignment = assignment;
                Taken = taken;
            }

            public ISimpleAssignmentOperation? Assignment { get; }

            public bool Taken { get; }

            public ModelStatus Take() => new(Assignment, taken: true);

            /// <summary>The method's only status assignment when it is a statement of the body's own block.</summary>
            public static ModelStatus Of(ReturnPaths paths) =>
                paths.StatusAssignments.Count == 1
                && paths.StatusAssignments[0].Parent is IExpressionStatementOperation { Parent: IBlockOperation block }
                && block.Parent is IMethodBodyOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or null
                    ? new(paths.StatusAssignments[0], taken: false)
                    : default;
        }

        private bool IsActionResultOfT(ITypeSymbol type) =>
            type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _types.ActionResultOfT);

        private void EvaluateInvocation(IInvocationOperation invocation, ReturnPaths paths, ITypeSymbol? declaredResult, int depth)
        {
            var method = invocation.TargetMethod;
            var container = method.ContainingType?.OriginalDefinition;
            if (container is null)
            {
                _complete = false;
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(container, _types.ControllerBase)
                || SymbolEqualityComparer.Default.Equals(container, _types.Controller))
            {
                EvaluateControllerHelper(invocation);
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(container, _types.Results)
                || SymbolEqualityComparer.Default.Equals(container, _types.TypedResults))
            {
                EvaluateHttpResult(invocation);
                return;
            }

            if (method.Name == "FromResult" && invocation.Arguments.Length == 1
                && (SymbolEqualityComparer.Default.Equals(container, _types.Task)
                    || SymbolEqualityComparer.Default.Equals(container, _types.ValueTask)))
            {
                Evaluate(invocation.Arguments[0].Value, paths, declaredResult, depth);
                return;
            }

            if (IsHelper(method))
            {
                EvaluateHelper(invocation, method.OriginalDefinition, depth);
                return;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is ILocalReferenceOperation held)
            {
                EvaluateHeldLambda(invocation, held.Local, paths, depth);
                return;
            }

            var returned = _types.UnwrapTask(invocation.Type ?? method.ReturnType);
            if (returned is null || _types.IsResultType(returned)
                || (declaredResult is not null && _types.IsResultType(declaredResult) && !IsActionResultOfT(declaredResult)))
            {
                _complete = false;
                return;
            }

            AddModel(_bodies.KindOf(returned), BodyClassifier.NameableType(returned), invocation);
        }

        /// <summary>
        /// Methods declared in source that the walk follows: methods of the endpoint's own type or one of its bases,
        /// local functions, and static methods that return a result (a shared <c>Errors.FlightNotFound(id)</c>).
        /// </summary>
        private bool IsHelper(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            switch (method.MethodKind)
            {
                case MethodKind.LocalFunction:
                    return true;
                case MethodKind.Ordinary:
                    return _endpoint.ContainingType.InheritsFromOrEquals(method.ContainingType.OriginalDefinition)
                        || (method.IsStatic && _types.IsResultType(_types.UnwrapTask(method.ReturnType)));
                default:
                    return false;
            }
        }

        private void EvaluateHelper(IInvocationOperation invocation, IMethodSymbol helper, int depth)
        {
            var summary = Summarize(helper, depth + 1);
            if (summary is null)
            {
                _complete = false;
                return;
            }

            // A helper whose status comes from a parameter (Respond(int code, …) => StatusCode(code, …)) answers with what
            // each call passes: walked again for this call, with the codes its arguments can take.
            if (!summary.IsComplete && StatusArguments(invocation) is { } bindings && SummarizeBound(invocation, helper, bindings, depth + 1) is { } bound)
            {
                summary = bound;
            }

            if (!summary.IsComplete)
            {
                _complete = false;
            }

            foreach (var response in summary.Responses)
            {
                _responses.Add(response.WithOrigin(invocation.Syntax));
            }
        }

        /// <summary>
        /// A call of a lambda held by a local (<c>Func&lt;IActionResult&gt; conflict = () =&gt; Conflict(); return conflict();</c>):
        /// the responses of each lambda the local is assigned, as for a helper; unknown when it holds anything else.
        /// </summary>
        private void EvaluateHeldLambda(IInvocationOperation invocation, ILocalSymbol local, ReturnPaths paths, int depth)
        {
            if (!paths.TryEnterLocal(local, out var values))
            {
                _complete = false;
                return;
            }

            foreach (var value in values)
            {
                if (value.WalkDownConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                {
                    EvaluateHelper(invocation, lambda.Symbol, depth);
                }
                else
                {
                    _complete = false;
                }
            }

            paths.LeaveLocal(local);
        }

        /// <summary>
        /// The codes each numeric argument of the call can take (a constant, a conditional, a local), by parameter; null
        /// when no argument has known codes.
        /// </summary>
        private Dictionary<IParameterSymbol, int[]>? StatusArguments(IInvocationOperation invocation)
        {
            Dictionary<IParameterSymbol, int[]>? bindings = null;
            List<int>? codes = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !IsStatusLike(parameter.Type))
                {
                    continue;
                }

                codes ??= new List<int>(4);
                codes.Clear();
                if (CollectCodes(argument.Value, codes) && codes.Count > 0)
                {
                    bindings ??= new Dictionary<IParameterSymbol, int[]>(SymbolEqualityComparer.Default);
                    bindings[parameter.OriginalDefinition] = codes.ToArray();
                }
            }

            return bindings;
        }

        /// <summary>An <c>int</c> or an enum (<c>HttpStatusCode</c>), nullable or not: what a status code is passed as.</summary>
        private static bool IsStatusLike(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_Int32 || type.TypeKind == TypeKind.Enum;
        }

        /// <summary>
        /// The responses of <paramref name="helper"/> for one call, its parameters bound to the codes the call passes:
        /// a response whose code comes from a bound parameter is made by the call (so it is reported there). Not cached.
        /// </summary>
        private EndpointResponses? SummarizeBound(IInvocationOperation invocation, IMethodSymbol helper, Dictionary<IParameterSymbol, int[]> bindings, int depth)
        {
            if (depth > MaxHelperDepth || IsOnStack(helper) || HelperBody(helper, _semanticModels, _cancellationToken) is not { } body)
            {
                return null;
            }

            var outerResponses = _responses;
            var outerComplete = _complete;
            var outerCacheable = _cacheable;
            var outerBindings = _bindings;
            var outerCall = _boundCall;
            _responses = RentResponses();
            _complete = true;
            _bindings = bindings;
            _boundCall = invocation;

            AddMethod(helper, body, depth);
            var summary = Finish();

            _responses = outerResponses;
            _complete = outerComplete;
            _cacheable = outerCacheable;
            _bindings = outerBindings;
            _boundCall = outerCall;
            return summary;
        }

        private EndpointResponses? Summarize(IMethodSymbol helper, int depth)
        {
            if (_owner._helpers.TryGetValue(helper, out var cached))
            {
                return cached;
            }

            if (depth > MaxHelperDepth || IsOnStack(helper))
            {
                _cacheable = false;
                return null;
            }

            if (HelperBody(helper, _semanticModels, _cancellationToken) is not { } body)
            {
                return null;
            }

            var outerResponses = _responses;
            var outerComplete = _complete;
            var outerCacheable = _cacheable;
            var outerBindings = _bindings;
            _responses = RentResponses();
            _complete = true;
            _cacheable = true;
            _bindings = null;

            AddMethod(helper, body, depth);
            var summary = Finish();
            if (_cacheable)
            {
                _owner._helpers.TryAdd(helper, summary);
            }

            _bindings = outerBindings;
            _responses = outerResponses;
            _complete = outerComplete;
            _cacheable = outerCacheable && _cacheable;
            return summary;
        }

        private bool IsOnStack(IMethodSymbol method)
        {
            foreach (var walking in _stack)
            {
                if (SymbolEqualityComparer.Default.Equals(walking, method))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
