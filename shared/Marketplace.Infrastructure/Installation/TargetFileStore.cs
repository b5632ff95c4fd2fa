using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// The files of tenants' targets, in Blob container <c>targets</c> at <c>{tenantId}/{targetId}/files/{path}</c>.
/// Paths are validated (relative, no <c>..</c>, no backslash); each blob carries its SHA-256 in metadata.
/// </summary>
public sealed class TargetFileStore(BlobServiceClient blobs)
{
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(InstallationStorageNames.TargetsContainer);

    /// <summary>Opens a file for reading, or returns <see langword="null"/> when it does not exist.</summary>
    public async Task<Stream?> OpenReadAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await this.Blob(tenantId, targetId, path).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>True when the file exists.</summary>
    public async Task<bool> ExistsAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken = default) =>
        (await this.Blob(tenantId, targetId, path).ExistsAsync(cancellationToken)).Value;

    /// <summary>The lowercase hex SHA-256 of the file's current bytes, or <see langword="null"/> when it does not exist.</summary>
    public async Task<string?> GetSha256Async(string tenantId, string targetId, string path, CancellationToken cancellationToken = default) =>
        (await this.GetInfoAsync(tenantId, targetId, path, cancellationToken))?.Sha256;

    /// <summary>The file's path, SHA-256 and length, or <see langword="null"/> when it does not exist.</summary>
    public async Task<TargetFileInfo?> GetInfoAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken = default)
    {
        var blob = this.Blob(tenantId, targetId, path);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var sha256 = properties.Metadata.TryGetValue(InstallationKeys.MetadataSha256, out var stored)
                ? stored
                : await HashBlobAsync(blob, cancellationToken);
            return new TargetFileInfo(path, sha256, properties.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes (creates or replaces) a file atomically and returns its SHA-256 and length.</summary>
    public async Task<TargetFileInfo> WriteAsync(string tenantId, string targetId, string path, Stream content, CancellationToken cancellationToken = default)
    {
        var (sha256, length) = await BlockBlobWriter.WriteAsync(this.Blob(tenantId, targetId, path), content, cancellationToken);
        return new TargetFileInfo(path, sha256, length);
    }

    /// <summary>Deletes a file; returns whether it existed.</summary>
    public async Task<bool> DeleteAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken = default) =>
        (await this.Blob(tenantId, targetId, path).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    /// <summary>Every file of a target, ordered by path.</summary>
    public async Task<IReadOnlyList<TargetFileInfo>> ListAsync(string tenantId, string targetId, CancellationToken cancellationToken = default)
    {
        var prefix = InstallationKeys.FilesPrefix(tenantId, targetId);
        var files = new List<TargetFileInfo>();
        await foreach (var item in this.container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            var path = item.Name[prefix.Length..];
            var sha256 = item.Metadata.TryGetValue(InstallationKeys.MetadataSha256, out var stored)
                ? stored
                : await HashBlobAsync(this.Blob(tenantId, targetId, path), cancellationToken);
            files.Add(new TargetFileInfo(path, sha256, item.Properties.ContentLength ?? 0));
        }

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static async Task<string> HashBlobAsync(BlobBaseClient blob, CancellationToken cancellationToken)
    {
        var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
        await using var content = download.Value.Content;
        return await BlockBlobWriter.HashAsync(content, cancellationToken);
    }

    private BlockBlobClient Blob(string tenantId, string targetId, string path) =>
        this.container.GetBlockBlobClient(InstallationKeys.FileBlob(tenantId, targetId, path));
}
