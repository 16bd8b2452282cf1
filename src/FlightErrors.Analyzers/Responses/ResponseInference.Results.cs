using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FlightErrors.Analyzers;

// Turns one call or construction of a known result API (ResultApis) into the responses it makes.
internal sealed partial class ResponseInference
{
    /// <summary>A result's status code: known outright, written as an expression to evaluate, or unknown.</summary>
    private readonly struct StatusValue
    {
        private StatusValue(int? code, IOperation? expression)
        {
            Code = code;
            Expression = expression;
        }

        public static StatusValue Unknown => default;

        public int? Code { get; }

        public IOperation? Expression { get; }

        public static StatusValue Known(int? code) => new(code, null);

        public static StatusValue Of(IOperation written) => written.ConstantInt() is { } code ? new(code, null) : new(null, written);
    }

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
                : NonZero(_types.GetDefaultStatusCode(method.ReturnType)) is { } fixedCode ? StatusValue.Known(fixedCode) : StatusCode(api, invocation);
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
        private StatusValue ProblemStatus(IInvocationOperation invocation)
        {
            if (invocation.Argument("problemDetails") is { } details)
            {
                // ProblemDetailsDefaults: a validation problem without a status is a 400, any other a 500.
                return details.Value.WalkDownConversions() is IObjectCreationOperation creation
                    ? creation.InitializedValue("Status") is { } status ? StatusValue.Of(status)
                        : StatusValue.Known(creation.Type.InheritsFromOrEquals(_types.HttpValidationProblemDetails) ? 400 : 500)
                    : StatusValue.Unknown;
            }

            return StatusArgument(invocation, 500);
        }

        private void EvaluateCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type!;
            var code = creation.WrittenStatusCode() is { } written
                ? StatusValue.Of(written)
                : StatusValue.Known(NonZero(_types.GetDefaultStatusCode(type)) ?? MvcResultTypeCode(creation, type));

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
        private static StatusValue StatusCode(ResultApi api, IInvocationOperation invocation) => api.Source switch
        {
            StatusSource.Argument => invocation.Argument("statusCode") is { } argument ? StatusValue.Of(argument.Value) : StatusValue.Unknown,
            StatusSource.ArgumentOrDefault => StatusArgument(invocation, api.StatusCode),
            StatusSource.Redirect => StatusValue.Known(RedirectCode(invocation.Argument("permanent")?.Value, invocation.Argument("preserveMethod")?.Value)),
            _ => StatusValue.Known(NonZero(api.StatusCode)),
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
        private static StatusValue StatusArgument(IInvocationOperation invocation, int fallback)
        {
            var argument = invocation.Argument("statusCode");
            return argument is null || argument.Value.IsNullLiteral() ? StatusValue.Known(fallback) : StatusValue.Of(argument.Value);
        }

        private void AddProblem(IInvocationOperation invocation, StatusValue status) =>
            AddCodes(status, BodyKind.ProblemDetails, _types.ProblemDetails, invocation, BodylessWriter.None, unknownIsIncomplete: true);

        private void AddResult(IOperation producer, StatusValue status, IOperation? bodyValue)
        {
            if (bodyValue is null || bodyValue.IsNullLiteral())
            {
                AddCodes(status, BodyKind.None, null, producer, _bodies.BodylessWriterOf(producer), unknownIsIncomplete: true);
                return;
            }

            var kind = BodyOf(bodyValue, out var bodyType);
            AddCodes(status, kind, bodyType, producer, BodylessWriter.None, unknownIsIncomplete: true);
        }

        /// <summary>
        /// One response per code <paramref name="status"/> can take, all made by <paramref name="producer"/> and yielded
        /// by <paramref name="origin"/> (the producer itself unless given); when a
        /// code cannot be known, none, and the endpoint's list is incomplete unless <paramref name="unknownIsIncomplete"/>
        /// is false.
        /// </summary>
        private void AddCodes(StatusValue status, BodyKind body, ITypeSymbol? bodyType, IOperation producer, BodylessWriter bodylessWriter, bool unknownIsIncomplete, IOperation? origin = null)
        {
            origin ??= producer;
            if (status.Code is { } code)
            {
                Add(code, body, bodyType, origin, producer, bodylessWriter);
                return;
            }

            var codes = t_spareCodes ?? new List<int>(4);
            t_spareCodes = null;
            _usedBinding = false;
            if (status.Expression is { } expression && CollectCodes(expression, codes))
            {
                // A code passed in by the call the helper is walked for is made by that call.
                var maker = _usedBinding && _boundCall is { } call ? call : null;
                foreach (var possible in codes)
                {
                    Add(possible, body, bodyType, maker ?? origin, maker ?? producer, bodylessWriter);
                }
            }
            else if (unknownIsIncomplete)
            {
                _complete = false;
            }

            codes.Clear();
            t_spareCodes = codes;
        }

        /// <summary>
        /// The codes a status expression can have: a constant, each arm of a conditional or a switch expression, each
        /// value assigned to a local (<c>var status = timeout ? 504 : 500;</c>). False when one of them cannot be known.
        /// </summary>
        private bool CollectCodes(IOperation expression, List<int> codes)
        {
            if (expression.ConstantInt() is { } code)
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }

                return codes.Count <= MaxCodesPerResult;
            }

            switch (expression.WalkDownConversions())
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return CollectCodes(conditional.WhenTrue, codes) && CollectCodes(whenFalse, codes);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!CollectCodes(arm.Value, codes))
                        {
                            return false;
                        }
                    }

                    return true;
                case IThrowOperation:
                    return true;
                case IParameterReferenceOperation parameter when _bindings is not null && _bindings.TryGetValue(parameter.Parameter.OriginalDefinition, out var bound):
                    _usedBinding = true;
                    foreach (var boundCode in bound)
                    {
                        if (!codes.Contains(boundCode))
                        {
                            codes.Add(boundCode);
                        }
                    }

                    return codes.Count <= MaxCodesPerResult;
                case ILocalReferenceOperation local when _paths.TryEnterLocal(local.Local, out var values):
                    var known = true;
                    foreach (var value in values)
                    {
                        if (!(known = CollectCodes(value, codes)))
                        {
                            break;
                        }
                    }

                    _paths.LeaveLocal(local.Local);
                    return known;
                default:
                    return false;
            }
        }

        private BodyKind BodyOf(IOperation value, out ITypeSymbol? bodyType)
        {
            var type = value.WalkDownConversions().Type;
            bodyType = type is null ? null : BodyClassifier.NameableType(type);
            return type is null ? BodyKind.Unknown : _bodies.KindOf(type);
        }

        private static int? NonZero(int code) => code == 0 ? null : code;

        /// <summary>More codes than this from one result is not a status the code decides between: treated as unknown.</summary>
        private const int MaxCodesPerResult = 8;

        [System.ThreadStatic]
        private static List<int>? t_spareCodes;

        private void Add(int statusCode, BodyKind body, ITypeSymbol? bodyType, IOperation origin, IOperation producer, BodylessWriter bodylessWriter) =>
            _responses.Add(new ProducedResponse(statusCode, body, bodyType, origin.Syntax, producer.Syntax, bodylessWriter));
    }
}
