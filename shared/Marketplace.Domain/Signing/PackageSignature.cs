namespace Marketplace.Domain.Signing;

/// <summary>A package signature.</summary>
/// <param name="KeyId">The key version that made the signature (the version's <c>signingKeyId</c>).</param>
/// <param name="SignatureBase64">Base64 of the 64-byte IEEE P1363 (<c>r||s</c>) signature.</param>
/// <param name="Algorithm">The JOSE algorithm name; always <see cref="Es256"/> today.</param>
public sealed record PackageSignature(string KeyId, string SignatureBase64, string Algorithm = PackageSignature.Es256)
{
    /// <summary>ECDSA with curve P-256 and SHA-256.</summary>
    public const string Es256 = "ES256";
}
