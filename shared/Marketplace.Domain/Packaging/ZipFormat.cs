namespace Marketplace.Domain.Packaging;

/// <summary>Record signatures and sizes from the zip application note (APPNOTE.TXT).</summary>
internal static class ZipFormat
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;
    public const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    public const uint Zip64LocatorSignature = 0x07064b50;

    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
    public const int Zip64LocatorSize = 20;
    public const int Zip64EndOfCentralDirectorySize = 56;
    public const int MaxCommentLength = ushort.MaxValue;

    public const ushort Zip64ExtraFieldId = 0x0001;
    public const ushort MethodStored = 0;
    public const ushort MethodDeflate = 8;
    public const ushort Utf8NameFlag = 0x0800;

    public const int UnixSymlink = 0xA000;
    public const int UnixFifo = 0x1000;
    public const int UnixCharDevice = 0x2000;
    public const int UnixBlockDevice = 0x6000;
    public const int UnixSocket = 0xC000;
}
