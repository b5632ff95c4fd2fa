namespace Marketplace.Domain.Packaging;

/// <summary>
/// A read-only window onto part of the archive stream. It seeks before every read, so several
/// slices over one archive never disturb each other, and it never reads past its window.
/// </summary>
internal sealed class ArchiveSliceStream(Stream archive, long start, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        archive.Position = start + _position;
        var read = archive.Read(buffer[..wanted]);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        archive.Position = start + _position;
        var read = await archive.ReadAsync(buffer[..wanted], cancellationToken);
        _position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Clamp(int requested) => (int)Math.Min(requested, length - _position);
}
