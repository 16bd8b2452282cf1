using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

// Turns one call or construction of a known result API (ResultApis) into the responses it makes.
internal sealed partial class ResponseInference
{
    private sealed partial class Walk
    {
        private void EvaluateControllerHelper(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var api = ResultApis.ControllerHelper(method.Name);
            if (api.Body == ResultBody.ProblemDetails)
            {
                AddProblem(invocation, StatusCode(api, invocation));
                return;
            }

            var code = api.Source is StatusSource.Argument or StatusSource.ArgumentOrDefault
                ? StatusCode(api, invocation)
                : NonZero(_types.GetDefaultStatusCode(method.ReturnType)) ?? StatusCode(api, invocation);
            AddResult(invocation, code, ResultBodies.Of(invocation));
        }

        private void EvaluateHttpResult(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            var api = ResultApis.HttpResultFactory(name);
            if (name == "Problem")
            {
                AddProblem(invocation, ProblemStatus(invocation));
                return;
            }

            if (api.Body == ResultBody.ProblemDetails)
            {
                AddProblem(invocation, StatusCode(api, invocation));
                return;
            }

            AddResult(invocation, StatusCode(api, invocation), ResultBodies.Of(invocation));
        }

        /// <summary><c>Results.Problem(new ProblemDetails { Status = 503 })</c> reads the status from the details.</summary>
        private int? ProblemStatus(IInvocationOperation invocation)
        {
            if (invocation.Argument("problemDetails") is { } details)
            {
                // ProblemDetailsDefaults: a validation problem without a status is a 400, any other a 500.
                return details.Value.WalkDownConversions() is IObjectCreationOperation creation
                    ? creation.InitializedValue("Status") is { } status ? status.ConstantInt()
                        : creation.Type.InheritsFromOrEquals(_types.HttpValidationProblemDetails) ? 400 : 500
                    : null;
            }

            return StatusArgument(invocation, 500);
        }

        private void EvaluateCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type!;
            var code = (creation.Argument("statusCode")?.Value ?? creation.InitializedValue("StatusCode"))?.ConstantInt()
                ?? NonZero(_types.GetDefaultStatusCode(type))
                ?? MvcResultTypeCode(creation, type);

            AddResult(creation, code, ResultBodies.Of(creation));
        }

        /// <summary>The code of an MVC result type (or its nearest base in <c>Microsoft.AspNetCore.Mvc</c>) the table knows.</summary>
        private static int? MvcResultTypeCode(IObjectCreationOperation creation, ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (!current.IsInNamespace("Microsoft", "AspNetCore", "Mvc"))
                {
                    continue;
                }

                var api = ResultApis.MvcResultType(current.Name);
                if (api.Source == StatusSource.Redirect)
                {
                    return RedirectCode(creation.Argument("permanent")?.Value, creation.Argument("preserveMethod")?.Value);
                }

                if (api.IsKnown)
                {
                    return api.StatusCode;
                }
            }

            return null;
        }

        /// <summary>The code a result API answers for this call, or null when it cannot be known.</summary>
        private static int? StatusCode(ResultApi api, IInvocationOperation invocation) => api.Source switch
        {
            StatusSource.Argument => invocation.Argument("statusCode")?.Value.ConstantInt(),
            StatusSource.ArgumentOrDefault => StatusArgument(invocation, api.StatusCode),
            StatusSource.Redirect => RedirectCode(invocation.Argument("permanent")?.Value, invocation.Argument("preserveMethod")?.Value),
            _ => NonZero(api.StatusCode),
        };

        private static int? RedirectCode(IOperation? permanent, IOperation? preserveMethod)
        {
            if ((permanent is not null && !permanent.ConstantValue.HasValue) || (preserveMethod is not null && !preserveMethod.ConstantValue.HasValue))
            {
                return null;
            }

            return ResultApis.RedirectCode(
                permanent?.ConstantValue is { HasValue: true, Value: true },
                preserveMethod?.ConstantValue is { HasValue: true, Value: true });
        }

        /// <summary>The <c>statusCode</c> argument, or <paramref name="fallback"/> when it was not passed or is null.</summary>
        private static int? StatusArgument(IInvocationOperation invocation, int fallback)
        {
            var argument = invocation.Argument("statusCode");
            if (argument is null || argument.Value.IsNullLiteral())
            {
                return fallback;
            }

            return argument.Value.ConstantInt();
        }

        private void AddProblem(IInvocationOperation invocation, int? code)
        {
            if (code is not { } statusCode)
            {
                _complete = false;
                return;
            }

            Add(statusCode, BodyKind.ProblemDetails, _types.ProblemDetails, invocation, invocation, BodylessWriter.None);
        }

        private void AddResult(IOperation producer, int? code, IOperation? bodyValue)
        {
            if (code is not { } statusCode)
            {
                _complete = false;
                return;
            }

            if (bodyValue is null || bodyValue.IsNullLiteral())
            {
                Add(statusCode, BodyKind.None, null, producer, producer, _bodies.BodylessWriterOf(producer));
                return;
            }

            var kind = BodyOf(bodyValue, out var bodyType);
            Add(statusCode, kind, bodyType, producer, producer, BodylessWriter.None);
        }

        private BodyKind BodyOf(IOperation value, out ITypeSymbol? bodyType)
        {
            var type = value.WalkDownConversions().Type;
            bodyType = type is null ? null : BodyClassifier.NameableType(type);
            return type is null ? BodyKind.Unknown : _bodies.KindOf(type);
        }

        private static int? NonZero(int code) => code == 0 ? null : code;

        private void Add(int statusCode, BodyKind body, ITypeSymbol? bodyType, IOperation origin, IOperation producer, BodylessWriter bodylessWriter) =>
            _responses.Add(new ProducedResponse(statusCode, body, bodyType, origin.Syntax, producer.Syntax, bodylessWriter));
    }
}
