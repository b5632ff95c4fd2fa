using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Marketplace.Infrastructure.Storage;

namespace Marketplace.Infrastructure.Packages;

/// <summary>
/// The staging store: uploads are streamed to a temporary file while hashed (never held in memory), then stored once
/// under <c>packages/{sha256}.zip</c>, so the same bytes always land on the same blob.
/// </summary>
public sealed class PackageStaging(BlobServiceClient blobs)
{
    private const int BufferSize = 81920;
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.StagingContainer);

    /// <summary>The blob name of a staged package.</summary>
    public static string BlobNameFor(string contentHash) => $"packages/{contentHash}.zip";

    /// <summary>Streams <paramref name="body"/> into staging.</summary>
    /// <exception cref="PackageTooLargeException">When the body is longer than <paramref name="maxBytes"/>.</exception>
    public async Task<StagedPackage> StageAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(Path.GetTempPath(), $"marketplace-upload-{Guid.NewGuid():N}.zip");
        try
        {
            string hash;
            long size = 0;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new PackageTooLargeException(maxBytes);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var blobName = BlobNameFor(hash);
            var blob = this.container.GetBlobClient(blobName);
            try
            {
                await using var upload = File.OpenRead(tempPath);
                await blob.UploadAsync(upload, new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
                    Metadata = new Dictionary<string, string> { ["sha256"] = hash },
                }, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Already staged: the name is the content hash, so the bytes are the same.
            }

            return new StagedPackage(hash, size, blobName);
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    /// <summary>Opens a staged package as a seekable stream.</summary>
    public async Task<Stream> OpenAsync(string contentHash, CancellationToken cancellationToken) =>
        await this.container.GetBlobClient(BlobNameFor(contentHash)).OpenReadAsync(cancellationToken: cancellationToken);

    /// <summary>The client of a staged package's blob.</summary>
    public BlobClient GetBlob(string contentHash) => this.container.GetBlobClient(BlobNameFor(contentHash));
}
