namespace FlightErrors.Analyzers;

internal static class Categories
{
    public const string Documentation = "Documentation";
    public const string Design = "Design";
    public const string Configuration = "Configuration";
}
