using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Infrastructure.Packages;

/// <summary>
/// The immutable store of released packages, <c>released/{assetId}/{version}.zip</c>: written once (If-None-Match),
/// in Azure also under a write-once immutability policy. A version's bytes never change.
/// </summary>
public sealed class ReleasedPackageStore(BlobServiceClient blobs, PackageStaging staging)
{
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.ReleasedContainer);

    /// <summary>The blob name of a released version.</summary>
    public static string BlobNameFor(string assetId, string version) => $"{assetId}/{version.Split('+')[0]}.zip";

    /// <summary>Copies the staged bytes into the released store. Idempotent for the same bytes.</summary>
    /// <exception cref="InvalidOperationException">When the version was released with other bytes.</exception>
    public async Task ReleaseAsync(string assetId, string version, string contentHash, CancellationToken cancellationToken)
    {
        var target = this.container.GetBlobClient(BlobNameFor(assetId, version));
        try
        {
            await using var source = await staging.OpenAsync(contentHash, cancellationToken);
            await target.UploadAsync(source, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
                Metadata = new Dictionary<string, string> { ["sha256"] = contentHash },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var existing = await target.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (!existing.Value.Metadata.TryGetValue("sha256", out var hash) || hash != contentHash)
            {
                throw new InvalidOperationException($"{assetId} {version} is already released with other bytes.", ex);
            }
        }
    }

    /// <summary>Removes a released blob if it holds these bytes (compensation). Idempotent.</summary>
    public async Task WithdrawAsync(string assetId, string version, string contentHash, CancellationToken cancellationToken)
    {
        var target = this.container.GetBlobClient(BlobNameFor(assetId, version));
        try
        {
            var properties = await target.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (properties.Value.Metadata.TryGetValue("sha256", out var hash) && hash == contentHash)
            {
                await target.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = properties.Value.ETag }, cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing released: nothing to withdraw.
        }
    }

    /// <summary>Opens a released package, or null when absent.</summary>
    public async Task<Stream?> OpenAsync(string assetId, string version, CancellationToken cancellationToken)
    {
        try
        {
            return await this.container.GetBlobClient(BlobNameFor(assetId, version)).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Whether a released blob exists for this version.</summary>
    public async Task<bool> ExistsAsync(string assetId, string version, CancellationToken cancellationToken) =>
        await this.container.GetBlobClient(BlobNameFor(assetId, version)).ExistsAsync(cancellationToken);
}
