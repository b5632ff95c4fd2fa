using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Reads the zip central directory itself instead of trusting a library to: it stops at the entry
/// limit before building any more records, so a directory of a million tiny entries costs nothing.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint Marker32 = uint.MaxValue;
    private const ushort Marker16 = ushort.MaxValue;

    public static async ValueTask<ZipDirectoryReading> ReadAsync(Stream archive, PackageLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var end = await FindEndRecordAsync(archive, cancellationToken);
            if (end is null)
            {
                return Fail(FindingCodes.ArchiveNotZip, "The package is not a zip archive: it has no end-of-central-directory record.");
            }

            if (end.DeclaredEntries > limits.MaxEntries)
            {
                return TooManyEntries(limits);
            }

            return await ReadRecordsAsync(archive, end, limits, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return Fail(FindingCodes.ArchiveCorrupt, $"The zip directory is corrupt: {ex.Message}");
        }
        catch (EndOfStreamException)
        {
            return Fail(FindingCodes.ArchiveCorrupt, "The zip directory is corrupt: it ends before its last record.");
        }
    }

    private static async ValueTask<ZipDirectoryReading> ReadRecordsAsync(
        Stream archive, EndRecord end, PackageLimits limits, CancellationToken cancellationToken)
    {
        var records = new List<ZipEntryRecord>();
        var slice = new ArchiveSliceStream(archive, end.DirectoryOffset, end.DirectorySize);
        await using var reader = new BufferedStream(slice, 64 * 1024);
        var header = new byte[ZipFormat.CentralHeaderSize];
        long consumed = 0;
        while (end.DirectorySize - consumed >= ZipFormat.CentralHeaderSize)
        {
            await reader.ReadExactlyAsync(header, cancellationToken);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.CentralHeaderSignature)
            {
                throw new InvalidDataException("a central-directory record has a bad signature.");
            }

            if (records.Count == limits.MaxEntries)
            {
                return TooManyEntries(limits);
            }

            var variable = new byte[Read16(header, 28) + Read16(header, 30) + Read16(header, 32)];
            await reader.ReadExactlyAsync(variable, cancellationToken);
            records.Add(ParseRecord(header, variable, archive.Length));
            consumed += header.Length + variable.Length;
        }

        if (records.Count != end.DeclaredEntries)
        {
            throw new InvalidDataException($"the directory holds {records.Count} records but its end record declares {end.DeclaredEntries}.");
        }

        return new ZipDirectoryReading(records, null);
    }

    private static ZipEntryRecord ParseRecord(byte[] header, byte[] variable, long archiveLength)
    {
        var flags = Read16(header, 8);
        var nameLength = Read16(header, 28);
        var extraLength = Read16(header, 30);
        var nameBytes = variable.AsSpan(0, nameLength);
        var extra = variable.AsSpan(nameLength, extraLength);

        long uncompressed = Read32(header, 24);
        long compressed = Read32(header, 20);
        long localOffset = Read32(header, 42);
        ApplyZip64Extra(extra, ref uncompressed, ref compressed, ref localOffset);
        if (localOffset < 0 || compressed < 0 || uncompressed < 0 || localOffset + compressed > archiveLength)
        {
            throw new InvalidDataException("an entry points outside the archive.");
        }

        return new ZipEntryRecord(
            Name: Encoding.UTF8.GetString(nameBytes),
            NameIsUtf8: Utf8.IsValid(nameBytes),
            Flags: flags,
            Method: Read16(header, 10),
            Crc32: Read32(header, 16),
            CompressedSize: compressed,
            UncompressedSize: uncompressed,
            ExternalAttributes: Read32(header, 38),
            LocalHeaderOffset: localOffset);
    }

    // A 32-bit field holding 0xFFFFFFFF means the real value is in the zip64 extra field, in this order.
    private static void ApplyZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        if (uncompressed != Marker32 && compressed != Marker32 && localOffset != Marker32)
        {
            return;
        }

        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                throw new InvalidDataException("an extra field runs past its record.");
            }

            var data = extra.Slice(4, size);
            if (id == ZipFormat.Zip64ExtraFieldId)
            {
                uncompressed = TakeZip64(ref data, uncompressed);
                compressed = TakeZip64(ref data, compressed);
                localOffset = TakeZip64(ref data, localOffset);
                return;
            }

            extra = extra[(4 + size)..];
        }

        throw new InvalidDataException("an entry needs a zip64 extra field but has none.");
    }

    private static long TakeZip64(ref ReadOnlySpan<byte> data, long value)
    {
        if (value != Marker32)
        {
            return value;
        }

        if (data.Length < 8)
        {
            throw new InvalidDataException("a zip64 extra field is too short.");
        }

        var wide = BinaryPrimitives.ReadUInt64LittleEndian(data);
        data = data[8..];
        return wide > long.MaxValue ? -1 : (long)wide;
    }

    private static async ValueTask<EndRecord?> FindEndRecordAsync(Stream archive, CancellationToken cancellationToken)
    {
        var tailLength = (int)Math.Min(archive.Length, ZipFormat.EndOfCentralDirectorySize + ZipFormat.MaxCommentLength);
        if (tailLength < ZipFormat.EndOfCentralDirectorySize)
        {
            return null;
        }

        var tailStart = archive.Length - tailLength;
        var tail = new byte[tailLength];
        archive.Position = tailStart;
        await archive.ReadExactlyAsync(tail, cancellationToken);

        for (var at = tailLength - ZipFormat.EndOfCentralDirectorySize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) == ZipFormat.EndOfCentralDirectorySignature
                && at + ZipFormat.EndOfCentralDirectorySize + Read16(tail, at + 20) <= tailLength)
            {
                return await ParseEndRecordAsync(archive, tail.AsSpan(at, ZipFormat.EndOfCentralDirectorySize).ToArray(), tailStart + at, cancellationToken);
            }
        }

        return null;
    }

    private static async ValueTask<EndRecord> ParseEndRecordAsync(Stream archive, byte[] record, long position, CancellationToken cancellationToken)
    {
        var disk = Read16(record, 4);
        var directoryDisk = Read16(record, 6);
        long entries = Read16(record, 10);
        long size = Read32(record, 12);
        long offset = Read32(record, 16);
        var directoryEnd = position;

        if (entries == Marker16 || size == Marker32 || offset == Marker32)
        {
            var zip64 = await ReadZip64EndRecordAsync(archive, position, cancellationToken);
            (entries, size, offset, directoryEnd) = zip64;
        }
        else if (disk != 0 || directoryDisk != 0)
        {
            throw new InvalidDataException("archives split over several disks are not supported.");
        }

        if (entries < 0 || size < 0 || offset < 0 || offset > directoryEnd || size > directoryEnd - offset)
        {
            throw new InvalidDataException("the end record points outside the archive.");
        }

        return new EndRecord(entries, offset, size);
    }

    private static async ValueTask<(long Entries, long Size, long Offset, long Position)> ReadZip64EndRecordAsync(
        Stream archive, long endRecordPosition, CancellationToken cancellationToken)
    {
        var locatorPosition = endRecordPosition - ZipFormat.Zip64LocatorSize;
        if (locatorPosition < ZipFormat.Zip64EndOfCentralDirectorySize)
        {
            throw new InvalidDataException("a zip64 end record is announced but missing.");
        }

        var locator = new byte[ZipFormat.Zip64LocatorSize];
        archive.Position = locatorPosition;
        await archive.ReadExactlyAsync(locator, cancellationToken);
        var recordPosition = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
        if (Read32(locator, 0) != ZipFormat.Zip64LocatorSignature
            || recordPosition > (ulong)(locatorPosition - ZipFormat.Zip64EndOfCentralDirectorySize))
        {
            throw new InvalidDataException("the zip64 end-record locator is invalid.");
        }

        var record = new byte[ZipFormat.Zip64EndOfCentralDirectorySize];
        archive.Position = (long)recordPosition;
        await archive.ReadExactlyAsync(record, cancellationToken);
        if (Read32(record, 0) != ZipFormat.Zip64EndOfCentralDirectorySignature)
        {
            throw new InvalidDataException("the zip64 end record has a bad signature.");
        }

        if (Read32(record, 16) != 0 || Read32(record, 20) != 0)
        {
            throw new InvalidDataException("archives split over several disks are not supported.");
        }

        return (ReadLong(record, 32), ReadLong(record, 40), ReadLong(record, 48), (long)recordPosition);
    }

    private static ZipDirectoryReading TooManyEntries(PackageLimits limits) =>
        Fail(FindingCodes.ArchiveTooManyEntries, $"The archive holds more than {limits.MaxEntries} entries.");

    private static ZipDirectoryReading Fail(string code, string message) => new([], Finding.Error(code, null, message));

    private static ushort Read16(byte[] buffer, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset));

    private static uint Read32(byte[] buffer, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));

    private static long ReadLong(byte[] buffer, int offset)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(offset));
        return value > long.MaxValue ? -1 : (long)value;
    }

    private sealed record EndRecord(long DeclaredEntries, long DirectoryOffset, long DirectorySize);
}

/// <summary>The records of a central directory, or the finding that stopped reading it.</summary>
internal sealed record ZipDirectoryReading(IReadOnlyList<ZipEntryRecord> Entries, Finding? Failure);
