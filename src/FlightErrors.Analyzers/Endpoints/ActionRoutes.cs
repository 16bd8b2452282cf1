using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The attribute routes of a controller action as MVC combines them: each template of the controller (the class, or
/// the nearest base that has one) with each template of the action (<c>[HttpGet("…")]</c>, <c>[Route("…")]</c>); an
/// action template that starts with <c>/</c> or <c>~/</c> stands alone. Conventional routes are not seen.
/// </summary>
internal static class ActionRoutes
{
    /// <summary>Whether one of the action's routes is one of <paramref name="paths"/> (normalized by <see cref="Normalize"/>).</summary>
    public static bool AnswersAt(IMethodSymbol action, ImmutableArray<string> paths)
    {
        if (paths.IsEmpty)
        {
            return false;
        }

        var actionTemplates = Templates(action);
        var controllerTemplates = new List<string?>();
        for (var type = action.ContainingType; type is not null && controllerTemplates.Count == 0; type = type.BaseType)
        {
            controllerTemplates.AddRange(Templates(type));
        }

        if (actionTemplates.Count == 0)
        {
            actionTemplates.Add(null);
        }

        if (controllerTemplates.Count == 0)
        {
            controllerTemplates.Add(null);
        }

        var controller = action.ContainingType.Name.EndsWith("Controller", StringComparison.Ordinal)
            ? action.ContainingType.Name.Substring(0, action.ContainingType.Name.Length - "Controller".Length)
            : action.ContainingType.Name;
        foreach (var actionTemplate in actionTemplates)
        {
            foreach (var controllerTemplate in controllerTemplates)
            {
                var combined = actionTemplate is not null && (actionTemplate.StartsWith("/", StringComparison.Ordinal) || actionTemplate.StartsWith("~/", StringComparison.Ordinal))
                    ? actionTemplate
                    : (controllerTemplate ?? string.Empty) + "/" + (actionTemplate ?? string.Empty);
                var path = Normalize(combined
                    .Replace("[controller]", controller)
                    .Replace("[action]", action.Name));
                if (paths.Contains(path))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The route templates of the action and of its controller (or the nearest base that has some), as written: where
    /// a parameter's name shows whether it is a route value and with which constraint.
    /// </summary>
    public static List<string> TemplatesOf(IMethodSymbol action)
    {
        var templates = new List<string>();
        foreach (var template in Templates(action))
        {
            if (template is not null)
            {
                templates.Add(template);
            }
        }

        for (var type = action.ContainingType; type is not null; type = type.BaseType)
        {
            var own = Templates(type);
            if (own.Count > 0)
            {
                foreach (var template in own)
                {
                    if (template is not null)
                    {
                        templates.Add(template);
                    }
                }

                break;
            }
        }

        return templates;
    }

    /// <summary>A path as routes compare it: without <c>~</c>, without leading or trailing slashes, in lower case.</summary>
    public static string Normalize(string path) => path.TrimStart('~').Trim('/').ToLowerInvariant();

    /// <summary>The templates of the attributes that provide one (<c>IRouteTemplateProvider</c>); null for one without a template.</summary>
    private static List<string?> Templates(ISymbol symbol)
    {
        var templates = new List<string?>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || !ProvidesTemplate(type))
            {
                continue;
            }

            string? template = null;
            if (attribute.AttributeConstructor is { } constructor)
            {
                for (var i = 0; i < constructor.Parameters.Length && i < attribute.ConstructorArguments.Length; i++)
                {
                    if (constructor.Parameters[i].Name == "template" && attribute.ConstructorArguments[i].Value is string value)
                    {
                        template = value;
                    }
                }
            }

            templates.Add(template);
        }

        return templates;
    }

    private static bool ProvidesTemplate(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name == "IRouteTemplateProvider" && implemented.IsInNamespace("Microsoft", "AspNetCore", "Mvc", "Routing"))
            {
                return true;
            }
        }

        return false;
    }
}
