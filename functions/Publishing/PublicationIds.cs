using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Functions.Publishing;

/// <summary>
/// A publication's id is derived from its publisher and content hash, so the same bytes from the same publisher are
/// always the same publication, whether they came over HTTP or through the staging container.
/// </summary>
public static class PublicationIds
{
    /// <summary>32 lowercase hex characters.</summary>
    public static string For(string publisherId, string contentHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{publisherId}\n{contentHash}")))[..32];
}
