using System.Security.Cryptography;
using Marketplace.Domain.Signing;

namespace Marketplace.Infrastructure.Tests.Signing;

public sealed class SignatureVerifierTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _package = RandomNumberGenerator.GetBytes(2048);

    public void Dispose() => _key.Dispose();

    private string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    private byte[] Digest => SHA256.HashData(_package);

    private string Sign(byte[] digest) =>
        Convert.ToBase64String(_key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    [Fact]
    public void Verify_SignatureOverDigest_ReturnsTrue()
    {
        Assert.True(SignatureVerifier.Verify(PublicKeyPem, Digest, Sign(Digest)));
    }

    [Fact]
    public void Verify_SignatureByOtherKey_ReturnsFalse()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(SignatureVerifier.Verify(other.ExportSubjectPublicKeyInfoPem(), Digest, Sign(Digest)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Verify_MalformedSignature_ReturnsFalse(string signature)
    {
        Assert.False(SignatureVerifier.Verify(PublicKeyPem, Digest, signature));
    }

    [Fact]
    public void Verify_DerSignatureInsteadOfP1363_ReturnsFalse()
    {
        var der = Convert.ToBase64String(_key.SignHash(Digest, DSASignatureFormat.Rfc3279DerSequence));

        Assert.False(SignatureVerifier.Verify(PublicKeyPem, Digest, der));
    }

    [Fact]
    public void Verify_DigestNot32Bytes_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SignatureVerifier.Verify(PublicKeyPem, new byte[20], Sign(Digest)));

        Assert.Equal("digest", error.ParamName);
    }

    [Fact]
    public void Verify_KeyOnOtherCurve_ThrowsArgumentException()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<ArgumentException>(() => SignatureVerifier.Verify(p384.ExportSubjectPublicKeyInfoPem(), Digest, Sign(Digest)));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NotPem_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => SignatureVerifier.Verify("hello", Digest, Sign(Digest)));

        Assert.Equal("publicKeyPem", error.ParamName);
    }

    [Fact]
    public void ToDer_SignaturesWithLeadingZeroOrHighBit_VerifyAsRfc3279DerSequence()
    {
        // P1363 r and s are fixed 32-byte values; DER integers are minimal and signed, so a leading zero
        // byte must be dropped and a set high bit needs a 0x00 pad. Sign until every case has been seen.
        var seen = new HashSet<string>();
        for (var i = 0; i < 20_000 && seen.Count < 4; i++)
        {
            var digest = SHA256.HashData(BitConverter.GetBytes(i));
            var p1363 = _key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var cases = new[]
            {
                p1363[0] == 0 && p1363[1] < 0x80 ? "r leading zero" : null,
                p1363[32] == 0 && p1363[33] < 0x80 ? "s leading zero" : null,
                p1363[0] >= 0x80 ? "r high bit" : null,
                p1363[32] >= 0x80 ? "s high bit" : null,
            }.OfType<string>().Where(c => !seen.Contains(c)).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            var der = SignatureVerifier.ToDer(Convert.ToBase64String(p1363));

            Assert.True(_key.VerifyHash(digest, der, DSASignatureFormat.Rfc3279DerSequence), string.Join(", ", cases));
            seen.UnionWith(cases);
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void ToDer_WrongLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SignatureVerifier.ToDer(Convert.ToBase64String(new byte[63])));
    }

    [RequiresToolsFact("bash", "openssl")]
    public async Task DocumentedOpensslCommands_ValidSignature_VerifiedOkAndDerMatchesDotNet()
    {
        var signature = Sign(Digest);

        var result = await DocumentedOpenssl.VerifyPackageAsync(PublicKeyPem, _package, signature);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Verified OK", result.Output, StringComparison.Ordinal);
        Assert.NotNull(result.Der);
        Assert.True(_key.VerifyHash(Digest, result.Der, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(SignatureVerifier.ToDer(signature), result.Der);
    }

    [RequiresToolsFact("bash", "openssl")]
    public async Task DocumentedOpensslCommands_TamperedPackage_VerificationFailure()
    {
        var signature = Sign(Digest);
        var tampered = (byte[])_package.Clone();
        tampered[100] ^= 0x01;

        var result = await DocumentedOpenssl.VerifyPackageAsync(PublicKeyPem, tampered, signature);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Verification failure", result.Output, StringComparison.Ordinal);
    }

    [RequiresToolsFact("bash", "openssl", "xxd")]
    public async Task DocumentedDigestCommands_ContentHash_VerifiedSuccessfully()
    {
        var signature = Sign(Digest);

        var result = await DocumentedOpenssl.VerifyDigestAsync(PublicKeyPem, _package, signature, Convert.ToHexStringLower(Digest));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Signature Verified Successfully", result.Output, StringComparison.Ordinal);
    }
}
