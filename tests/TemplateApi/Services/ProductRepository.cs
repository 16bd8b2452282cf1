using System.Collections.Concurrent;
using TemplateApi.Models;

namespace TemplateApi.Services;

public interface IProductRepository
{
    IReadOnlyList<Product> InCategory(string category);

    Product? Find(int id);

    bool Update(Product product);
}

/// <summary>
/// A stand-in for the team's database. Product 13's row is corrupt: reading it throws, as a failing database would,
/// with text no client may see.
/// </summary>
public sealed class InMemoryProductRepository : IProductRepository
{
    public const int CorruptProductId = 13;

    private readonly ConcurrentDictionary<int, Product> products = new(
    [
        new(1, new Product(1, "Hammer", "tools", 12.50m)),
        new(2, new Product(2, "Screwdriver", "tools", 4.20m)),
        new(3, new Product(3, "Kettle", "kitchen", 30.00m)),
    ]);

    public IReadOnlyList<Product> InCategory(string category) =>
        products.Values.Where(p => p.Category == category).OrderBy(p => p.Id).ToList();

    public Product? Find(int id)
    {
        if (id == CorruptProductId)
        {
            throw new InvalidOperationException("Row 13 of products-db-primary failed its checksum (user svc_products)");
        }

        return products.GetValueOrDefault(id);
    }

    public bool Update(Product product)
    {
        if (!products.ContainsKey(product.Id))
        {
            return false;
        }

        products[product.Id] = product;
        return true;
    }
}
