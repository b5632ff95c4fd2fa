using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Marketplace.Domain.Signing;

/// <summary>Verifies ES256 package signatures with a published key, using only .NET cryptography.</summary>
public static class SignatureVerifier
{
    /// <summary>The length of a SHA-256 digest in bytes.</summary>
    public const int DigestLength = 32;

    /// <summary>The length of an ES256 signature in IEEE P1363 form (<c>r||s</c>) in bytes.</summary>
    public const int SignatureLength = 64;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Checks a signature over a SHA-256 digest.</summary>
    /// <param name="publicKeyPem">The key version's PEM SubjectPublicKeyInfo.</param>
    /// <param name="digest">The 32-byte SHA-256 digest of the package bytes.</param>
    /// <param name="signatureBase64">Base64 of the 64-byte IEEE P1363 signature.</param>
    /// <returns><see langword="true"/> when the signature is valid; <see langword="false"/> when it is wrong, not base64 or not 64 bytes.</returns>
    /// <exception cref="ArgumentException">The digest is not 32 bytes, or the PEM is not a P-256 public key.</exception>
    public static bool Verify(string publicKeyPem, byte[] digest, string signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyPem);
        if (digest.Length != DigestLength)
        {
            throw new ArgumentException($"The digest must be a {DigestLength}-byte SHA-256 digest, not {digest.Length} bytes.", nameof(digest));
        }

        if (!TryDecodeSignature(signatureBase64, out var signature))
        {
            return false;
        }

        using var key = ImportP256PublicKey(publicKeyPem);
        return key.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>
    /// Converts a base64 IEEE P1363 signature to the DER <c>SEQUENCE { r INTEGER, s INTEGER }</c> form
    /// (RFC 3279) that <c>openssl dgst -verify</c> expects.
    /// </summary>
    /// <param name="signatureBase64">Base64 of the 64-byte IEEE P1363 signature.</param>
    /// <returns>The DER-encoded signature.</returns>
    /// <exception cref="ArgumentException">The value is not base64 of 64 bytes.</exception>
    public static byte[] ToDer(string signatureBase64)
    {
        if (!TryDecodeSignature(signatureBase64, out var signature))
        {
            throw new ArgumentException($"The signature must be base64 of {SignatureLength} bytes (IEEE P1363 r||s).", nameof(signatureBase64));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(signature.AsSpan(0, SignatureLength / 2)));
            writer.WriteIntegerUnsigned(Minimal(signature.AsSpan(SignatureLength / 2)));
        }

        return writer.Encode();
    }

    // DER integers are minimal: P1363's fixed-width r and s may start with zero bytes that must go.
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static bool TryDecodeSignature(string? signatureBase64, out byte[] signature)
    {
        signature = [];
        if (string.IsNullOrWhiteSpace(signatureBase64))
        {
            return false;
        }

        var buffer = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, buffer, out var written) || written != SignatureLength)
        {
            return false;
        }

        signature = buffer[..SignatureLength];
        return true;
    }

    private static ECDsa ImportP256PublicKey(string publicKeyPem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException("The value is not a PEM-encoded EC public key.", nameof(publicKeyPem), ex);
        }

        if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
        {
            key.Dispose();
            throw new ArgumentException("The public key is not on curve P-256.", nameof(publicKeyPem));
        }

        return key;
    }
}
