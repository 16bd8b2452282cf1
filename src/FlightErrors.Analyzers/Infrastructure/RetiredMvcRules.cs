namespace FlightErrors.Analyzers;

/// <summary>The rules of the retired MVC API analyzers, and what became of each.</summary>
internal static class RetiredMvcRules
{
    /// <summary>Whether the rule lives on as FE0001 (API1000, API1001) rather than not at all (API1002, API1003).</summary>
    public static bool LivesOn(string id) => id is "API1000" or "API1001";

    /// <summary>What the message says to do with a suppression of <paramref name="id"/>; null when it is no retired rule.</summary>
    public static string? Successor(string id) => id switch
    {
        "API1000" or "API1001" => "FE0001 replaces it, so suppress FE0001 instead",
        "API1002" or "API1003" => "nothing replaces it, so the suppression can go",
        _ => null,
    };

    /// <summary>The rule ID a <c>[SuppressMessage]</c> check ID starts with ("API1000:Action returns …" is API1000).</summary>
    public static string? IdOf(string checkId)
    {
        var colon = checkId.IndexOf(':');
        var id = (colon < 0 ? checkId : checkId.Substring(0, colon)).Trim();
        return Successor(id) is null ? null : id;
    }
}
