using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers.Tests.Robustness;

/// <summary>
/// The complete C# sources the rule tests in <c>Rules/*.cs</c> verify, recovered from the test code itself: each
/// <c>Verify*Async</c> source argument, <c>TestCode</c>/<c>FixedCode</c>/<c>BatchFixedCode</c> and
/// <c>TestState.Sources.Add</c>/<c>FixedState.Sources.Add</c> is evaluated with a small interpreter over its syntax (string literals, raw and interpolated strings, <c>+</c>,
/// <c>.Replace</c>, locals, the theory's <c>InlineData</c> rows) and the test class's own templates
/// (<c>Controller(...)</c>, <c>Endpoints(...)</c>, constants such as <c>Usings</c>), which run by reflection. The
/// markup is stripped. A source the interpreter cannot evaluate is listed in <see cref="Extraction.Unevaluated"/>.
/// </summary>
internal static class RuleTestSources
{
    private static readonly string[] InputVerbs = { "VerifyAnalyzerAsync", "VerifyCodeFixAsync" };
    private static readonly string[] FixVerbs = { "VerifyCodeFixAsync" };

    private static readonly Lazy<Extraction> LazyAll = new(Extract);

    public static Extraction All => LazyAll.Value;

    /// <summary>One test's sources: a single source, or every source of one test object's <c>TestState</c> (or <c>FixedState</c>).</summary>
    public sealed record SourceSet(string Name, IReadOnlyList<string> Sources);

    public sealed record Extraction(IReadOnlyList<SourceSet> Sets, IReadOnlyList<string> Unevaluated, int TestMethods);

    private static Extraction Extract()
    {
        var folder = Path.Combine(Meta.Catalogue.RepositoryRoot, "tests", "FlightErrors.Analyzers.Tests", "Rules");
        var sets = new List<SourceSet>();
        var unevaluated = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var testMethods = 0;
        foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetCompilationUnitRoot();
            foreach (var declaration in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                var type = typeof(RuleTestSources).Assembly.GetType("FlightErrors.Analyzers.Tests.Rules." + declaration.Identifier.ValueText)
                    ?? throw new InvalidOperationException($"No test class for {declaration.Identifier.ValueText} in {file}.");
                foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>().Where(IsTest))
                {
                    testMethods++;
                    var rows = InlineDataRows(method);
                    for (var row = 0; row < rows.Count; row++)
                    {
                        var name = $"{type.Name}.{method.Identifier.ValueText}" + (rows.Count > 1 ? $"[{row}]" : string.Empty);
                        var interpreter = new Interpreter(type, method, rows[row]);
                        foreach (var (suffix, sources) in SourceSites(method))
                        {
                            var values = sources.Select(interpreter.Evaluate).ToList();
                            if (values.Any(v => v is null))
                            {
                                unevaluated.Add($"{name} {suffix}");
                                continue;
                            }

                            var plain = new List<string>();
                            foreach (var value in values)
                            {
                                try
                                {
                                    plain.Add(StripMarkup(value!));
                                }
                                catch (ArgumentException)
                                {
                                    unevaluated.Add($"{name} {suffix} (markup)");
                                    plain.Clear();
                                    break;
                                }
                            }

                            if (plain.Count > 0 && seen.Add(string.Join("\0", plain)))
                            {
                                sets.Add(new SourceSet($"{name} {suffix}", plain));
                            }
                        }
                    }
                }
            }
        }

        return new Extraction(sets, unevaluated, testMethods);
    }

    /// <summary>The plain code of a marked-up source, as the testing library reads the markup.</summary>
    private static string StripMarkup(string markup)
    {
        TestFileMarkupParser.GetSpans(markup, out var code, out System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<TextSpan>> _);
        return code;
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Fact" or "Theory");

    private static List<object?[]> InlineDataRows(MethodDeclarationSyntax method)
    {
        var rows = new List<object?[]>();
        foreach (var attribute in method.AttributeLists.SelectMany(l => l.Attributes).Where(a => a.Name.ToString() == "InlineData"))
        {
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            rows.Add(arguments.Select(a => Literal(a.Expression)).ToArray());
        }

        if (rows.Count == 0)
        {
            rows.Add(Array.Empty<object?>());
        }

        return rows;
    }

    private static object? Literal(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value,
        PrefixUnaryExpressionSyntax { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax operand } when operand.Token.Value is int i => -i,
        _ => null,
    };

    /// <summary>Where a test hands sources to the verifier, grouped as the verifier sees them.</summary>
    private static IEnumerable<(string Suffix, List<ExpressionSyntax> Sources)> SourceSites(MethodDeclarationSyntax method)
    {
        var testSources = new List<ExpressionSyntax>();
        var fixedSources = new List<ExpressionSyntax>();
        var batchFixedSources = new List<ExpressionSyntax>();
        var index = 0;
        foreach (var node in method.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                    when InputVerbs.Contains(member.Name.Identifier.ValueText) && invocation.ArgumentList.Arguments.Count > 0:
                    var arguments = invocation.ArgumentList.Arguments;
                    yield return ($"#{index++} input", new List<ExpressionSyntax> { arguments[0].Expression });
                    if (FixVerbs.Contains(member.Name.Identifier.ValueText) && arguments.Count > 1)
                    {
                        yield return ($"#{index++} fixed", new List<ExpressionSyntax> { arguments[1].Expression });
                    }

                    // VerifyCodeFixAsync(source, fixedSource, batchFixedSource, equivalenceKey).
                    if (FixVerbs.Contains(member.Name.Identifier.ValueText) && arguments.Count == 4)
                    {
                        yield return ($"#{index++} batch fixed", new List<ExpressionSyntax> { arguments[2].Expression });
                    }

                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "TestCode" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TestCode" } } assignment:
                    testSources.Insert(0, assignment.Right);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "FixedCode" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FixedCode" } } assignment:
                    fixedSources.Insert(0, assignment.Right);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "BatchFixedCode" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BatchFixedCode" } } assignment:
                    batchFixedSources.Insert(0, assignment.Right);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sources", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var state } } } } add
                    when state is "TestState" or "FixedState" && add.ArgumentList.Arguments.Count == 1:
                    (state == "TestState" ? testSources : fixedSources).Add(add.ArgumentList.Arguments[0].Expression);
                    break;
            }
        }

        if (testSources.Count > 0)
        {
            yield return ("test input", testSources);
        }

        if (fixedSources.Count > 0)
        {
            yield return ("test fixed", fixedSources);
        }

        if (batchFixedSources.Count > 0)
        {
            yield return ("test batch fixed", batchFixedSources);
        }
    }

    /// <summary>Evaluates the string expressions test methods build sources with; null for anything else.</summary>
    private sealed class Interpreter
    {
        private readonly Type _type;
        private readonly MethodDeclarationSyntax _method;
        private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);

        public Interpreter(Type type, MethodDeclarationSyntax method, object?[] row)
        {
            _type = type;
            _method = method;
            var parameters = method.ParameterList.Parameters;
            for (var i = 0; i < parameters.Count && i < row.Length; i++)
            {
                _parameters[parameters[i].Identifier.ValueText] = row[i];
            }
        }

        public string? Evaluate(ExpressionSyntax expression) => Value(expression) as string;

        private object? Value(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return literal.Token.Value;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Value(parenthesized.Expression);
                case InterpolatedStringExpressionSyntax interpolated:
                    return Interpolate(interpolated);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary:
                    return Value(binary.Left) is string left && Value(binary.Right) is string right ? left + right : null;
                case IdentifierNameSyntax identifier:
                    return Name(identifier);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } replace } invocation
                    when invocation.ArgumentList.Arguments.Count == 2:
                    return Value(replace.Expression) is string text
                        && Value(invocation.ArgumentList.Arguments[0].Expression) is string oldValue
                        && Value(invocation.ArgumentList.Arguments[1].Expression) is string newValue
                            ? text.Replace(oldValue, newValue, StringComparison.Ordinal)
                            : null;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax template } invocation:
                    return Invoke(template.Identifier.ValueText, invocation.ArgumentList);
                default:
                    return null;
            }
        }

        private string? Interpolate(InterpolatedStringExpressionSyntax interpolated)
        {
            var text = new System.Text.StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax part:
                        text.Append(part.TextToken.ValueText);
                        break;
                    case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole:
                        var value = Value(hole.Expression);
                        if (value is null)
                        {
                            return null;
                        }

                        text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                    default:
                        return null;
                }
            }

            return text.ToString();
        }

        private object? Name(IdentifierNameSyntax identifier)
        {
            var name = identifier.Identifier.ValueText;
            if (_parameters.TryGetValue(name, out var parameter))
            {
                return parameter;
            }

            // A local declared before the use (a `var source = Controller(...)` or a local constant).
            foreach (var declarator in _method.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                if (declarator.Identifier.ValueText == name && declarator.SpanStart < identifier.SpanStart && declarator.Initializer is { } initializer)
                {
                    return Value(initializer.Value);
                }
            }

            return _type.GetField(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(null);
        }

        private object? Invoke(string name, ArgumentListSyntax argumentList)
        {
            foreach (var method in _type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic).Where(m => m.Name == name && m.ReturnType == typeof(string)))
            {
                var parameters = method.GetParameters();
                if (argumentList.Arguments.Count > parameters.Length)
                {
                    continue;
                }

                var values = new object?[parameters.Length];
                var bound = new bool[parameters.Length];
                for (var i = 0; i < argumentList.Arguments.Count; i++)
                {
                    var argument = argumentList.Arguments[i];
                    var position = argument.NameColon is { } named
                        ? Array.FindIndex(parameters, p => p.Name == named.Name.Identifier.ValueText)
                        : i;
                    if (position < 0 || Value(argument.Expression) is not { } value)
                    {
                        return null;
                    }

                    values[position] = value;
                    bound[position] = true;
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    if (!bound[i])
                    {
                        if (!parameters[i].HasDefaultValue)
                        {
                            return null;
                        }

                        values[i] = parameters[i].DefaultValue;
                    }
                }

                return method.Invoke(null, values);
            }

            return null;
        }
    }
}
