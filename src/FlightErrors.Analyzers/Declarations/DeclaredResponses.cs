using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>Where the response metadata that replaces an action's implicit 200 comes from, when not from the action.</summary>
internal enum ImplicitOkReplacement : byte
{
    /// <summary>The implicit 200 stands, or the action's own metadata replaces it.</summary>
    None,

    /// <summary><c>[ProducesResponseType]</c> (or another response attribute) on the controller or a base class.</summary>
    ControllerAttributes,

    /// <summary>An API convention (<c>[ApiConventionType]</c>, <c>[ApiConventionMethod]</c>).</summary>
    Convention,
}

/// <summary>
/// What an endpoint documents: the status codes its API description (and so its OpenAPI document) lists.
/// </summary>
internal sealed class DeclaredResponses
{
    private readonly HashSet<int> _codes;

    public DeclaredResponses(HashSet<int> codes, bool hasResponseMetadata, bool hasDefaultResponse, bool isComplete, ITypeSymbol? implicitOkType, bool isExcluded = false, ImplicitOkReplacement implicitOkReplacedBy = ImplicitOkReplacement.None)
    {
        ImplicitOkReplacedBy = implicitOkReplacedBy;
        IsExcludedFromDescription = isExcluded;
        _codes = codes;
        HasResponseMetadata = hasResponseMetadata;
        HasDefaultResponse = hasDefaultResponse;
        IsComplete = isComplete;
        ImplicitOkType = implicitOkType;
    }

    /// <summary>
    /// True when any response metadata applies (attributes, conventions, self-describing result types). Without it,
    /// the API description lists an implicit 200, which the first added attribute would take away.
    /// </summary>
    public bool HasResponseMetadata { get; }

    /// <summary><c>[ProducesDefaultResponseType]</c>: every code not listed is covered by the "default" response.</summary>
    public bool HasDefaultResponse { get; }

    /// <summary>False when some attribute's status code cannot be read; rules then stay silent rather than guess.</summary>
    public bool IsComplete { get; }

    /// <summary>The endpoint is left out of the API description (<c>.ExcludeFromDescription()</c>): there is nothing to document.</summary>
    public bool IsExcludedFromDescription { get; }

    /// <summary>What took the implicit 200 away when the action itself declares nothing, so a message can say why.</summary>
    public ImplicitOkReplacement ImplicitOkReplacedBy { get; }

    /// <summary>The model type of the implicit 200 (from <c>ActionResult&lt;T&gt;</c> or <c>T</c>), when it has one.</summary>
    public ITypeSymbol? ImplicitOkType { get; }

    public bool Documents(int statusCode)
    {
        if (!HasResponseMetadata && statusCode == 200)
        {
            return true;
        }

        // A "default" response documents every code the description does not list, successes included.
        return HasDefaultResponse || _codes.Contains(statusCode);
    }
}

/// <summary>What an action documents as an action of one controller; <see cref="Controller"/> is null for its own.</summary>
internal readonly struct ControllerDeclarations
{
    public ControllerDeclarations(INamedTypeSymbol? controller, DeclaredResponses declared)
    {
        Controller = controller;
        Declared = declared;
    }

    /// <summary>The controller that inherits the action, or null for the action's own declaring type (or a route handler).</summary>
    public INamedTypeSymbol? Controller { get; }

    public DeclaredResponses Declared { get; }

    /// <summary>Whether every description could be read fully: one that cannot silences the documentation rules.</summary>
    public static bool AllComplete(ImmutableArray<ControllerDeclarations> views)
    {
        foreach (var view in views)
        {
            if (!view.Declared.IsComplete)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first description that leaves <paramref name="statusCode"/> undocumented (one left out of the API description needs nothing), or -1.</summary>
    public static int FirstUndocumenting(ImmutableArray<ControllerDeclarations> views, int statusCode)
    {
        for (var i = 0; i < views.Length; i++)
        {
            if (!views[i].Declared.IsExcludedFromDescription && !views[i].Declared.Documents(statusCode))
            {
                return i;
            }
        }

        return -1;
    }
}
