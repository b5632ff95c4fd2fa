namespace Marketplace.Domain.Signing;

/// <summary>One version of a publisher's signing key, as published in <c>signingKeys[]</c>.</summary>
/// <param name="KeyId">Names the key version; a signature's <c>signingKeyId</c> is one of these.</param>
/// <param name="PublicKeyPem">The public key as PEM SubjectPublicKeyInfo (<c>-----BEGIN PUBLIC KEY-----</c>).</param>
/// <param name="CreatedAt">When the key version was created.</param>
/// <param name="Current">Whether new signatures are made with this version.</param>
public sealed record SigningKeyInfo(string KeyId, string PublicKeyPem, DateTimeOffset CreatedAt, bool Current);
