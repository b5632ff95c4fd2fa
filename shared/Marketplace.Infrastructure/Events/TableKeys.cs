using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Makes any string a valid Table Storage key: '%', '/', '\', '#', '?' and control characters are percent-encoded,
/// and a key longer than <see cref="MaxLength"/> becomes a SHA-256 digest. Keep the original value in a column.
/// </summary>
internal static class TableKeys
{
    /// <summary>Longest key kept readable (the service allows 1 KiB).</summary>
    public const int MaxLength = 400;

    /// <summary>Ticks used to turn times into newest-first keys.</summary>
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length <= MaxLength
            ? builder.ToString()
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>A 19-digit key that sorts later times first.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (MaxTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
