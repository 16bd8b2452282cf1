using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The codes ASP.NET Core answers while it reads the request for an endpoint, before the endpoint runs: 400 when a
/// parameter can fail to bind or validate, 415 when the endpoint reads a JSON body (any controller's <c>[FromBody]</c>)
/// or <c>[Consumes]</c> restricts the content type. Checked against the framework: a route value under a constraint
/// that does not parse is a 404 (no match), a <c>string</c> never fails to parse, a missing non-nullable value is a 400
/// for a route handler but not for an action (model binding leaves the default), unless model validation requires it.
/// </summary>
internal sealed partial class FrameworkAnswers
{
    /// <summary>Where a parameter's value comes from.</summary>
    private enum Source : byte
    {
        /// <summary>Not read from the request by binding (services, the context, a cancellation token, forms, custom binding).</summary>
        None,
        Body,
        Route,
        Query,
        Header,
    }

    /// <summary>
    /// Adds the 400 and 415 the framework answers while reading the request for <paramref name="endpoint"/>: route
    /// handlers' binding (<c>BadHttpRequestException</c>) and .NET 10's validation; <c>[ApiController]</c>'s automatic
    /// model validation (unless suppressed) and its 415 for a body in another content type; for other controllers the
    /// 415 of an explicit <c>[FromBody]</c> only (checked against ASP.NET Core 10: a complex type without it binds from the
    /// form and the query, and invalid model state reaches the action); <c>[Consumes]</c> for any controller.
    /// </summary>
    private void ReadRequest(in Endpoint endpoint, ApplicationFacts application, ref List<FrameworkAnswer>? answers)
    {
        string? badRequest = null;
        string? unsupportedMediaType = null;
        var level = AnswerLevel.Endpoint;
        if (endpoint.Route is { } route)
        {
            var space = route.Route.IndexOf(' ');
            var verb = space < 0 ? string.Empty : route.Route.Substring(0, space);
            var template = space < 0 ? route.Route : route.Route.Substring(space + 1);
            var mayInferBody = verb is "POST" or "PUT" or "PATCH";
            foreach (var parameter in route.Handler.Parameters)
            {
                var source = SourceOf(parameter, template, mayInferBody, application, out var constrained);
                if (BindingFailure(parameter, source, constrained, requiresStrings: true, validates: application.AddsValidation) is { } reason)
                {
                    badRequest ??= (reason.StartsWith("[", StringComparison.Ordinal) ? "AddValidation() checking " : "binding ") + reason;
                }

                if (source == Source.Body)
                {
                    unsupportedMediaType ??= "the JSON body '" + parameter.Name + "' in another content type";
                }
            }
        }
        else if (endpoint.Kind == EndpointKind.Action && !endpoint.IsApiController)
        {
            // MVC's global unsupported-content-type filter answers 415 for any controller's [FromBody] parameter; without
            // [ApiController] nothing is inferred as the body and nothing answers 400 (model state stays the action's).
            foreach (var parameter in endpoint.Method.Parameters)
            {
                if (SourceOf(parameter, string.Empty, mayInferBody: false, application, out _) == Source.Body)
                {
                    unsupportedMediaType = "the JSON body '" + parameter.Name + "' in another content type";
                    break;
                }
            }

            ConsumesAnswer(endpoint.Method, ref unsupportedMediaType, ref level);
        }
        else if (endpoint.Kind == EndpointKind.Action)
        {
            var templates = string.Join(" ", ActionRoutes.TemplatesOf(endpoint.Method));
            foreach (var parameter in endpoint.Method.Parameters)
            {
                var source = SourceOf(parameter, templates, mayInferBody: true, application, out var constrained);
                if (BindingFailure(parameter, source, constrained, requiresStrings: !application.SuppressesImplicitRequired, validates: true) is { } reason)
                {
                    badRequest ??= "[ApiController] model validation of " + reason;
                }

                if (source == Source.Body)
                {
                    unsupportedMediaType ??= "the JSON body '" + parameter.Name + "' in another content type";
                }
            }

            if (application.SuppressesModelStateInvalidFilter)
            {
                badRequest = null;
            }

            ConsumesAnswer(endpoint.Method, ref unsupportedMediaType, ref level);
        }

        if (badRequest is not null)
        {
            Add(ref answers, new FrameworkAnswer(400, badRequest, AnswerLevel.Endpoint, endpoint.Route is null ? _types.ValidationProblemDetails : null));
        }

        if (unsupportedMediaType is not null)
        {
            Add(ref answers, new FrameworkAnswer(415, unsupportedMediaType, level));
        }
    }

    /// <summary>
    /// What can make binding or validating <paramref name="parameter"/> fail, as messages name it (<c>the route value
    /// 'id' as int</c>, <c>[Range] on 'page'</c>); null when nothing can. A missing non-nullable string fails only where
    /// <paramref name="requiresStrings"/>; validation attributes count only where <paramref name="validates"/>.
    /// </summary>
    private static string? BindingFailure(IParameterSymbol parameter, Source source, bool constrained, bool requiresStrings, bool validates) => source switch
    {
        Source.Body => "the JSON body '" + parameter.Name + "'",
        Source.Route when !constrained && IsParsed(parameter.Type) => "the route value '" + parameter.Name + "' as " + Display(parameter.Type),
        Source.Query or Source.Header when IsParsed(parameter.Type) => "the " + Describe(source) + " '" + parameter.Name + "' as " + Display(parameter.Type),
        Source.Query or Source.Header when requiresStrings && IsRequiredString(parameter) => "the required " + Describe(source) + " '" + parameter.Name + "'",
        _ => validates && ValidationAttribute(parameter) is { } attribute ? "[" + attribute + "] on '" + parameter.Name + "'" : null,
    };

    /// <summary>
    /// Where a parameter is bound from, as the framework infers it: its <c>[From*]</c> attribute; else a route value when
    /// the template names it, the query for a simple type, a service or the context for the types the framework provides,
    /// the body for a complex type declared in source that no <c>Add*</c> call registers (route handlers infer a body
    /// only for POST, PUT and PATCH). <paramref name="constrained"/> tells a route value with a constraint.
    /// </summary>
    private Source SourceOf(IParameterSymbol parameter, string template, bool mayInferBody, ApplicationFacts application, out bool constrained)
    {
        constrained = false;
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                switch (implemented.Name)
                {
                    case "IFromBodyMetadata":
                        return Source.Body;
                    case "IFromRouteMetadata":
                        return RouteValue(template, RouteName(attribute) ?? parameter.Name, out constrained) ? Source.Route : Source.None;
                    case "IFromQueryMetadata":
                        return Source.Query;
                    case "IFromHeaderMetadata":
                        return Source.Header;
                    case "IFromFormMetadata" or "IFromServiceMetadata" or "IBinderTypeProviderMetadata":
                        return Source.None;
                }
            }

            if (type.Name is "AsParametersAttribute" or "FromServicesAttribute" or "FromKeyedServicesAttribute" or "ModelBinderAttribute")
            {
                return Source.None;
            }
        }

        if (RouteValue(template, parameter.Name, out constrained))
        {
            return Source.Route;
        }

        var parameterType = parameter.Type;
        if (parameterType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            parameterType = nullable.TypeArguments[0];
        }

        if (parameterType.SpecialType == SpecialType.System_String || IsParsed(parameter.Type))
        {
            return Source.Query;
        }

        // A complex type: the body, unless the framework or the application provides it.
        if (!mayInferBody
            || parameterType is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } named
            || named.DeclaringSyntaxReferences.IsEmpty
            || application.MayBeService(named.Name)
            || HasBindingMember(named))
        {
            return Source.None;
        }

        return Source.Body;
    }

    /// <summary>Whether the template has a route parameter of this name, and whether it has a constraint.</summary>
    private static bool RouteValue(string template, string name, out bool constrained)
    {
        constrained = false;
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            if (end < 0)
            {
                return false;
            }

            var segment = template.Substring(start + 1, end - start - 1).TrimStart('*');
            var nameEnd = segment.IndexOfAny(new[] { ':', '=', '?' });
            var segmentName = nameEnd < 0 ? segment : segment.Substring(0, nameEnd);
            if (string.Equals(segmentName, name, StringComparison.OrdinalIgnoreCase))
            {
                constrained = nameEnd >= 0 && segment[nameEnd] == ':';
                return true;
            }
        }

        return false;
    }

    private static string? RouteName(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string { Length: > 0 } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether the type (or its nullable) is one the framework parses from text, where text can fail to parse: numbers, <c>bool</c>, <c>Guid</c>, dates and times, enums.</summary>
    private static bool IsParsed(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.TypeKind == TypeKind.Enum
            || (type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });
    }

    /// <summary>A <c>string</c> declared non-nullable (in a nullable context) and without a default: required.</summary>
    private static bool IsRequiredString(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String
        && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated
        && !parameter.HasExplicitDefaultValue;

    /// <summary>The name of the parameter's first validation attribute (<c>[Required]</c>, <c>[Range]</c>, <c>[BindRequired]</c>), if any.</summary>
    private static string? ValidationAttribute(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            if (type.Name == "BindRequiredAttribute")
            {
                return "BindRequired";
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == "ValidationAttribute" && current.IsInNamespace("System", "ComponentModel", "DataAnnotations"))
                {
                    return type.Name.EndsWith("Attribute", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
                }
            }
        }

        return null;
    }

    /// <summary>A type that binds itself (<c>TryParse</c>, <c>BindAsync</c>): what it accepts is its own.</summary>
    private static bool HasBindingMember(INamedTypeSymbol type) =>
        !type.GetMembers("TryParse").IsEmpty || !type.GetMembers("BindAsync").IsEmpty;

    /// <summary>
    /// The 415 of <c>[Consumes(...)]</c>, for any controller: on the controller it is the broadest cause and replaces a
    /// body's; on the action it is the action's, as a body is, and names the 415 only when no body does.
    /// </summary>
    private void ConsumesAnswer(IMethodSymbol action, ref string? unsupportedMediaType, ref AnswerLevel level)
    {
        if (Consumes(action, out var consumesLevel) is { } consumes && (consumesLevel == AnswerLevel.Controller || unsupportedMediaType is null))
        {
            unsupportedMediaType = consumes;
            level = consumesLevel;
        }
    }

    /// <summary><c>[Consumes(...)]</c> on the action, its controller or a base: the request's content type is restricted.</summary>
    private string? Consumes(IMethodSymbol action, out AnswerLevel level)
    {
        level = AnswerLevel.Endpoint;
        if (FindConsumes(action) is { } own)
        {
            return Describe(own, action, null);
        }

        for (var type = action.ContainingType; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
        {
            if (FindConsumes(type) is { } inherited)
            {
                level = AnswerLevel.Controller;
                return Describe(inherited, type, action.ContainingType.Name);
            }
        }

        return null;
    }

    private static AttributeData? FindConsumes(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ConsumesAttribute" } type && type.IsInNamespace("Microsoft", "AspNetCore", "Mvc"))
            {
                return attribute;
            }
        }

        return null;
    }

    private static string Describe(Source source) => source == Source.Header ? "header" : "query value";

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
