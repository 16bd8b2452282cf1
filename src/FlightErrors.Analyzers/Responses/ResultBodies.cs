using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>What an error body says, as the <c>detail</c> of Problem Details.</summary>
internal readonly struct BodyDetail
{
    public BodyDetail(IOperation value, bool isExceptionMessage)
    {
        Value = value;
        IsExceptionMessage = isExceptionMessage;
    }

    /// <summary>The string (or, with <see cref="IsExceptionMessage"/>, the exception) the detail is read from.</summary>
    public IOperation Value { get; }

    /// <summary>The detail is the exception's <c>Message</c>.</summary>
    public bool IsExceptionMessage { get; }
}

/// <summary>
/// The body of a result at the operation level: which operation supplies it, what it says, and whether it carries an
/// exception's text. Rules read the classified response; the fixes read these to rewrite a body faithfully.
/// </summary>
internal static class ResultBodies
{
    public static IOperation? Of(IOperation producer) => producer switch
    {
        IInvocationOperation invocation => Of(invocation),
        IObjectCreationOperation creation => Of(creation),
        _ => null,
    };

    /// <summary><c>Ok(value)</c>, <c>BadRequest(error)</c>, <c>BadRequest(modelState)</c>, <c>Json(data)</c>, <c>Content(content)</c>.</summary>
    public static IOperation? Of(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            switch (argument.Parameter.Name)
            {
                case "value" or "error" or "modelState" or "data" or "content":
                    return argument.Value;
            }
        }

        return null;
    }

    /// <summary><c>new ObjectResult(value)</c>, <c>new BadRequestObjectResult(error)</c>, <c>{ Value = … }</c>, <c>{ Content = … }</c>.</summary>
    public static IOperation? Of(IObjectCreationOperation creation)
    {
        var argument = creation.Argument("value") ?? creation.Argument("error") ?? creation.Argument("modelState");
        return argument?.Value ?? creation.InitializedValue("Value") ?? creation.InitializedValue("Content");
    }

    /// <summary>
    /// What the body says, as a Problem Details <c>detail</c>: a string as it is, an exception's <c>Message</c>, or the
    /// one string member of an anonymous object (<c>new { error = "…" }</c>). Null when there is none.
    /// </summary>
    public static BodyDetail? DetailOf(IOperation? body, KnownTypes types)
    {
        if (body is null || body.IsNullLiteral())
        {
            return null;
        }

        var value = body.WalkDownConversions();
        if (value.Type?.SpecialType == SpecialType.System_String)
        {
            return new BodyDetail(value, isExceptionMessage: false);
        }

        if (value.Type.InheritsFromOrEquals(types.Exception))
        {
            return new BodyDetail(value, isExceptionMessage: true);
        }

        if (value is IAnonymousObjectCreationOperation { Initializers.Length: 1 } anonymous
            && anonymous.Initializers[0] is ISimpleAssignmentOperation { Value: { Type.SpecialType: SpecialType.System_String } member })
        {
            return new BodyDetail(member, isExceptionMessage: false);
        }

        return null;
    }

    /// <summary>Whether <see cref="DetailOf"/> keeps all the body says (nothing but the message is dropped).</summary>
    public static bool IsFaithfulDetail(IOperation? body)
    {
        if (body is null || body.IsNullLiteral())
        {
            return true;
        }

        var value = body.WalkDownConversions();
        return value.Type?.SpecialType == SpecialType.System_String
            || value is IAnonymousObjectCreationOperation { Initializers.Length: 1 } anonymous
                && anonymous.Initializers[0] is ISimpleAssignmentOperation { Value.Type.SpecialType: SpecialType.System_String };
    }

    /// <summary>
    /// Whether the body reads an exception (<c>ex</c>, <c>ex.Message</c>, <c>$"failed: {ex.Message}"</c>): its text is
    /// for the logs, and a 5xx detail made of it would show clients the server's internals.
    /// </summary>
    public static bool ReadsException(IOperation? body, KnownTypes types)
    {
        if (body is null || types.Exception is null)
        {
            return false;
        }

        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && operation.Type.InheritsFromOrEquals(types.Exception))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether dropping the body would drop a side effect with it (a call, an await, an assignment, a construction).</summary>
    public static bool HasSideEffects(IOperation body)
    {
        foreach (var descendant in body.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation or IAwaitOperation or IAssignmentOperation or IIncrementOrDecrementOperation
                or IObjectCreationOperation { Arguments.IsEmpty: false })
            {
                return true;
            }
        }

        return false;
    }
}
