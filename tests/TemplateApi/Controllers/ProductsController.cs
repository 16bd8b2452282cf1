using Microsoft.AspNetCore.Mvc;
using TemplateApi.Models;
using TemplateApi.Services;

namespace TemplateApi.Controllers;

[ApiController]
[Route("[controller]")]
public class ProductsController : ControllerBase
{
    private readonly IProductRepository _repository;
    private readonly IExchangeRateClient _rates;
    private readonly ILogger<ProductsController> _logger;

    public ProductsController(IProductRepository repository, IExchangeRateClient rates, ILogger<ProductsController> logger)
    {
        _repository = repository;
        _rates = rates;
        _logger = logger;
    }

    [HttpGet]
    public ActionResult<IEnumerable<Product>> Search(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return BadRequest("A category is required."); // FE0001, FE0003: an undocumented 400 with a plain-text body
        }

        return Ok(_repository.InCategory(category));
    }

    [HttpGet("{id:int}")]
    public ActionResult<Product> Get(int id)
    {
        try
        {
            var product = _repository.Find(id);
            if (product is null)
            {
                return NotFound(new ErrorResponse("product_not_found", $"There is no product {id}.")); // FE0001, FE0003: an undocumented 404 with the team's own error body
            }

            return product;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Failed to get product {Id}", id);
            return StatusCode(500, "Something went wrong"); // FE0002, FE0003: the catch-all answers a deliberate 500 with a plain-text body
        }
    }

    [HttpPut("{id:int}")]
    public IActionResult Update(int id, Product product) // FE0006, FE0006: the body's 400 and 415 are not documented
    {
        if (id != product.Id)
        {
            return BadRequest(new ErrorResponse("id_mismatch", "The id in the URL does not match the id in the body.")); // FE0001, FE0003: an undocumented 400 with the team's own error body
        }

        if (!_repository.Update(product))
        {
            return NotFound(new ErrorResponse("product_not_found", $"There is no product {id}.")); // FE0001, FE0003: an undocumented 404 with the team's own error body
        }

        return NoContent(); // FE0001: 204 is not documented (with no response metadata, ApiExplorer lists a 200 only)
    }

    [HttpGet("{id:int}/price")]
    public async Task<ActionResult<Price>> GetPrice(int id, string currency, CancellationToken cancellationToken) // FE0006: a missing currency answers 400, which is not documented
    {
        var product = _repository.Find(id);
        if (product is null)
        {
            return NotFound(); // FE0001: 404 is not documented
        }

        try
        {
            var rate = await _rates.GetRateAsync("USD", currency, cancellationToken);
            return new Price(product.Id, currency, product.PriceUsd * rate);
        }
        catch (HttpRequestException ex)
        {
            _logger.LogError(ex, "The exchange rate service failed");
            return StatusCode(500, "Could not get the exchange rate."); // FE0002, FE0003: the upstream's failure as a deliberate 500 with a plain-text body
        }
    }
}
