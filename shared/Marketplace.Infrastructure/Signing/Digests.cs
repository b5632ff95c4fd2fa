using Marketplace.Domain.Signing;

namespace Marketplace.Infrastructure.Signing;

/// <summary>Argument checks shared by the signers.</summary>
internal static class Digests
{
    /// <summary>Throws unless the digest is a 32-byte SHA-256 digest.</summary>
    /// <param name="sha256Digest">The digest.</param>
    public static void Validate(byte[] sha256Digest)
    {
        ArgumentNullException.ThrowIfNull(sha256Digest);
        if (sha256Digest.Length != SignatureVerifier.DigestLength)
        {
            throw new ArgumentException(
                $"Expected the {SignatureVerifier.DigestLength}-byte SHA-256 digest of the package, got {sha256Digest.Length} bytes.",
                nameof(sha256Digest));
        }
    }
}
