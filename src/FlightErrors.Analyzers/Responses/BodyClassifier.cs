using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// Classifies response bodies: what kind of value a body is (Problem Details, a string, model state, field errors, a
/// DTO), and whether a response made without a body reaches the client empty. One instance per compilation; kinds are
/// cached per type, since the same few body types come back for every endpoint and the interface walk is the cost.
/// </summary>
internal sealed class BodyClassifier
{
    private readonly KnownTypes _types;
    private readonly ConcurrentDictionary<ITypeSymbol, BodyKind> _kinds = new(SymbolEqualityComparer.Default);

    public BodyClassifier(KnownTypes types) => _types = types;

    /// <summary>The kind of body a value of <paramref name="type"/> makes.</summary>
    public BodyKind KindOf(ITypeSymbol type)
    {
        if (!_kinds.TryGetValue(type, out var kind))
        {
            kind = Compute(type);
            _kinds.TryAdd(type, kind);
        }

        return kind;
    }

    /// <summary>Who writes the body of a result made without one by <paramref name="producer"/> (a result of <paramref name="type"/>).</summary>
    public BodylessWriter BodylessWriterOf(IOperation producer)
    {
        if (producer.Type is not { } type)
        {
            return BodylessWriter.None;
        }

        if (_types.ClientErrorActionResult is { } clientError && _types.Implements(type, clientError))
        {
            return BodylessWriter.ClientErrorMapping;
        }

        if (_types.Result is not { } result || !_types.Implements(type, result))
        {
            return BodylessWriter.None;
        }

        var name = producer is Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation ? invocation.TargetMethod.Name : type.Name;
        return ResultApis.IsAuthentication(name) ? BodylessWriter.Authentication : BodylessWriter.StatusCodePages;
    }

    /// <summary>
    /// Whether an error response without a body goes out empty. <c>UseStatusCodePages()</c> with <c>AddProblemDetails()</c>
    /// fills every one in (<paramref name="statusCodePages"/>: as found in the compilation, or as the option says). Otherwise MVC's client-error mapping fills in the <c>StatusCodeResult</c>s (<c>NotFound()</c>,
    /// <c>StatusCode(404)</c>) of API controllers, and nothing fills in a minimal-API result. Challenge, forbid and
    /// unauthorized results belong to the authentication handler; MVC results outside controllers are left alone, since
    /// the controller that will return them is unknown.
    /// </summary>
    public static bool IsEmptyError(in ProducedResponse response, in Endpoint endpoint, StatusCodePagesSetting statusCodePages, ApplicationFacts application)
    {
        if (response.Body != BodyKind.None || !StatusCodeFacts.IsError(response.StatusCode) || application.WritesStatusCodePagesAsProblemDetails(statusCodePages))
        {
            return false;
        }

        return response.BodylessWriter switch
        {
            BodylessWriter.ClientErrorMapping => endpoint.InController && (!endpoint.IsApiController || application.SuppressesClientErrorMapping),
            BodylessWriter.StatusCodePages => true,
            _ => false,
        };
    }

    /// <summary>A type fit to name a body in a declaration: not anonymous, <c>object</c>, dynamic or unbound.</summary>
    public static ITypeSymbol? NameableType(ITypeSymbol type) =>
        type.IsAnonymousType || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Error or TypeKind.Dynamic
            ? null
            : type;

    private BodyKind Compute(ITypeSymbol type)
    {
        // A type that does not bind yet (half-typed code) could turn out to be anything, Problem Details included.
        if (type.ContainsErrorType())
        {
            return BodyKind.Unknown;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return BodyKind.String;
        }

        if (type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.Error or TypeKind.TypeParameter)
        {
            return BodyKind.Unknown;
        }

        if (type.IsAnonymousType)
        {
            return BodyKind.Anonymous;
        }

        if (type.InheritsFromOrEquals(_types.ProblemDetails))
        {
            return BodyKind.ProblemDetails;
        }

        if (type.InheritsFromOrEquals(_types.ModelStateDictionary))
        {
            return BodyKind.ModelState;
        }

        return IsValidationErrors(type) ? BodyKind.ValidationErrors : BodyKind.Object;
    }

    /// <summary><c>IEnumerable&lt;KeyValuePair&lt;string, string[]&gt;&gt;</c>: what <c>ValidationProblem(errors)</c> accepts.</summary>
    private static bool IsValidationErrors(ITypeSymbol type)
    {
        if (IsFieldErrorSequence(type))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsFieldErrorSequence(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFieldErrorSequence(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } sequence
        && sequence.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        && sequence.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair", TypeArguments.Length: 2 } pair
        && pair.TypeArguments[0].SpecialType == SpecialType.System_String
        && pair.TypeArguments[1] is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };
}
