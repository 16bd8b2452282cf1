using System.Collections.Generic;

namespace FlightErrors.Analyzers.EndToEnd.Infrastructure;

/// <summary>
/// The second application (issue 15): tests/TemplateApi, the `dotnet new webapi --use-controllers` template with the
/// error handling a typical team adds, in a workspace of its own (its own feed, packages folder and copies).
/// </summary>
public sealed class TemplateWorkspace : SampleWorkspace
{
    public const string TemplateApi = "TemplateApi";

    /// <summary>
    /// Nine more format runs, ten in all, as for the sample: the template is where the rules' fixes meet at the host
    /// (FE0002's rethrow, FE0003's status code pages and FE0004 all complete the same pipeline), so the order in which
    /// `dotnet format` takes them must not show in the output.
    /// </summary>
    private const int RepeatedRuns = 9;

    public TemplateWorkspace()
        : base(TemplateApi, TemplateProbes.All, RepeatedRuns)
    {
    }

    /// <summary>
    /// The template maps the OpenAPI document in Development only (`if (app.Environment.IsDevelopment())
    /// { app.MapOpenApi(); }`), and the app is kept as generated, so a Production run is judged by the document a
    /// Development instance of the same build serves. It is the document Production would serve: it is built from the
    /// endpoints' metadata, and no endpoint or metadata of the app depends on the environment.
    /// </summary>
    protected override string DocumentEnvironment(string environment) => Development;
}

/// <summary>The template's collection: its tests share one <see cref="TemplateWorkspace"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateWorkspace>
{
    public const string Name = "dotnet new webapi template";
}

/// <summary>The requests the fixed template answers, and what its exceptions say that no client may see.</summary>
public static class TemplateProbes
{
    /// <summary>
    /// Strings of the exceptions the template's repository and exchange rate client throw (messages, type names, a
    /// stack trace's frame marker), none of which a client may see in Production.
    /// </summary>
    public static readonly string[] Secrets =
    [
        "products-db-primary", "svc_products", "failed its checksum", "rates.example.net", "rk_live",
        "InvalidOperationException", "HttpRequestException", "   at ",
    ];

    /// <summary>
    /// Every path the app's code answers on, every error path included, with the status the fixed app must answer: the
    /// fixes keep each code but a caught upstream failure's, which becomes 502, and the catch-all's 500, which the
    /// exception handler writes once the catch rethrows.
    /// </summary>
    public static readonly IReadOnlyList<Probe> All =
    [
        // The template's own controller, kept as generated.
        new("get the forecast", "GET", "/WeatherForecast", "GET /WeatherForecast", 200),

        // The minimal-API endpoints in Program.cs.
        new("get a day's forecast", "GET", "/weatherforecast/3", "GET /weatherforecast/{day}", 200),
        new("get a forecast too far ahead", "GET", "/weatherforecast/30", "GET /weatherforecast/{day}", 404),
        new("get a summary", "GET", "/weatherforecast/summaries/2", "GET /weatherforecast/summaries/{index}", 200),
        new("get an unknown summary", "GET", "/weatherforecast/summaries/42", "GET /weatherforecast/summaries/{index}", 404),

        // ProductsController.
        new("search products", "GET", "/Products?category=tools", "GET /Products", 200),
        new("search without a category", "GET", "/Products", "GET /Products", 400),
        new("get a product", "GET", "/Products/1", "GET /Products/{id}", 200),
        new("get an unknown product", "GET", "/Products/99", "GET /Products/{id}", 404),
        new("get a product whose row is corrupt", "GET", "/Products/13", "GET /Products/{id}", 500),
        new("update with mismatched ids", "PUT", "/Products/1", "PUT /Products/{id}", 400, Json: """{"id":2,"name":"Hammer","category":"tools","priceUsd":12.5}"""),
        new("update an unknown product", "PUT", "/Products/99", "PUT /Products/{id}", 404, Json: """{"id":99,"name":"Saw","category":"tools","priceUsd":20}"""),
        new("update a product", "PUT", "/Products/1", "PUT /Products/{id}", 204, Json: """{"id":1,"name":"Hammer","category":"tools","priceUsd":13}"""),
        new("update with a text body", "PUT", "/Products/1", "PUT /Products/{id}", 415, Json: "Hammer, 13 USD", ContentType: "text/plain"),
        new("price in euros", "GET", "/Products/1/price?currency=EUR", "GET /Products/{id}/price", 200),
        new("price without a currency", "GET", "/Products/1/price", "GET /Products/{id}/price", 400),
        new("price of an unknown product", "GET", "/Products/99/price?currency=EUR", "GET /Products/{id}/price", 404),
        new("price while the rates service fails", "GET", "/Products/1/price?currency=XXX", "GET /Products/{id}/price", 502),

        // What the framework answers: no endpoint, and an endpoint without the method.
        new("unknown path", "GET", "/api/nothing", null, 404),
        new("delete a product", "DELETE", "/Products/1", null, 405),
    ];
}
