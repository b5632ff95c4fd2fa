using System.Text.RegularExpressions;

namespace Marketplace.Domain.Packaging;

/// <summary>Recognises executables and scripts by extension or by their first bytes.</summary>
internal static partial class ExecutableDetector
{
    public const int HeadLength = 4;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".sys", ".so", ".dylib", ".ps1", ".psm1", ".psd1", ".sh", ".bash", ".zsh", ".ksh", ".csh",
        ".bat", ".cmd", ".com", ".msi", ".scr", ".vbs", ".vbe", ".wsf", ".hta", ".cpl", ".jar", ".py", ".rb", ".pl",
        ".appimage",
    };

    public static bool HasExecutableName(string path) =>
        Extensions.Contains(Path.GetExtension(path)) || VersionedSharedObject().IsMatch(path);

    /// <summary>PE (<c>MZ</c>), ELF, Mach-O and fat binaries, and <c>#!</c> scripts.</summary>
    public static bool HasExecutableHead(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith("#!"u8)
        || head.StartsWith("\u007FELF"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]);

    [GeneratedRegex(@"\.so(\.[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedSharedObject();
}
