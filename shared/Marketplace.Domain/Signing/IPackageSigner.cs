namespace Marketplace.Domain.Signing;

/// <summary>
/// Signs released packages with the publisher's own key and serves the public keys that verify them.
/// </summary>
/// <remarks>
/// A signature is ES256 (ECDSA P-256 with SHA-256, IEEE P1363 <c>r||s</c>, 64 bytes) over the
/// 32-byte SHA-256 digest of the package bytes, i.e. over the content hash. Every key version stays
/// listed after a rotation so that earlier signatures remain verifiable.
/// Implementations throw <see cref="ArgumentException"/> for an invalid publisher id or digest and
/// <see cref="SigningException"/> when the key store fails or has no key for the publisher.
/// </remarks>
public interface IPackageSigner
{
    /// <summary>Returns the publisher's current key, creating the first key version when the publisher has none.</summary>
    /// <param name="publisherId">The publisher id (lowercase letters, digits and '-').</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current key version.</returns>
    Task<SigningKeyInfo> EnsureKeyAsync(string publisherId, CancellationToken cancellationToken = default);

    /// <summary>Signs a SHA-256 digest with the publisher's current key version.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <param name="sha256Digest">The 32-byte SHA-256 digest of the package bytes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The signature and the id of the key version that made it.</returns>
    /// <exception cref="SigningException">The publisher has no key (<see cref="SigningException.KeyNotFoundCode"/>) or the key store failed.</exception>
    Task<PackageSignature> SignAsync(string publisherId, byte[] sha256Digest, CancellationToken cancellationToken = default);

    /// <summary>Lists every key version of the publisher, oldest first; the last one is the current one.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key versions, or an empty list when the publisher has no key.</returns>
    Task<IReadOnlyList<SigningKeyInfo>> GetKeysAsync(string publisherId, CancellationToken cancellationToken = default);

    /// <summary>Creates a new current key version for the publisher; earlier versions stay listed.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new current key version.</returns>
    Task<SigningKeyInfo> RotateKeyAsync(string publisherId, CancellationToken cancellationToken = default);
}
