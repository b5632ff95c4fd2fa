using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Creates the containers, tables and queues the app uses when it starts (idempotent). In Azure the templates create
/// them too; here it makes a fresh Azurite usable without a setup step.
/// </summary>
public sealed class StorageInitializer(
    BlobServiceClient blobs,
    TableServiceClient tables,
    QueueServiceClient queues,
    StorageLayout layout,
    ILogger<StorageInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var container in layout.Containers)
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in layout.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in layout.Queues)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        logger.LogInformation(
            "Storage ready: {Containers} containers, {Tables} tables, {Queues} queues",
            layout.Containers.Count, layout.Tables.Count, layout.Queues.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What storage the app needs; features add their tables and queues at registration.</summary>
public sealed class StorageLayout
{
    /// <summary>Blob containers.</summary>
    public ISet<string> Containers { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        StorageNames.StagingContainer, StorageNames.ReleasedContainer, StorageNames.TargetsContainer,
    };

    /// <summary>Tables.</summary>
    public ISet<string> Tables { get; } = new SortedSet<string>(StringComparer.Ordinal);

    /// <summary>Queues.</summary>
    public ISet<string> Queues { get; } = new SortedSet<string>(StringComparer.Ordinal);
}
