using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

/// <summary>Which operation supplies the body of a result: the argument or initializer that carries the value.</summary>
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
}
