using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Domain.Events;

/// <summary>RFC 4122 (RFC 9562) name-based UUIDs, version 5 (SHA-1): the same namespace and name always give the same id.</summary>
public static class NameBasedGuid
{
    /// <summary>The version-5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    /// <param name="namespaceId">The namespace UUID.</param>
    /// <param name="name">The name.</param>
    /// <returns>The UUID.</returns>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is an identifier, not a security boundary.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>A name built from parts without ambiguity: each part is prefixed by its length (<c>5:ab/cd|2:ef</c>).</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The joined name.</returns>
    public static string JoinParts(params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            if (builder.Length > 0)
            {
                builder.Append('|');
            }

            builder.Append(part.Length).Append(':').Append(part);
        }

        return builder.ToString();
    }
}
