using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Wraps an entry's decompressed data and counts what actually comes out, because the sizes in zip
/// headers are claims. It throws <see cref="PackageFindingException"/> as soon as the entry passes the
/// compression ratio, its declared size or the archive's total budget, and at the end checks size and CRC.
/// </summary>
internal sealed class MeasuredEntryStream(Stream decompressed, ZipEntryRecord entry, DecompressionBudget budget, PackageLimits limits)
    : Stream
{
    private readonly long _ratioLimit = SaturatingMultiply(Math.Max(entry.CompressedSize, 1), limits.MaxCompressionRatio);
    private long _produced;
    private uint _crc;
    private bool _verified;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => entry.UncompressedSize;

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = decompressed.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await decompressed.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressed.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            VerifyEnd();
            return;
        }

        _produced += chunk.Length;
        if (_produced > _ratioLimit)
        {
            Fail(FindingCodes.EntryCompressionRatio, $"The entry decompresses to more than {limits.MaxCompressionRatio}:1 of its {entry.CompressedSize} compressed bytes.");
        }

        if (_produced > entry.UncompressedSize)
        {
            Fail(FindingCodes.EntrySizeMismatch, $"The entry decompresses to more than the {entry.UncompressedSize} bytes its header declares.");
        }

        if (!budget.TryConsume(chunk.Length))
        {
            Fail(FindingCodes.ArchiveUncompressedTooLarge, $"The entries decompress to more than {budget.Limit} bytes in total.");
        }

        _crc = Crc32.Append(_crc, chunk);
    }

    private void VerifyEnd()
    {
        if (_verified)
        {
            return;
        }

        _verified = true;
        if (_produced != entry.UncompressedSize)
        {
            Fail(FindingCodes.EntrySizeMismatch, $"The entry decompresses to {_produced} bytes but its header declares {entry.UncompressedSize}.");
        }

        if (_crc != entry.Crc32)
        {
            Fail(FindingCodes.EntryCorrupt, "The entry's data does not match its CRC-32.");
        }
    }

    private void Fail(string code, string message)
    {
        var path = code == FindingCodes.ArchiveUncompressedTooLarge ? null : entry.Name;
        throw new PackageFindingException(Finding.Error(code, path, message));
    }

    private static long SaturatingMultiply(long value, int factor) =>
        value > long.MaxValue / Math.Max(factor, 1) ? long.MaxValue : value * factor;
}
