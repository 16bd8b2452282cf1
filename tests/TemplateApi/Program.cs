using Microsoft.AspNetCore.Http.HttpResults;
using TemplateApi;
using TemplateApi.Services;

var builder = WebApplication.CreateBuilder(args);

// Add services to the container.

builder.Services.AddControllers();
// Learn more about configuring OpenAPI at https://aka.ms/aspnet/openapi
builder.Services.AddOpenApi();

builder.Services.AddSingleton<IProductRepository, InMemoryProductRepository>();
builder.Services.AddSingleton<IExchangeRateClient, FakeExchangeRateClient>();

var app = builder.Build();

// Configure the HTTP request pipeline.
if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
}

app.UseHttpsRedirection();

app.UseAuthorization();

app.MapControllers();

var summaries = new[]
{
    "Freezing", "Bracing", "Chilly", "Cool", "Mild", "Warm", "Balmy", "Hot", "Sweltering", "Scorching"
};

app.MapGet("/weatherforecast/{day:int}", Results<Ok<WeatherForecast>, NotFound> (int day) =>
{
    if (day < 1 || day > 14)
    {
        return TypedResults.NotFound(); // FE0003: an empty 404, which nothing turns into Problem Details
    }

    return TypedResults.Ok(new WeatherForecast
    {
        Date = DateOnly.FromDateTime(DateTime.Now.AddDays(day)),
        TemperatureC = Random.Shared.Next(-20, 55),
        Summary = summaries[Random.Shared.Next(summaries.Length)]
    });
});

app.MapGet("/weatherforecast/summaries/{index:int}", (int index) =>
    index >= 0 && index < summaries.Length ? Results.Ok(summaries[index]) : Results.NotFound()); // FE0001, FE0003: an undocumented, empty 404

app.Run();
