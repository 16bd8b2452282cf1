using System.Text.Json.Serialization;
using FlightManagement.Api.Domain;
using FlightManagement.Api.Endpoints;
using FlightManagement.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers()
    .AddJsonOptions(options => options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();

// Every error body is Problem Details: the exception handler's 500, the status code pages' bodies for bodyless
// errors (401, 403, 404, 405, 429) and the results the endpoints return. "instance" names the request.
builder.Services.AddProblemDetails(options =>
    options.CustomizeProblemDetails = context => context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
builder.Services.AddExceptionHandler<DomainExceptionHandler>();

builder.Services
    .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ApiKeyAuthenticationHandler.OperationsRole, policy => policy.RequireRole(ApiKeyAuthenticationHandler.OperationsRole));
builder.Services.AddFlightRateLimits(builder.Configuration);

builder.Services.AddSingleton<FlightStore>();
builder.Services.AddSingleton<BookingStore>();
builder.Services.AddSingleton<GateStore>();
builder.Services.AddSingleton<HangarStore>();
builder.Services.AddSingleton<IPaymentGateway, FakePaymentGateway>();
builder.Services.AddSingleton<IHangarDoors, FakeHangarDoors>();

var app = builder.Build();

// Unexpected failures reach this handler, which logs them and answers 500 with Problem Details and no exception
// text. Endpoints never write a 500 themselves (FE0002).
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapControllers();
app.MapGates();
app.MapHangars();

app.Run();
