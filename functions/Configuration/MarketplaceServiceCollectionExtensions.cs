using Marketplace.Domain.Catalog;
using Marketplace.Functions.Activities.Publishing;
using Marketplace.Functions.Health;
using Marketplace.Domain.Installation;
using Marketplace.Functions.Identity;
using Marketplace.Functions.Installation;
using Marketplace.Infrastructure.Installation;
using Marketplace.Functions.Publishing;
using Marketplace.Functions.Testing;
using Marketplace.Infrastructure.Catalog;
using Marketplace.Infrastructure.Packages;
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
        var layout = new StorageLayout();
        foreach (var table in CatalogTables.All)
        {
            layout.Tables.Add(table);
        }

        foreach (var table in InstallationStorageNames.Tables.Append(TableInstallationStore.TableName))
        {
            layout.Tables.Add(table);
        }

        services.AddEventsAndGovernance(configuration, layout);
        services.TryAddSingleton(layout);
        services.AddHostedService<StorageInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StepFaults>();

        // Catalogue and publishing.
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.Section));
        services.TryAddSingleton<ICatalogStore, TableCatalogStore>();
        services.TryAddSingleton<IPublicationStore, TablePublicationStore>();
        services.TryAddSingleton<PackageStaging>();
        services.TryAddSingleton<ReleasedPackageStore>();
        services.TryAddSingleton<PublicationSubmitter>();
        services.TryAddSingleton<AssetIndexer>();
        services.TryAddSingleton<Governance.GovernanceActions>();
        services.TryAddSingleton<PackageScanRunner>();
        services.AddSigning(configuration);

        // Installation.
        services.TryAddSingleton<TableTargetStore>();
        services.TryAddSingleton<TargetFileStore>();
        services.TryAddSingleton<TargetApplier>();
        services.TryAddSingleton<IInstallationStore, TableInstallationStore>();
        services.TryAddSingleton<InstallationPlanner>();
        services.TryAddSingleton<InstallationSubmitter>();
        services.AddCatalogSearch(configuration);

        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        services.AddSingleton<IHealthProbe, SearchHealthProbe>();
        services.AddSingleton<IHealthProbe, SignerHealthProbe>();
        return services;
    }
}
