using Azure.Identity;
using Marketplace.Domain.Search;
using Marketplace.Domain.Signing;
using Marketplace.Infrastructure.Search;
using Marketplace.Infrastructure.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Configuration;

/// <summary>
/// Chooses the adapter behind each interface from configuration: Key Vault or the local key store for signing, Azure AI
/// Search or Lucene for search. Locally and in tests the local ones; in Azure the managed ones (see docs/configuration.md).
/// </summary>
internal static class AdapterRegistrations
{
    public static IServiceCollection AddSigning(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Marketplace:Signing");
        var provider = section["Provider"] ?? "Local";
        switch (provider)
        {
            case "Local":
                var path = Path.GetFullPath(section["LocalKeyStorePath"] is { Length: > 0 } p ? p : Path.Combine(".data", "keys"));
                services.AddSingleton<IPackageSigner>(sp => new LocalKeyStoreSigner(
                    new LocalKeyStoreOptions { Path = path }, sp.GetRequiredService<ILogger<LocalKeyStoreSigner>>()));
                break;
            case "KeyVault":
                var vault = section["KeyVaultUri"] is { Length: > 0 } uri ? new Uri(uri)
                    : throw new InvalidOperationException("Marketplace__Signing__KeyVaultUri is required when the signing provider is KeyVault.");
                services.AddSingleton<IPackageSigner>(sp => new KeyVaultSigner(
                    new KeyVaultSignerOptions { VaultUri = vault }, new DefaultAzureCredential(), sp.GetRequiredService<ILogger<KeyVaultSigner>>()));
                break;
            default:
                throw new InvalidOperationException($"Marketplace__Signing__Provider '{provider}' is not one of Local, KeyVault.");
        }

        return services;
    }

    public static IServiceCollection AddCatalogSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Marketplace:Search");
        var provider = section["Provider"] ?? "Lucene";
        switch (provider)
        {
            case "Lucene":
                var path = Path.GetFullPath(section["LuceneIndexPath"] is { Length: > 0 } p ? p : Path.Combine(".data", "search"));
                services.AddSingleton<ICatalogSearch>(sp => new LuceneCatalogSearch(
                    new LuceneCatalogSearchOptions { IndexPath = path }, sp.GetRequiredService<ILogger<LuceneCatalogSearch>>()));
                break;
            case "AzureSearch":
                var endpoint = section["Endpoint"] is { Length: > 0 } e ? new Uri(e)
                    : throw new InvalidOperationException("Marketplace__Search__Endpoint is required when the search provider is AzureSearch.");
                services.AddSingleton<ICatalogSearch>(sp => new AzureCatalogSearch(
                    new AzureSearchOptions { Endpoint = endpoint, IndexName = section["IndexName"] ?? "assets" },
                    new DefaultAzureCredential(), sp.GetRequiredService<ILogger<AzureCatalogSearch>>()));
                break;
            default:
                throw new InvalidOperationException($"Marketplace__Search__Provider '{provider}' is not one of Lucene, AzureSearch.");
        }

        return services;
    }
}
