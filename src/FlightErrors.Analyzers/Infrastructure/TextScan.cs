using Microsoft.CodeAnalysis.Text;

namespace FlightErrors.Analyzers;

/// <summary>Questions asked of a file's text before its syntax is walked: reading characters allocates nothing.</summary>
internal static class TextScan
{
    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> (ordinal, case-sensitive).</summary>
    public static bool Mentions(SourceText text, string word)
    {
        // SourceText has no IndexOf; a file of a few thousand characters is scanned once per question.
        var length = text.Length - word.Length;
        for (var i = 0; i <= length; i++)
        {
            var j = 0;
            while (j < word.Length && text[i + j] == word[j])
            {
                j++;
            }

            if (j == word.Length)
            {
                return true;
            }
        }

        return false;
    }
}
