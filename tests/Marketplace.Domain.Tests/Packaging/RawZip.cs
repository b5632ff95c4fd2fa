using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Marketplace.Domain.Tests.Packaging;

/// <summary>One hand-made zip entry; every header field can be set to a lie.</summary>
public sealed record RawEntry(string Name, byte[] Data)
{
    public bool Deflate { get; init; } = true;
    public ushort? Method { get; init; }
    public byte[]? NameBytes { get; init; }
    public string? LocalName { get; init; }
    public long? DeclaredSize { get; init; }
    public uint? Crc { get; init; }
    public uint ExternalAttributes { get; init; } = 0x81A4u << 16;
    public ushort Flags { get; init; }
    public byte[]? CompressedOverride { get; init; }
}

/// <summary>Writes zip bytes by hand, for archives ZipArchive refuses to produce.</summary>
public static class RawZip
{
    public static byte[] Build(IEnumerable<RawEntry> entries, int? declaredEntryCount = null)
    {
        var output = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        foreach (var entry in entries)
        {
            count++;
            var compressed = entry.CompressedOverride ?? (entry.Deflate ? DeflateBytes(entry.Data) : entry.Data);
            var method = entry.Method ?? (ushort)(entry.Deflate ? 8 : 0);
            var crc = entry.Crc ?? Crc32(entry.Data);
            var size = (uint)(entry.DeclaredSize ?? entry.Data.Length);
            var name = entry.NameBytes ?? Encoding.UTF8.GetBytes(entry.Name);
            var localName = entry.LocalName is null ? name : Encoding.UTF8.GetBytes(entry.LocalName);
            var offset = (uint)output.Position;
            var flags = (ushort)(entry.Flags | (entry.NameBytes is null ? 0x0800 : 0));

            Write32(output, 0x04034b50);
            Write16(output, 20);
            Write16(output, flags);
            Write16(output, method);
            Write32(output, 0);
            Write32(output, crc);
            Write32(output, (uint)compressed.Length);
            Write32(output, size);
            Write16(output, (ushort)localName.Length);
            Write16(output, 0);
            output.Write(localName);
            output.Write(compressed);

            Write32(central, 0x02014b50);
            Write16(central, 0x031E);
            Write16(central, 20);
            Write16(central, flags);
            Write16(central, method);
            Write32(central, 0);
            Write32(central, crc);
            Write32(central, (uint)compressed.Length);
            Write32(central, size);
            Write16(central, (ushort)name.Length);
            Write16(central, 0);
            Write16(central, 0);
            Write16(central, 0);
            Write16(central, 0);
            Write32(central, entry.ExternalAttributes);
            Write32(central, offset);
            central.Write(name);
        }

        var directoryOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        var declared = (ushort)(declaredEntryCount ?? count);
        Write32(output, 0x06054b50);
        Write16(output, 0);
        Write16(output, 0);
        Write16(output, declared);
        Write16(output, declared);
        Write32(output, (uint)central.Length);
        Write32(output, directoryOffset);
        Write16(output, 0);
        return output.ToArray();
    }

    public static byte[] DeflateBytes(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Write16(Stream stream, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void Write32(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }
}
