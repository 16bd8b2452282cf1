using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>
/// Gathers the calls that configure one endpoint: up its own builder chain, through the locals that hold the
/// builder, and down through the groups it was mapped on.
/// </summary>
internal sealed class RouteConventionWalk
{
    private readonly RouteHandlers _owner;
    private readonly SemanticModelSource _semanticModels;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<IOperation> _seenCalls = new();
    private readonly HashSet<ISymbol> _seenSymbols = new(SymbolEqualityComparer.Default);

    public RouteConventionWalk(RouteHandlers owner, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        _owner = owner;
        _semanticModels = semanticModels;
        _cancellationToken = cancellationToken;
    }

    public ImmutableArray<SyntaxNode>.Builder Calls { get; } = ImmutableArray.CreateBuilder<SyntaxNode>();

    public bool Complete { get; private set; } = true;

    /// <summary>Follows a builder value up through the calls chained on it, then to wherever it is stored.</summary>
    public void Up(IOperation value, bool group, int depth)
    {
        var current = value;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            IInvocationOperation? call = null;
            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } && extension.TargetMethod.IsExtensionMethod)
            {
                call = extension;
            }
            else if (parent is IInvocationOperation instanceCall && instanceCall.Instance == current)
            {
                call = instanceCall;
            }

            if (call is null)
            {
                Store(current, parent, group, depth);
                return;
            }

            if (group && RouteHandlers.IsEndpointFactory(call))
            {
                // g.MapGet(...) configures another endpoint, g.MapGroup(...) a subgroup.
                return;
            }

            Add(call, group, depth);
            current = call;
        }
    }

    /// <summary>Follows the builder an endpoint was mapped on down through its groups; returns their route prefix.</summary>
    public string Down(IOperation receiver)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var value = receiver.WalkDownConversions();
        switch (value)
        {
            case IInvocationOperation call when call.TargetMethod.Name == "MapGroup":
                Up(call, group: true, depth: 0);
                var outer = RouteHandlers.Receiver(call) is { } outerReceiver ? Down(outerReceiver) : string.Empty;
                return RouteHandlers.CombinePattern(outer, RouteHandlers.PatternOf(call, "prefix")).TrimEnd('/');
            case IInvocationOperation call when _owner.IsGroupBuilder(call.Type) && RouteHandlers.Receiver(call) is { } inner:
                if (!call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && !_owner.IsGroupBuilder(inner.WalkDownConversions().Type))
                {
                    // The application's own factory of a group (app.MapApi()): what it puts on the group is out of sight.
                    Complete = false;
                    return string.Empty;
                }

                Add(call, group: true, depth: 0);
                return Down(inner);
            case ILocalReferenceOperation local when _owner.IsGroupBuilder(local.Type) || _owner.IsRouteBuilderInterface(local.Type):
                if (!_seenSymbols.Add(local.Local))
                {
                    return string.Empty;
                }

                var uses = _owner.UsesIn(local);
                FollowUses(uses, local.Local, group: true, depth: 0);
                var prefix = string.Empty;
                foreach (var assigned in uses.ValuesOf(local.Local))
                {
                    prefix = Down(assigned);
                }

                return prefix;
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter } when _owner.IsGroupBuilder(value.Type):
                // A group passed in may carry metadata the analyzer cannot see; its prefix is named from the calls in
                // the method's file, when they all pass groups with the same prefix.
                Complete = false;
                return PrefixFromCallers(method, parameter.Ordinal);
            default:
                // A group received from elsewhere (a field, a property) may carry metadata the analyzer cannot see.
                if (_owner.IsGroupBuilder(value.Type))
                {
                    Complete = false;
                }

                return string.Empty;
        }
    }

    /// <summary>
    /// The route prefix of the group every call of <paramref name="method"/> in its own file passes as the parameter at
    /// <paramref name="ordinal"/>; empty when there is no such call or they disagree.
    /// </summary>
    private string PrefixFromCallers(IMethodSymbol method, int ordinal)
    {
        var definition = method.OriginalDefinition;
        if (!_seenSymbols.Add(definition))
        {
            return string.Empty;
        }

        string? agreed = null;
        foreach (var reference in definition.DeclaringSyntaxReferences)
        {
            if (_semanticModels.For(reference.SyntaxTree) is not { } model)
            {
                continue;
            }

            foreach (var node in reference.SyntaxTree.GetRoot(_cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation
                    || SyntaxNames.NameOf(invocation.Expression) != definition.Name
                    || model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation call
                    || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, definition))
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal != ordinal)
                    {
                        continue;
                    }

                    var prefix = Down(argument.Value);
                    if (agreed is not null && agreed != prefix)
                    {
                        return string.Empty;
                    }

                    agreed = prefix;
                }
            }
        }

        return agreed ?? string.Empty;
    }


    private void Add(IInvocationOperation call, bool group, int depth)
    {
        if (!_seenCalls.Add(call))
        {
            return;
        }

        var method = call.TargetMethod;
        if (method.IsExtensionMethod && !method.DeclaringSyntaxReferences.IsEmpty)
        {
            // The application's own convention helper (.WithStandardErrors()): read what it does to its builder.
            FollowParameter(method, 0, group, depth + 1);
            return;
        }

        Calls.Add(call.Syntax);
    }

    /// <summary>Follows a builder passed to a method declared in source: what that method does with the parameter.</summary>
    private void FollowParameter(IMethodSymbol method, int ordinal, bool group, int depth)
    {
        var definition = method.OriginalDefinition;
        if (depth > RouteHandlers.MaxExtensionDepth || ordinal >= definition.Parameters.Length)
        {
            Complete = false;
            return;
        }

        if (!_seenSymbols.Add(definition.Parameters[ordinal]))
        {
            return;
        }

        foreach (var reference in definition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_cancellationToken);
            if (_semanticModels.For(syntax.SyntaxTree)?.GetOperation(syntax, _cancellationToken) is not { } body)
            {
                Complete = false;
                return;
            }

            FollowUses(_owner.UsesIn(body), definition.Parameters[ordinal], group, depth);
        }
    }

    private void FollowUses(SymbolUses uses, ISymbol symbol, bool group, int depth)
    {
        foreach (var reference in uses.ReferencesTo(symbol))
        {
            Up(reference, group, depth);
        }
    }

    /// <summary>Where a builder value ends: a statement, a local (followed), a return from a convention helper, or out of sight.</summary>
    private void Store(IOperation value, IOperation? parent, bool group, int depth)
    {
        switch (parent)
        {
            case null or IExpressionStatementOperation:
                return;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                Follow(value, declarator.Symbol, group, depth);
                return;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                Follow(value, target.Local, group, depth);
                return;
            case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                return;
            case IReturnOperation when depth > 0:
                // A convention helper hands its builder back to the caller's chain, which is followed there.
                return;
            case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call }
                when !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && call.TargetMethod.MethodKind != MethodKind.DelegateInvoke:
                // Passed to a method in source: read what it does with it.
                FollowParameter(call.TargetMethod, parameter.Ordinal, group, depth + 1);
                return;
            default:
                Complete = false;
                return;
        }
    }

    private void Follow(IOperation value, ILocalSymbol local, bool group, int depth)
    {
        if (_seenSymbols.Add(local))
        {
            FollowUses(_owner.UsesIn(value), local, group, depth);
        }
    }
}

/// <summary>Where each local and parameter of one body is read, and what each local is assigned; built once per body.</summary>
internal sealed class SymbolUses
{
    private readonly Dictionary<ISymbol, List<IOperation>> _references = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);

    public SymbolUses(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case ILocalReferenceOperation local when !IsAssignmentTarget(local):
                    Record(_references, local.Local, local);
                    break;
                case IParameterReferenceOperation parameter when !IsAssignmentTarget(parameter):
                    Record(_references, parameter.Parameter, parameter);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Record(_values, declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Record(_values, target.Local, assignment.Value);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    public IReadOnlyList<IOperation> ReferencesTo(ISymbol symbol) =>
        _references.TryGetValue(symbol, out var references) ? references : Array.Empty<IOperation>();

    public IReadOnlyList<IOperation> ValuesOf(ISymbol symbol) =>
        _values.TryGetValue(symbol, out var values) ? values : Array.Empty<IOperation>();

    private static bool IsAssignmentTarget(IOperation reference) =>
        reference.Parent is IAssignmentOperation assignment && assignment.Target == reference;

    private static void Record(Dictionary<ISymbol, List<IOperation>> map, ISymbol symbol, IOperation operation)
    {
        if (!map.TryGetValue(symbol, out var list))
        {
            list = new List<IOperation>();
            map.Add(symbol, list);
        }

        list.Add(operation);
    }
}
