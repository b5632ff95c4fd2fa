using Marketplace.Domain.Search;
using Marketplace.Domain.Signing;

namespace Marketplace.Functions.Health;

/// <summary>The search index answers.</summary>
public sealed class SearchHealthProbe(ICatalogSearch search) : IHealthProbe
{
    /// <inheritdoc />
    public string Name => "search";

    /// <inheritdoc />
    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken) =>
        await search.IsHealthyAsync(cancellationToken)
            ? HealthProbeResult.Healthy($"{search.GetType().Name} answers queries")
            : HealthProbeResult.Unhealthy($"{search.GetType().Name} does not answer");
}

/// <summary>The signer can list keys (a missing key for the probe publisher is a healthy answer).</summary>
public sealed class SignerHealthProbe(IPackageSigner signer) : IHealthProbe
{
    /// <inheritdoc />
    public string Name => "signer";

    /// <inheritdoc />
    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await signer.GetKeysAsync("health-probe", cancellationToken);
        }
        catch (SigningException ex) when (ex.ErrorCode == SigningException.KeyNotFoundCode)
        {
            // The key store answered: no key for the probe publisher, as expected.
        }

        return HealthProbeResult.Healthy($"{signer.GetType().Name} answers");
    }
}
