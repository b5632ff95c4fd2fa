using System.Buffers;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// Streams bytes into a block blob while hashing them, and commits the blocks with the hash in metadata in one step,
/// so readers see the old bytes or the new ones, never a half-written file.
/// </summary>
internal static class BlockBlobWriter
{
    private const int BlockSize = 4 * 1024 * 1024;

    public static async Task<(string Sha256, long Length)> WriteAsync(BlockBlobClient blob, Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writeId = Guid.NewGuid().ToByteArray();
        var blockIds = new List<string>();
        long length = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int filled;
            while ((filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, filled);
                length += filled;
                var blockId = Convert.ToBase64String([.. writeId, .. BitConverter.GetBytes(blockIds.Count)]);
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                blockIds.Add(blockId);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var metadata = new Dictionary<string, string> { [InstallationKeys.MetadataSha256] = sha256 };
        if (blockIds.Count == 0)
        {
            using var empty = new MemoryStream([]);
            await blob.UploadAsync(empty, new BlobUploadOptions { Metadata = metadata }, cancellationToken);
        }
        else
        {
            await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions { Metadata = metadata }, cancellationToken);
        }

        return (sha256, length);
    }

    /// <summary>Hashes a stream to its end.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }
}
