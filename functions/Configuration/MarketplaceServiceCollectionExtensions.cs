using Marketplace.Functions.Health;
using Marketplace.Functions.Identity;
using Marketplace.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Functions.Configuration;

/// <summary>
/// Every registration of the app in one place. The Functions host (Program.cs) and the local runtime both call
/// <see cref="AddMarketplace"/>, so the two hosts run the same services.
/// </summary>
public static class MarketplaceServiceCollectionExtensions
{
    /// <summary>Registers options, storage clients, adapters and health probes.</summary>
    public static IServiceCollection AddMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section));

        var storage = StorageConnection.FromConfiguration(configuration, StorageNames.Connection);
        services.TryAddSingleton(storage);
        services.TryAddSingleton(_ => storage.CreateBlobServiceClient());
        services.TryAddSingleton(_ => storage.CreateTableServiceClient());
        services.TryAddSingleton(_ => storage.CreateQueueServiceClient());
        services.TryAddSingleton<StorageLayout>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        return services;
    }
}
