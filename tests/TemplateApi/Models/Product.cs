namespace TemplateApi.Models;

public sealed record Product(int Id, string Name, string Category, decimal PriceUsd);

public sealed record Price(int ProductId, string Currency, decimal Amount);
