namespace TemplateApi.Services;

/// <summary>The exchange rate service, an upstream the API calls over HTTP.</summary>
public interface IExchangeRateClient
{
    Task<decimal> GetRateAsync(string from, string to, CancellationToken cancellationToken);
}

/// <summary>A stand-in upstream that fails for the currency XXX, as an upstream answering 503 would.</summary>
public sealed class FakeExchangeRateClient : IExchangeRateClient
{
    public const string FailingCurrency = "XXX";

    public Task<decimal> GetRateAsync(string from, string to, CancellationToken cancellationToken)
    {
        if (to == FailingCurrency)
        {
            throw new HttpRequestException("rates.example.net answered 503 Service Unavailable (api key rk_live_93f1)");
        }

        return Task.FromResult(to == "EUR" ? 0.92m : 1m);
    }
}
