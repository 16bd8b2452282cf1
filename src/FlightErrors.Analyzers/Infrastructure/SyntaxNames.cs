using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlightErrors.Analyzers;

internal static class SyntaxNames
{
    /// <summary>The name an expression ends in: <c>Foo</c> for <c>Foo</c>, <c>x.Foo</c> and <c>Foo&lt;T&gt;</c>; null otherwise.</summary>
    public static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The rightmost identifier of a type or attribute name: <c>Foo</c> for <c>Foo</c>, <c>A.B.Foo</c> and
    /// <c>Foo&lt;T&gt;</c>; null for any other type (arrays, tuples, predefined types).
    /// </summary>
    public static string? RightmostName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
