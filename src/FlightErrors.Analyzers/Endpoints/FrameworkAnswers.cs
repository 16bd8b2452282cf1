using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

/// <summary>Where the cause of a framework answer is written, and so where documenting it covers every endpoint it affects.</summary>
internal enum AnswerLevel : byte
{
    /// <summary>On the action or handler, or the endpoint's own builder chain.</summary>
    Endpoint,

    /// <summary>On the controller (or a base controller) of the action.</summary>
    Controller,

    /// <summary>On a route group the endpoint is mapped on.</summary>
    Group,

    /// <summary>In the application's setup (a fallback policy, a global limiter): documented on each endpoint.</summary>
    Application,
}

/// <summary>A status code the framework answers for an endpoint before its code runs, and what makes it answer.</summary>
internal readonly struct FrameworkAnswer
{
    public FrameworkAnswer(int statusCode, string cause, AnswerLevel level, ITypeSymbol? bodyType = null, Location? causeLocation = null)
    {
        StatusCode = statusCode;
        Cause = cause;
        Level = level;
        BodyType = bodyType;
        CauseLocation = causeLocation;
    }

    public int StatusCode { get; }

    /// <summary>What makes the framework answer, as the message names it: <c>[Authorize(Policy = "ops")] on FlightsController</c>.</summary>
    public string Cause { get; }

    public AnswerLevel Level { get; }

    /// <summary>The body the framework writes, when documenting it takes more than the endpoint's usual error type: <c>ValidationProblemDetails</c>.</summary>
    public ITypeSymbol? BodyType { get; }

    /// <summary>For a cause on a group, the call that applies it (<c>.RequireAuthorization()</c>); null otherwise.</summary>
    public Location? CauseLocation { get; }
}

/// <summary>
/// The status codes ASP.NET Core itself answers around an endpoint: 401 and 403 from authorization (attributes on the
/// action, its controller and base controllers; <c>RequireAuthorization</c> on the endpoint and its groups; the fallback
/// policy), lifted by <c>[AllowAnonymous]</c>; the rate limiter's rejection status (<c>[EnableRateLimiting]</c>,
/// <c>RequireRateLimiting</c>, a global limiter), lifted by <c>[DisableRateLimiting]</c>; 400 and 415 from reading the
/// request (<see cref="ReadRequest"/>); what action filters and endpoint filters answer when they short-circuit (<see cref="ReadFilters"/>). Read from symbols and the endpoint's convention calls; nothing is kept.
/// </summary>
internal sealed partial class FrameworkAnswers
{
    private readonly INamedTypeSymbol? _authorizeData;
    private readonly INamedTypeSymbol? _allowAnonymous;
    private readonly INamedTypeSymbol? _enableRateLimiting;
    private readonly INamedTypeSymbol? _disableRateLimiting;
    private readonly INamedTypeSymbol? _routeGroupBuilder;
    private readonly KnownTypes _types;
    private readonly ResponseInference _inference;

    public FrameworkAnswers(KnownTypes types, ResponseInference inference)
    {
        _types = types;
        _inference = inference;
        var compilation = types.Compilation;
        _authorizeData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        _allowAnonymous = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        _enableRateLimiting = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute");
        _disableRateLimiting = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute");
        _routeGroupBuilder = types.RouteGroupBuilder;
    }

    /// <summary>
    /// What the framework answers for <paramref name="endpoint"/> (an action or a route handler), one entry per code with
    /// the broadest cause; null when nothing, or when what applies cannot be told (a builder out of sight).
    /// </summary>
    public List<FrameworkAnswer>? Of(in Endpoint endpoint, ApplicationFacts application, SemanticModelSource semanticModels, CancellationToken cancellationToken)
    {
        var found = new Found();
        if (endpoint.Route is { } route)
        {
            if (!route.ConventionsComplete)
            {
                return null;
            }

            ReadAttributes(route.Handler, null, AnswerLevel.Endpoint, ref found, cancellationToken);
            foreach (var call in route.Conventions)
            {
                ReadConvention(call, route, semanticModels, ref found, cancellationToken);
            }
        }
        else if (endpoint.Kind == EndpointKind.Action)
        {
            // Broadest first: a cause on the controller covers every action, so that is where it is documented.
            for (var type = endpoint.Method.ContainingType; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
            {
                if (type.DeclaringSyntaxReferences.IsEmpty && type.ContainingAssembly is { } assembly && assembly.Name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal))
                {
                    break;
                }

                ReadAttributes(type, endpoint.Method.ContainingType.Name, AnswerLevel.Controller, ref found, cancellationToken);
            }

            ReadAttributes(endpoint.Method, null, AnswerLevel.Endpoint, ref found, cancellationToken);
        }
        else
        {
            return null;
        }

        List<FrameworkAnswer>? answers = null;
        if (!found.Anonymous && !application.ChallengeMayRedirect)
        {
            if (found.Unauthorized is { } unauthorized)
            {
                Add(ref answers, new FrameworkAnswer(401, unauthorized.Cause, unauthorized.Level, causeLocation: unauthorized.Location));
            }
            else if (!found.Authorized && application.SetsFallbackPolicy)
            {
                Add(ref answers, new FrameworkAnswer(401, "the fallback authorization policy", AnswerLevel.Application));
            }

            if (found.Forbidden is { } forbidden)
            {
                Add(ref answers, new FrameworkAnswer(403, forbidden.Cause, forbidden.Level, causeLocation: forbidden.Location));
            }
            else if (!found.Authorized && application.SetsFallbackPolicy && application.FallbackPolicyCanForbid)
            {
                Add(ref answers, new FrameworkAnswer(403, "the fallback authorization policy", AnswerLevel.Application));
            }
        }

        if (!found.RateLimitingDisabled && application.RejectionStatusCode != 0)
        {
            if (found.RateLimited is { } limited)
            {
                Add(ref answers, new FrameworkAnswer(application.RejectionStatusCode, limited.Cause, limited.Level, causeLocation: limited.Location));
            }
            else if (application.SetsGlobalLimiter)
            {
                Add(ref answers, new FrameworkAnswer(application.RejectionStatusCode, "the global rate limiter", AnswerLevel.Application));
            }
        }

        ReadRequest(in endpoint, application, ref answers);
        ReadFilters(in endpoint, application, semanticModels, ref answers, cancellationToken);
        return answers;
    }

    private static void Add(ref List<FrameworkAnswer>? answers, FrameworkAnswer answer)
    {
        answers ??= new List<FrameworkAnswer>(2);
        foreach (var existing in answers)
        {
            if (existing.StatusCode == answer.StatusCode)
            {
                return;
            }
        }

        answers.Add(answer);
    }

    private void ReadAttributes(ISymbol symbol, string? controller, AnswerLevel level, ref Found found, CancellationToken cancellationToken)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            if (_allowAnonymous is not null && _types.Implements(type, _allowAnonymous))
            {
                found.Anonymous = true;
            }
            else if (_authorizeData is not null && _types.Implements(type, _authorizeData))
            {
                var canForbid = false;
                foreach (var argument in attribute.NamedArguments)
                {
                    canForbid |= argument.Key is "Policy" or "Roles" && argument.Value.Value is string { Length: > 0 };
                }

                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 })
                {
                    canForbid = true; // [Authorize("policy")]
                }

                found.Authorize(Describe(attribute, symbol, controller), level, canForbid);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _disableRateLimiting))
            {
                found.RateLimitingDisabled = true;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _enableRateLimiting))
            {
                found.Limit(Describe(attribute, symbol, controller), level);
            }
        }
    }

    private void ReadConvention(SyntaxNode node, RouteHandler route, SemanticModelSource semanticModels, ref Found found, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } call)
        {
            return;
        }

        switch (name)
        {
            case "AllowAnonymous":
                found.Anonymous = true;
                return;
            case "DisableRateLimiting":
                found.RateLimitingDisabled = true;
                return;
            case "RequireAuthorization":
            case "RequireRateLimiting":
                break;
            case "WithMetadata":
                // Metadata added by hand: an attribute the text names decides; another object may be anything.
                var text = call.ArgumentList.ToString();
                found.Anonymous |= text.Contains("AllowAnonymous");
                found.RateLimitingDisabled |= text.Contains("DisableRateLimiting");
                found.Authorized |= text.Contains("Authorize");
                return;
            default:
                return;
        }

        var model = semanticModels.For(call.SyntaxTree);
        var isGroup = model?.GetTypeInfo(call, cancellationToken).Type is { } builder && SymbolEqualityComparer.Default.Equals(builder, _routeGroupBuilder);
        var level = isGroup ? AnswerLevel.Group : AnswerLevel.Endpoint;
        var cause = "." + name + Arguments(call, model, cancellationToken) + (isGroup ? " on its group" : " on the endpoint");
        var location = isGroup ? call.GetLocation() : null;
        if (name == "RequireRateLimiting")
        {
            found.Limit(cause, level, location);
            return;
        }

        var canForbid = false;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            canForbid |= CanForbid(argument.Expression, model, cancellationToken);
        }

        found.Authorize(cause, level, canForbid, location);
    }

    /// <summary>
    /// Whether an argument of <c>RequireAuthorization</c> names a policy that can deny an authenticated caller: a
    /// policy name, a policy builder or <c>[Authorize]</c> data with a role, claim, assertion or policy. A policy object
    /// made elsewhere is not read.
    /// </summary>
    private static bool CanForbid(ExpressionSyntax argument, SemanticModel? model, CancellationToken cancellationToken)
    {
        switch (argument)
        {
            case LambdaExpressionSyntax lambda:
                foreach (var node in lambda.DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax { Expression: var callee }
                        && SyntaxNames.NameOf(callee) is "RequireRole" or "RequireClaim" or "RequireUserName" or "RequireAssertion" or "AddRequirements" or "Combine")
                    {
                        return true;
                    }
                }

                return false;
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer }:
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Policy" or "Roles" } })
                    {
                        return true;
                    }
                }

                return false;
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length > 0;
            default:
                return model?.GetTypeInfo(argument, cancellationToken).Type?.SpecialType == SpecialType.System_String;
        }
    }

    /// <summary>The call's arguments as written, a constant as its value; <c>(…)</c> when long.</summary>
    private static string Arguments(InvocationExpressionSyntax call, SemanticModel? model, CancellationToken cancellationToken)
    {
        var arguments = new List<string>();
        foreach (var argument in call.ArgumentList.Arguments)
        {
            arguments.Add(model?.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string value }
                ? SymbolDisplay.FormatLiteral(value, quote: true)
                : argument.Expression.ToString());
        }

        var text = "(" + string.Join(", ", arguments) + ")";
        return text.Length <= 60 && text.IndexOf('\n') < 0 ? text : "(…)";
    }

    /// <summary>
    /// <c>[Authorize(Policy = "ops")] on FlightsController</c>: the attribute with its values (a constant's value, not its
    /// name), and where it is.
    /// </summary>
    private static string Describe(AttributeData attribute, ISymbol symbol, string? controller)
    {
        var name = attribute.AttributeClass?.Name ?? "";
        if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        var arguments = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind != TypedConstantKind.Array)
            {
                arguments.Add(argument.ToCSharpString());
                continue;
            }

            // A params array as written: its values, or nothing.
            foreach (var value in argument.Values)
            {
                arguments.Add(value.ToCSharpString());
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            arguments.Add(argument.Key + " = " + argument.Value.ToCSharpString());
        }

        var written = arguments.Count == 0 ? name : name + "(" + string.Join(", ", arguments) + ")";
        var on = symbol switch
        {
            INamedTypeSymbol type when controller is not null && type.Name != controller => type.Name + ", a base of " + controller,
            INamedTypeSymbol type => type.Name,
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "the handler",
            _ => "'" + symbol.Name + "'",
        };

        return "[" + written + "] on " + on;
    }

    /// <summary>What the metadata chain says, gathered broadest first.</summary>
    private struct Found
    {
        public bool Anonymous;
        public bool Authorized;
        public bool RateLimitingDisabled;
        public (string Cause, AnswerLevel Level, Location? Location)? Unauthorized;
        public (string Cause, AnswerLevel Level, Location? Location)? Forbidden;
        public (string Cause, AnswerLevel Level, Location? Location)? RateLimited;

        public void Authorize(string cause, AnswerLevel level, bool canForbid, Location? location = null)
        {
            Authorized = true;
            Keep(ref Unauthorized, cause, level, location);
            if (canForbid)
            {
                Keep(ref Forbidden, cause, level, location);
            }
        }

        public void Limit(string cause, AnswerLevel level, Location? location = null) => Keep(ref RateLimited, cause, level, location);

        /// <summary>Keeps the first cause, unless a broader one (a controller's, a group's) comes after an endpoint's own.</summary>
        private static void Keep(ref (string Cause, AnswerLevel Level, Location? Location)? kept, string cause, AnswerLevel level, Location? location)
        {
            if (kept is null || (kept.Value.Level == AnswerLevel.Endpoint && level != AnswerLevel.Endpoint))
            {
                kept = (cause, level, location);
            }
        }
    }
}
