using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Functions.Health;

/// <summary>Blob and Table storage answer, and the marketplace's containers exist.</summary>
public sealed class StorageHealthProbe(BlobServiceClient blobs, TableServiceClient tables) : IHealthProbe
{
    /// <inheritdoc />
    public string Name => "storage";

    /// <inheritdoc />
    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var staging = await blobs.GetBlobContainerClient(StorageNames.StagingContainer).ExistsAsync(cancellationToken);
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            break;
        }

        return staging.Value
            ? HealthProbeResult.Healthy($"blob and table endpoints answer at {blobs.Uri.Host}:{blobs.Uri.Port}")
            : HealthProbeResult.Unhealthy($"container '{StorageNames.StagingContainer}' is missing");
    }
}
