using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>
/// Reads one file's part of the <see cref="ExceptionMap"/>: type tests in exception handlers, exception filters and
/// <c>UseExceptionHandler</c> lambdas (<c>is</c>, patterns, <c>switch</c> arms, <c>GetType() == typeof(…)</c>, handler
/// methods registered under <c>typeof(…)</c>), and <c>catch</c> clauses around <c>next(context)</c>, each paired with the
/// constant status its branch sets.
/// </summary>
internal sealed class MapReader
{
    private const int HelperDepth = 2;

    private readonly KnownTypes _types;
    private readonly INamedTypeSymbol _exception;
    private readonly INamedTypeSymbol? _exceptionHandler;
    private readonly INamedTypeSymbol? _exceptionFilter;
    private readonly INamedTypeSymbol? _asyncExceptionFilter;
    private readonly INamedTypeSymbol? _requestDelegate;
    private readonly INamedTypeSymbol? _hellangOptions;

    public MapReader(KnownTypes types, INamedTypeSymbol exception)
    {
        _types = types;
        _exception = exception;
        var compilation = types.Compilation;
        _exceptionHandler = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Diagnostics.IExceptionHandler");
        _exceptionFilter = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter");
        _asyncExceptionFilter = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Filters.IAsyncExceptionFilter");
        _requestDelegate = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.RequestDelegate");
        _hellangOptions = compilation.GetTypeByMetadataName("Hellang.Middleware.ProblemDetails.ProblemDetailsOptions");
    }

    public List<ExceptionMapping> Mappings { get; } = new();

    /// <summary>The names of the handler and filter classes read so far: a class deriving from one is a mapper too.</summary>
    public HashSet<string> MapperNames { get; } = new();

    /// <summary>
    /// Whether a file's text can hold a shape <see cref="Read"/> looks for, so that files that only throw or catch are
    /// not walked: a handler or filter (by its interface, <c>ExceptionFilterAttribute</c>, or a mapper class read
    /// before, for a class deriving from it), <c>UseExceptionHandler</c> and <c>ExceptionHandlerOptions</c>, a
    /// <c>next</c> delegate, <c>Filters.Add…</c>, and Hellang's <c>Map&lt;T&gt;</c> where that package is referenced.
    /// </summary>
    public bool MayHoldMapping(SourceText text)
    {
        if (!TextScan.Mentions(text, "Exception"))
        {
            return false;
        }

        if (TextScan.Mentions(text, "ExceptionHandler") || TextScan.Mentions(text, "ExceptionFilter") || TextScan.Mentions(text, "StatusCodeSelector")
            || TextScan.Mentions(text, "next") || TextScan.Mentions(text, "Next") || TextScan.Mentions(text, "Filters")
            || (_hellangOptions is not null && (TextScan.Mentions(text, "Map<") || TextScan.Mentions(text, "MapToStatusCode"))))
        {
            return true;
        }

        foreach (var name in MapperNames)
        {
            if (TextScan.Mentions(text, name))
            {
                return true;
            }
        }

        return false;
    }

    public ImmutableHashSet<INamedTypeSymbol>.Builder GlobalFilters { get; } = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);

    /// <summary>
    /// Binds only what can be a mapper, by its syntax: classes with a base list, <c>try</c> blocks that name a
    /// <c>next</c> delegate, <c>UseExceptionHandler(...)</c> and <c>Filters.Add...(...)</c> calls, assignments of
    /// <c>ExceptionHandlerOptions.StatusCodeSelector</c>, and Hellang's <c>options.Map&lt;T&gt;(…)</c> and
    /// <c>MapToStatusCode&lt;T&gt;(…)</c> where that package is referenced.
    /// </summary>
    public void Read(SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ClassDeclarationSyntax { BaseList: not null } declaration when model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type:
                    if (ScopeOf(type) is { } scope)
                    {
                        MapperNames.Add(type.Name);
                        ReadMapper(model, declaration, type, scope, cancellationToken);
                    }

                    break;
                case TryStatementSyntax tryStatement when tryStatement.Catches.Count > 0 && NamesNext(tryStatement.Block)
                    && model.GetOperation(tryStatement, cancellationToken) is ITryOperation operation && CallsNext(operation.Body):
                    ReadCatches(model, operation, cancellationToken);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                    when IsMapperCall(access) && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call:
                    ReadInvocation(model, call, cancellationToken);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Map" or "MapToStatusCode", TypeArgumentList.Arguments.Count: 1 } } } invocation
                    when _hellangOptions is not null && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call:
                    ReadHellangMapping(model, call, cancellationToken);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "StatusCodeSelector" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCodeSelector" } } assignment
                    when model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.ContainingType.Name: "ExceptionHandlerOptions" } } selector
                        && model.GetEnclosingSymbol(assignment.SpanStart, cancellationToken)?.ContainingType is { } owner:
                    // ExceptionHandlerOptions.StatusCodeSelector (ASP.NET Core 9+): the code the bare handler answers with.
                    ReadTypeTests(model, selector.Value, owner, MappingScope.Application, cancellationToken);
                    break;
            }
        }
    }

    private static bool NamesNext(BlockSyntax block)
    {
        foreach (var token in block.DescendantTokens())
        {
            if (token.ValueText is "next" or "_next" or "Next" or "_Next")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMapperCall(MemberAccessExpressionSyntax access) =>
        access.Name.Identifier.ValueText switch
        {
            "UseExceptionHandler" => true,
            "Add" or "AddService" => access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Filters" },
            _ => false,
        };

    /// <summary>
    /// Whether the class is an exception handler or an exception filter. Its interfaces are read once here and not
    /// kept: the map is read once per compilation, and a cache entry per class and interface would cost more.
    /// </summary>
    private MappingScope? ScopeOf(INamedTypeSymbol type)
    {
        MappingScope? scope = null;
        foreach (var contract in type.AllInterfaces)
        {
            var definition = contract.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, _exceptionHandler))
            {
                return MappingScope.Application;
            }

            if (SymbolEqualityComparer.Default.Equals(definition, _exceptionFilter) || SymbolEqualityComparer.Default.Equals(definition, _asyncExceptionFilter))
            {
                scope = MappingScope.Filter;
            }
        }

        return scope;
    }

    /// <summary>Every member body of a handler or filter class: its type tests and its handlers registered by type.</summary>
    private void ReadMapper(SemanticModel model, ClassDeclarationSyntax declaration, INamedTypeSymbol mapper, MappingScope scope, CancellationToken cancellationToken)
    {
        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    Read(method);
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { } initializer)
                        {
                            Read(initializer);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax { Initializer: { } initializer }:
                    Read(initializer);
                    break;
            }
        }

        void Read(SyntaxNode node)
        {
            if (model.GetOperation(node, cancellationToken) is { } operation)
            {
                ReadTypeTests(model, operation, mapper, scope, cancellationToken);
            }
        }
    }

    private void ReadInvocation(SemanticModel model, IInvocationOperation call, CancellationToken cancellationToken)
    {
        var name = call.TargetMethod.Name;
        if (name == "UseExceptionHandler")
        {
            if (model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken)?.ContainingType is { } owner)
            {
                foreach (var argument in call.Arguments)
                {
                    ReadTypeTests(model, argument, owner, MappingScope.Application, cancellationToken);
                }
            }

            return;
        }

        // options.Filters.Add<T>(), Filters.Add(typeof(T)), Filters.Add(new T()), Filters.AddService<T>().
        if ((name == "Add" || name == "AddService")
            && call.Instance is IPropertyReferenceOperation { Property.Name: "Filters" })
        {
            ITypeSymbol? filter = call.TargetMethod.TypeArguments.Length == 1 ? call.TargetMethod.TypeArguments[0] : null;
            if (filter is null && call.Arguments.Length > 0)
            {
                filter = call.Arguments[0].Value.WalkDownConversions() switch
                {
                    ITypeOfOperation typeOf => typeOf.TypeOperand,
                    IObjectCreationOperation creation => creation.Type,
                    _ => null,
                };
            }

            if (filter is INamedTypeSymbol named)
            {
                GlobalFilters.Add(named);
            }
        }
    }

    /// <summary>
    /// Hellang.Middleware.ProblemDetails: <c>options.MapToStatusCode&lt;T&gt;(404)</c> and <c>options.Map&lt;T&gt;(ex =&gt; new
    /// StatusCodeProblemDetails(409))</c>. Its mappers match subclasses (<c>IsAssignableFrom</c>), in registration
    /// order, and always write Problem Details; a mapping with a predicate may not apply, so it is not read.
    /// </summary>
    private void ReadHellangMapping(SemanticModel model, IInvocationOperation call, CancellationToken cancellationToken)
    {
        if (call.Arguments.Length == 1
            && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _hellangOptions)
            && call.TargetMethod.TypeArguments[0] is INamedTypeSymbol exception && IsException(exception)
            && model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken)?.ContainingType is { } owner)
        {
            Add(model, exception, true, call, owner, MappingScope.Application, call.Syntax, cancellationToken, _types.ProblemDetails);
        }
    }

    /// <summary>The <c>catch</c> clauses of a <c>try</c> around <c>next(context)</c>: a middleware that maps what it catches.</summary>
    private void ReadCatches(SemanticModel model, ITryOperation operation, CancellationToken cancellationToken)
    {
        if (model.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken)?.ContainingType is not { } mapper)
        {
            return;
        }

        foreach (var clause in operation.Catches)
        {
            if (clause.Filter is not null || clause.ExceptionType is not INamedTypeSymbol caught)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(caught, _exception))
            {
                // catch (Exception ex) { … ex is NotFoundException … }: the type tests inside decide.
                ReadTypeTests(model, clause.Handler, mapper, MappingScope.Application, cancellationToken);
                continue;
            }

            var syntax = clause.Syntax is CatchClauseSyntax { Declaration: { } declaration } ? declaration : clause.Syntax;
            Add(model, caught, true, clause.Handler, mapper, MappingScope.Application, syntax, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the block calls the rest of the pipeline: a <c>RequestDelegate</c>, or <c>app.Use</c>'s <c>Func&lt;Task&gt; next</c>.
    /// An endpoint filter's <c>next</c> (an <c>EndpointFilterDelegate</c>) is not: its mapping holds for its endpoint only.
    /// </summary>
    private bool CallsNext(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } invoke
                && (SymbolEqualityComparer.Default.Equals(invoke.TargetMethod.ContainingType, _requestDelegate)
                    || invoke.Instance is IParameterReferenceOperation { Parameter: { Name: "next", Type: INamedTypeSymbol { Name: "Func", TypeArguments.Length: 1 } } }))
            {
                return true;
            }
        }

        return false;
    }

    private void ReadTypeTests(SemanticModel model, IOperation region, INamedTypeSymbol mapper, MappingScope scope, CancellationToken cancellationToken)
    {
        foreach (var operation in region.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IConditionalOperation conditional:
                    foreach (var (type, exact, syntax) in TypeTests(conditional.Condition))
                    {
                        Add(model, type, !exact, conditional.WhenTrue, mapper, scope, syntax, cancellationToken);
                    }

                    if (conditional is { WhenFalse: null, Parent: IBlockOperation block } && Leaves(conditional.WhenTrue)
                        && NegatedTypeTest(conditional.Condition) is { } negated)
                    {
                        // if (exception is not T t) return false; … Response.StatusCode = 404: the code after the guard.
                        for (var i = block.Operations.IndexOf(conditional) + 1; i < block.Operations.Length; i++)
                        {
                            if (Add(model, negated, true, block.Operations[i], mapper, scope, conditional.Condition.Syntax, cancellationToken))
                            {
                                break;
                            }
                        }
                    }

                    break;
                case ISwitchOperation switchStatement:
                    foreach (var switchCase in switchStatement.Cases)
                    {
                        foreach (var clause in switchCase.Clauses)
                        {
                            if (clause is IPatternCaseClauseOperation { Guard: null } patternClause && MatchedType(patternClause.Pattern) is { } type)
                            {
                                Add(model, type, true, switchCase, mapper, scope, patternClause.Pattern.Syntax, cancellationToken);
                            }
                        }
                    }

                    break;
                case ISwitchExpressionArmOperation { Guard: null } arm when MatchedType(arm.Pattern) is { } type:
                    Add(model, type, true, arm.Value, mapper, scope, arm.Pattern.Syntax, cancellationToken);
                    break;
                case IInvocationOperation { Arguments.Length: 2 } registration
                    when registration.Arguments[0].Value.WalkDownConversions() is ITypeOfOperation { TypeOperand: INamedTypeSymbol registered }
                        && IsException(registered)
                        && HandlerMethod(registration.Arguments[1].Value) is { } handler
                        && Body(model, handler, cancellationToken) is { } handlerBody:
                    // { typeof(NotFoundException), HandleNotFoundException }: looked up by exception.GetType(), the exact type.
                    Add(model, registered, false, handlerBody, mapper, scope, registration.Arguments[0].Syntax, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Records the mapping when <paramref name="branch"/> sets a status; false when it sets none.</summary>
    private bool Add(SemanticModel model, INamedTypeSymbol exception, bool matchesSubclasses, IOperation branch, INamedTypeSymbol mapper, MappingScope scope, SyntaxNode syntax, CancellationToken cancellationToken, ITypeSymbol? body = null)
    {
        // A selector inside UseExceptionHandler(new ExceptionHandlerOptions { … }) is reached twice: once is enough.
        foreach (var known in Mappings)
        {
            if (known.Tree == syntax.SyntaxTree && known.Span == syntax.Span)
            {
                return true;
            }
        }

        if (StatusIn(model, branch, HelperDepth, cancellationToken) is { } status)
        {
            Mappings.Add(new ExceptionMapping(exception, status, matchesSubclasses, mapper, scope, body ?? BodyIn(branch), syntax.SyntaxTree, syntax.Span));
            return true;
        }

        if (CarriedStatus(branch, exception) is { } property && CarryingConstructors(exception, property, cancellationToken) is { Count: > 0 } constructors)
        {
            Mappings.Add(new ExceptionMapping(exception, 0, matchesSubclasses, mapper, scope, body ?? BodyIn(branch), syntax.SyntaxTree, syntax.Span, constructors));
            return true;
        }

        return false;
    }

    /// <summary>The type a guard excludes: <c>exception is not T</c>, <c>exception is not T t</c>, <c>!(exception is T)</c>.</summary>
    private INamedTypeSymbol? NegatedTypeTest(IOperation condition) => condition switch
    {
        IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: var pattern } } => MatchedType(pattern),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IIsTypeOperation { TypeOperand: INamedTypeSymbol type } } when IsException(type) => type,
        _ => null,
    };

    /// <summary>Whether a guard's branch leaves the method: it ends in <c>return</c> (or is one).</summary>
    private static bool Leaves(IOperation branch) => branch switch
    {
        IReturnOperation => true,
        IBlockOperation { Operations.Length: > 0 } block => block.Operations[block.Operations.Length - 1] is IReturnOperation,
        _ => false,
    };

    /// <summary>The exception's property the branch writes as the status: <c>Response.StatusCode = (int)ex.Code</c>.</summary>
    private static IPropertySymbol? CarriedStatus(IOperation branch, INamedTypeSymbol exception)
    {
        foreach (var operation in branch.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StatusCode" or "Status" } } assignment
                && assignment.Value.WalkDownConversions() is IPropertyReferenceOperation { Instance.Type: { } owner, Property: var property }
                && exception.InheritsFromOrEquals(owner as INamedTypeSymbol))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The exception's constructors in source that store one of their parameters in <paramref name="property"/> (<c>Code = code;</c>), with its ordinal.</summary>
    private ImmutableDictionary<IMethodSymbol, int> CarryingConstructors(INamedTypeSymbol exception, IPropertySymbol property, CancellationToken cancellationToken)
    {
        var constructors = ImmutableDictionary.CreateBuilder<IMethodSymbol, int>(SymbolEqualityComparer.Default);
        foreach (var constructor in exception.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.Length != 1)
            {
                continue;
            }

            var reference = constructor.DeclaringSyntaxReferences[0];
#pragma warning disable RS1030 // Once per compilation, for the constructors of an exception that carries its status.
            var model = _types.Compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, property.OriginalDefinition)
                    && assignment.Value.WalkDownConversions() is IParameterReferenceOperation parameter)
                {
                    constructors[constructor.OriginalDefinition] = parameter.Parameter.Ordinal;
                    break;
                }
            }
        }

        return constructors.ToImmutable();
    }

    /// <summary>The exception types a condition tests for: <c>ex is T</c>, <c>ex is T t</c>, <c>ex.GetType() == typeof(T)</c>, joined by <c>||</c>.</summary>
    private IEnumerable<(INamedTypeSymbol Type, bool Exact, SyntaxNode Syntax)> TypeTests(IOperation condition)
    {
        switch (condition)
        {
            case IIsTypeOperation { TypeOperand: INamedTypeSymbol type } isType when IsException(type):
                yield return (type, false, isType.Syntax);
                break;
            case IIsPatternOperation isPattern when MatchedType(isPattern.Pattern) is { } type:
                yield return (type, false, isPattern.Syntax);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                foreach (var test in TypeTests(or.LeftOperand))
                {
                    yield return test;
                }

                foreach (var test in TypeTests(or.RightOperand))
                {
                    yield return test;
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                var left = equals.LeftOperand.WalkDownConversions();
                var right = equals.RightOperand.WalkDownConversions();
                if (IsGetType(left) && right is ITypeOfOperation { TypeOperand: INamedTypeSymbol rightType } && IsException(rightType))
                {
                    yield return (rightType, true, equals.Syntax);
                }
                else if (IsGetType(right) && left is ITypeOfOperation { TypeOperand: INamedTypeSymbol leftType } && IsException(leftType))
                {
                    yield return (leftType, true, equals.Syntax);
                }

                break;
        }
    }

    private static bool IsGetType(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "GetType", Arguments.Length: 0 };

    private INamedTypeSymbol? MatchedType(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation { MatchedType: INamedTypeSymbol type } when IsException(type) => type,
        ITypePatternOperation { MatchedType: INamedTypeSymbol type } when IsException(type) => type,
        IRecursivePatternOperation { MatchedType: INamedTypeSymbol type } when IsException(type) => type,
        _ => null,
    };

    private bool IsException(INamedTypeSymbol type) =>
        type.TypeKind != TypeKind.Error && !SymbolEqualityComparer.Default.Equals(type, _exception) && type.InheritsFromOrEquals(_exception);

    private static IMethodSymbol? HandlerMethod(IOperation value) => value.WalkDownConversions() switch
    {
        IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => reference.Method,
        IMethodReferenceOperation reference => reference.Method,
        _ => null,
    };

    private static IOperation? Body(SemanticModel model, IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree)
            {
                return model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// The constant status a branch sets: <c>Response.StatusCode = …</c>, <c>new ProblemDetails { Status = … }</c>,
    /// a <c>statusCode:</c> argument, a result type with a default status (<c>new NotFoundObjectResult(…)</c>), or the
    /// branch's own constant (a switch arm); through a helper of the same file.
    /// </summary>
    private int? StatusIn(SemanticModel model, IOperation branch, int depth, CancellationToken cancellationToken)
    {
        if (StatusConstant(branch) is { } direct)
        {
            return direct;
        }

        foreach (var operation in branch.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StatusCode" or "Status" } } assignment
                    when StatusConstant(assignment.Value) is { } assigned:
                    return assigned;
                case IArgumentOperation { Parameter.Name: "statusCode" } argument when StatusConstant(argument.Value) is { } passed:
                    return passed;
                case IObjectCreationOperation { Type: { } created } when _types.GetDefaultStatusCode(created) is > 0 and var code:
                    return code;
                case IInvocationOperation { TargetMethod: { } helper } when depth > 0 && helper.DeclaringSyntaxReferences.Length == 1
                    && Body(model, helper, cancellationToken) is { } helperBody
                    && StatusIn(model, helperBody, depth - 1, cancellationToken) is { } helped:
                    return helped;
            }
        }

        return null;
    }

    private static int? StatusConstant(IOperation operation) =>
        operation.ConstantInt() is int code && code >= 100 && code <= 599 ? code : null;

    /// <summary>The body the branch writes: the first Problem Details (or other non-result object) it creates.</summary>
    private ITypeSymbol? BodyIn(IOperation branch)
    {
        foreach (var operation in branch.Descendants())
        {
            if (operation is IObjectCreationOperation { Type: { } created }
                && (created.InheritsFromOrEquals(_types.ProblemDetails) || created.InheritsFromOrEquals(_types.HttpValidationProblemDetails)))
            {
                return created;
            }
        }

        return null;
    }
}
