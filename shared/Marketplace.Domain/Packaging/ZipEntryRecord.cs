namespace Marketplace.Domain.Packaging;

/// <summary>One central-directory record, as declared by the archive (and so not trusted for sizes).</summary>
internal sealed record ZipEntryRecord(
    string Name,
    bool NameIsUtf8,
    ushort Flags,
    ushort Method,
    uint Crc32,
    long CompressedSize,
    long UncompressedSize,
    uint ExternalAttributes,
    long LocalHeaderOffset)
{
    private const int UnixFileTypeMask = 0xF000;

    /// <summary>Zip folder entries end with a slash.</summary>
    public bool IsDirectory => Name.EndsWith('/');

    /// <summary>General-purpose flag bit 0 marks traditional or strong encryption.</summary>
    public bool IsEncrypted => (Flags & 0x0001) != 0;

    /// <summary>The unix file type bits (S_IFMT) that unix zip tools keep in the high half of the external attributes.</summary>
    public int UnixFileType => (int)(ExternalAttributes >> 16) & UnixFileTypeMask;
}
