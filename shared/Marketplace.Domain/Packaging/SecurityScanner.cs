using System.Text;
using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Looks inside every entry: secrets in text files (up to the text-scan cap) and the EICAR test
/// string in any file. Entries are streamed in bounded, overlapping windows; nothing is buffered whole.
/// </summary>
public sealed class SecurityScanner : IPackageScanner
{
    private const int ChunkSize = 64 * 1024;
    private const int TextSniffLength = 8 * 1024;

    private static readonly string[] KeyStoreExtensions = [".pfx", ".p12"];

    /// <inheritdoc />
    public ScanCategory Category => ScanCategory.Security;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Finding>> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, context.Limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return [];
        }

        var findings = new List<Finding>();
        var chars = new char[ChunkSize + SecretPatterns.MaxMatchLength];
        foreach (var entry in archive.Entries.Where(e => !e.IsDirectory && !e.IsEncrypted))
        {
            if (KeyStoreExtensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(Finding.Error(FindingCodes.SecretPrivateKey, entry.Name, "The entry is a PKCS#12 key store, which holds private keys."));
            }

            try
            {
                await ScanEntryAsync(archive, entry, context.Limits, chars, findings, cancellationToken);
            }
            catch (Exception ex) when (ex is PackageFindingException or InvalidDataException)
            {
                // Limits and corrupt data are the structural scanner's findings; what was read is still reported.
                if (archive.BudgetExhausted)
                {
                    break;
                }
            }
        }

        return [.. findings.Distinct()];
    }

    private static async ValueTask ScanEntryAsync(
        PackageArchive archive, ZipEntryRecord entry, PackageLimits limits, char[] chars, List<Finding> findings, CancellationToken cancellationToken)
    {
        await using var stream = await archive.OpenEntryAsync(entry, cancellationToken);
        var reader = new ChunkWindowReader(stream, ChunkSize, SecretPatterns.MaxMatchLength);
        bool? isText = null;
        long textScanned = 0;
        for (var window = await reader.NextAsync(cancellationToken); !window.IsEmpty; window = await reader.NextAsync(cancellationToken))
        {
            var bytes = window.Span;
            if (EicarSignature.IsIn(bytes))
            {
                findings.Add(Finding.Error(FindingCodes.MalwareEicar, entry.Name, "The entry contains the EICAR anti-malware test string."));
            }

            // Binary files (a NUL byte near the start) are only checked for EICAR.
            isText ??= bytes[..Math.Min(bytes.Length, TextSniffLength)].IndexOf((byte)0) < 0;
            if (isText != true)
            {
                continue;
            }

            if (textScanned >= limits.MaxTextScanBytes)
            {
                findings.Add(Finding.Warning(FindingCodes.SecretScanTruncated, entry.Name, $"Only the first {limits.MaxTextScanBytes} bytes of this text file were scanned for secrets."));
                isText = false;
                continue;
            }

            textScanned += reader.NewBytes;
            FindSecrets(bytes, chars, entry.Name, findings);
        }
    }

    // Latin-1 maps each byte to one char, so the credential patterns (all ASCII) match whatever the encoding.
    private static void FindSecrets(ReadOnlySpan<byte> bytes, char[] chars, string path, List<Finding> findings)
    {
        var text = chars.AsSpan(0, Encoding.Latin1.GetChars(bytes, chars));
        foreach (var (code, pattern, what) in SecretPatterns.All)
        {
            if (pattern.IsMatch(text))
            {
                findings.Add(Finding.Error(code, path, $"The file contains {what}."));
            }
        }
    }
}
