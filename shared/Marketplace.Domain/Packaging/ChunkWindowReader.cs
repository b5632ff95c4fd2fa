namespace Marketplace.Domain.Packaging;

/// <summary>
/// Reads a stream as a series of bounded windows, each starting with the last <c>overlap</c> bytes
/// of the previous one (window k holds bytes from k*chunk - overlap up to (k+1)*chunk), so a pattern no longer than the overlap is seen whole in some window even
/// when it spans a chunk boundary. Memory use is one buffer of chunk plus overlap bytes.
/// </summary>
internal sealed class ChunkWindowReader(Stream stream, int chunkSize, int overlap)
{
    private readonly byte[] _buffer = new byte[chunkSize + overlap];
    private int _length;
    private bool _ended;

    /// <summary>How many new bytes the last window added beyond the carried-over overlap.</summary>
    public int NewBytes { get; private set; }

    /// <summary>Reads the next window; an empty result means the stream has ended.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> NextAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var keep = Math.Min(overlap, _length);
        _buffer.AsSpan(_length - keep, keep).CopyTo(_buffer);
        var filled = keep;
        var target = keep + chunkSize;
        int read;
        while (filled < target && (read = await stream.ReadAsync(_buffer.AsMemory(filled, target - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        NewBytes = filled - keep;
        _length = filled;
        _ended = filled < target;
        return NewBytes == 0 ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, filled);
    }
}
