namespace Marketplace.Domain.Packaging;

/// <summary>Small helpers for reading entry data through the measured streams.</summary>
internal static class EntryContent
{
    public const int BufferSize = 64 * 1024;

    /// <summary>Reads a whole entry if it has at most <paramref name="maxBytes"/> bytes; otherwise null.</summary>
    public static async ValueTask<byte[]?> ReadAtMostAsync(PackageArchive archive, ZipEntryRecord entry, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await archive.OpenEntryAsync(entry, cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        // Stopping early means the entry is too big; otherwise the last empty read has checked size and CRC.
        return filled > maxBytes ? null : buffer[..filled];
    }

    /// <summary>Reads up to <paramref name="count"/> leading bytes of an entry.</summary>
    public static async ValueTask<byte[]> ReadHeadAsync(PackageArchive archive, ZipEntryRecord entry, int count, CancellationToken cancellationToken)
    {
        await using var stream = await archive.OpenEntryAsync(entry, cancellationToken);
        var buffer = new byte[count];
        var filled = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken);
        return buffer[..filled];
    }

    /// <summary>Reads an entry to its end, so every limit and the CRC are checked.</summary>
    public static async ValueTask DrainAsync(PackageArchive archive, ZipEntryRecord entry, byte[] buffer, CancellationToken cancellationToken)
    {
        await using var stream = await archive.OpenEntryAsync(entry, cancellationToken);
        while (await stream.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }
}
