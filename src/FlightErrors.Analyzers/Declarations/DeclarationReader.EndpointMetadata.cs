using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

// Minimal-API endpoint metadata: the calls on an endpoint builder and its groups.
internal sealed partial class DeclarationReader
{
    /// <summary>One call on an endpoint builder or a group: <c>.Produces*</c>, <c>.WithMetadata</c>, <c>.ExcludeFromDescription</c>, <c>.WithOpenApi(…)</c>.</summary>
    private void ReadConvention(IInvocationOperation call, HashSet<int> codes, ref ReadState state)
    {
        var method = call.TargetMethod;
        switch (method.Name)
        {
            case "Produces" or "ProducesProblem" or "ProducesValidationProblem"
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.OpenApiRouteHandlerBuilderExtensions):
                state.HasMetadata = true;
                AddCode(call.Argument("statusCode", includeDefaultValue: true)?.Value.ConstantInt(), codes, ref state);
                return;
            case "ExcludeFromDescription":
                state.Excluded = true;
                return;
            case "WithMetadata":
                if (call.Argument("items", includeDefaultValue: true)?.Value.WalkDownConversions() is IArrayCreationOperation { Initializer: { } items })
                {
                    foreach (var item in items.ElementValues)
                    {
                        ReadMetadataObject(item.WalkDownConversions(), codes, ref state);
                    }
                }
                else
                {
                    state.Complete = false;
                }

                return;
            case "Add" or "Finally" when _types.EndpointConventionBuilder is { } conventionBuilder && method.ContainingType.Implements(conventionBuilder):
                // A raw convention can add any metadata.
                state.Complete = false;
                return;
            case "WithOpenApi" or "AddOpenApiOperationTransformer":
                // An operation transformer can add responses the analyzer cannot read; WithOpenApi() alone adds none.
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { Ordinal: > 0 } && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        state.Complete = false;
                    }
                }

                return;
        }
    }

    /// <summary><c>.WithMetadata(new ProducesResponseTypeAttribute(404))</c> and the like.</summary>
    private void ReadMetadataObject(IOperation item, HashSet<int> codes, ref ReadState state)
    {
        var type = item.Type;
        if (type is null || type.SpecialType == SpecialType.System_Object)
        {
            state.Complete = false;
            return;
        }

        if (type.Name == "ExcludeFromDescriptionAttribute")
        {
            state.Excluded = true;
            return;
        }

        var isResponseMetadata = (_types.ProducesResponseTypeMetadata is { } metadata && _types.Implements(type, metadata))
            || (_types.ApiResponseMetadataProvider is { } provider && _types.Implements(type, provider));
        if (!isResponseMetadata)
        {
            return;
        }

        state.HasMetadata = true;
        if (item is not IObjectCreationOperation creation)
        {
            state.Complete = false;
            return;
        }

        var code = creation.WrittenStatusCode()?.ConstantInt();
        if (code is null && creation.Type.InheritsFromOrEquals(_types.ProducesAttribute))
        {
            code = 200;
        }

        AddCode(code, codes, ref state);
    }
}
