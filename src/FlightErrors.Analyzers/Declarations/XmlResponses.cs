using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlightErrors.Analyzers;

/// <summary>
/// Reads <c>&lt;response code="404"&gt;</c> from an action's XML documentation comment, which Swashbuckle
/// (<c>IncludeXmlComments</c>) and NSwag turn into documented responses, and decides whether the application's OpenAPI
/// generator reads them at all. Reads the comment's text, so it works whether or not the project generates a doc file.
/// </summary>
internal static class XmlResponses
{
    private const string Tag = "<response";
    private const string CodeAttribute = "code=";

    /// <summary>Swashbuckle's <c>IncludeXmlComments</c> extensions (Swashbuckle.AspNetCore.SwaggerGen).</summary>
    private const string SwashbuckleXmlComments = "Microsoft.Extensions.DependencyInjection.SwaggerGenOptionsExtensions";

    /// <summary>NSwag's ASP.NET Core document generator (NSwag.Generation.AspNetCore), which reads XML docs by itself.</summary>
    private const string NSwagGenerator = "NSwag.Generation.AspNetCore.AspNetCoreOpenApiDocumentGenerator";

    /// <summary>
    /// The options of Microsoft.AspNetCore.OpenApi's document generator (version 9 and later), which describes only the
    /// responses that exist: XML <c>&lt;response&gt;</c> adds none.
    /// </summary>
    private const string MicrosoftOpenApiOptions = "Microsoft.AspNetCore.OpenApi.OpenApiOptions";

    /// <summary>
    /// Whether the compilation's OpenAPI generator reads XML <c>&lt;response&gt;</c> (<c>flight_errors.xml_responses =
    /// auto</c>): yes with Swashbuckle's SwaggerGen or NSwag referenced; no with only Microsoft.AspNetCore.OpenApi's
    /// generator; yes when nothing names a generator (a class library whose host is elsewhere, or an application with
    /// none), since counting them then can only miss a code, never report a documented one.
    /// </summary>
    public static bool ReadByGenerator(Compilation compilation) =>
        IsDeclared(compilation, SwashbuckleXmlComments)
        || IsDeclared(compilation, NSwagGenerator)
        || !IsDeclared(compilation, MicrosoftOpenApiOptions);

    private static bool IsDeclared(Compilation compilation, string metadataName) =>
        !compilation.GetTypesByMetadataName(metadataName).IsEmpty;

    public static void Read(IMethodSymbol method, HashSet<int> codes, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            foreach (var trivia in syntax.GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
                    || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
                    || (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", StringComparison.Ordinal)))
                {
                    Scan(trivia.ToFullString(), codes);
                }
            }
        }
    }

    internal static void Scan(string text, HashSet<int> codes)
    {
        var index = 0;
        while ((index = text.IndexOf(Tag, index, StringComparison.Ordinal)) >= 0)
        {
            index += Tag.Length;
            var end = text.IndexOf('>', index);
            if (end < 0)
            {
                return;
            }

            var code = text.IndexOf(CodeAttribute, index, end - index, StringComparison.Ordinal);
            if (code < 0)
            {
                continue;
            }

            var position = code + CodeAttribute.Length;
            if (position < end && (text[position] == '"' || text[position] == '\''))
            {
                position++;
            }

            var value = 0;
            var digits = 0;
            while (position < end && text[position] >= '0' && text[position] <= '9' && digits < 3)
            {
                value = (value * 10) + (text[position] - '0');
                position++;
                digits++;
            }

            if (digits == 3 && value >= 100 && value <= 599)
            {
                codes.Add(value);
            }
        }
    }
}
