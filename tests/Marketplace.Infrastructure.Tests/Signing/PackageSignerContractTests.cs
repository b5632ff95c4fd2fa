using System.Security.Cryptography;
using Marketplace.Domain.Signing;

namespace Marketplace.Infrastructure.Tests.Signing;

/// <summary>The behaviour every <see cref="IPackageSigner"/> must show; each implementation's test class derives from this.</summary>
public abstract class PackageSignerContractTests : IAsyncLifetime
{
    private IPackageSigner? _signer;

    protected IPackageSigner Signer => _signer ?? throw new InvalidOperationException("The signer is created in InitializeAsync.");

    public async Task InitializeAsync() => _signer = await CreateSignerAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IPackageSigner> CreateSignerAsync();

    protected static string NewPublisherId() => "pub-" + Guid.NewGuid().ToString("N")[..12];

    protected static byte[] Digest(string content) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content));

    [Fact]
    public async Task SignAsync_AfterEnsureKey_SignatureVerifiesWithPublishedKey()
    {
        var publisher = NewPublisherId();
        var key = await Signer.EnsureKeyAsync(publisher);
        var digest = Digest("package bytes");

        var signature = await Signer.SignAsync(publisher, digest);

        Assert.Equal(key.KeyId, signature.KeyId);
        Assert.Equal("ES256", signature.Algorithm);
        Assert.Equal(64, Convert.FromBase64String(signature.SignatureBase64).Length);
        Assert.True(SignatureVerifier.Verify(key.PublicKeyPem, digest, signature.SignatureBase64));
    }

    [Fact]
    public async Task SignAsync_OtherDigest_DoesNotVerify()
    {
        var publisher = NewPublisherId();
        var key = await Signer.EnsureKeyAsync(publisher);

        var signature = await Signer.SignAsync(publisher, Digest("original"));

        Assert.False(SignatureVerifier.Verify(key.PublicKeyPem, Digest("tampered"), signature.SignatureBase64));
    }

    [Fact]
    public async Task EnsureKeyAsync_CalledTwice_ReturnsSameCurrentKey()
    {
        var publisher = NewPublisherId();

        var first = await Signer.EnsureKeyAsync(publisher);
        var second = await Signer.EnsureKeyAsync(publisher);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.PublicKeyPem, second.PublicKeyPem);
        Assert.True(second.Current);
        Assert.Single(await Signer.GetKeysAsync(publisher));
    }

    [Fact]
    public async Task EnsureKeyAsync_NewPublisher_ReturnsP256SubjectPublicKeyInfoPem()
    {
        var key = await Signer.EnsureKeyAsync(NewPublisherId());

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.PublicKeyPem, StringComparison.Ordinal);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.PublicKeyPem);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, ecdsa.ExportParameters(false).Curve.Oid.Value);
        Assert.Throws<CryptographicException>(() => ecdsa.ExportParameters(true));
    }

    [Fact]
    public async Task GetKeysAsync_UnknownPublisher_ReturnsEmpty()
    {
        Assert.Empty(await Signer.GetKeysAsync(NewPublisherId()));
    }

    [Fact]
    public async Task SignAsync_UnknownPublisher_ThrowsKeyNotFound()
    {
        var error = await Assert.ThrowsAsync<SigningException>(() => Signer.SignAsync(NewPublisherId(), Digest("x")));

        Assert.Equal(404, error.Status);
        Assert.Equal(SigningException.KeyNotFoundCode, error.ErrorCode);
    }

    [Fact]
    public async Task RotateKeyAsync_AfterSigning_OldSignatureStillVerifiesAndNewKeySigns()
    {
        var publisher = NewPublisherId();
        var oldKey = await Signer.EnsureKeyAsync(publisher);
        var digest = Digest("1.0.0");
        var oldSignature = await Signer.SignAsync(publisher, digest);

        var newKey = await Signer.RotateKeyAsync(publisher);
        var newSignature = await Signer.SignAsync(publisher, digest);

        Assert.NotEqual(oldKey.KeyId, newKey.KeyId);
        Assert.True(newKey.Current);
        Assert.Equal(newKey.KeyId, newSignature.KeyId);
        var keys = await Signer.GetKeysAsync(publisher);
        var published = keys.Single(k => k.KeyId == oldSignature.KeyId);
        Assert.False(published.Current);
        Assert.True(SignatureVerifier.Verify(published.PublicKeyPem, digest, oldSignature.SignatureBase64));
        Assert.True(SignatureVerifier.Verify(newKey.PublicKeyPem, digest, newSignature.SignatureBase64));
        Assert.False(SignatureVerifier.Verify(newKey.PublicKeyPem, digest, oldSignature.SignatureBase64));
    }

    [Fact]
    public async Task GetKeysAsync_AfterThreeRotations_ListsEveryVersionOldestFirstWithOneCurrent()
    {
        var publisher = NewPublisherId();
        var created = new List<SigningKeyInfo> { await Signer.EnsureKeyAsync(publisher) };
        for (var i = 0; i < 3; i++)
        {
            created.Add(await Signer.RotateKeyAsync(publisher));
        }

        var keys = await Signer.GetKeysAsync(publisher);

        Assert.Equal(created.Select(k => k.KeyId), keys.Select(k => k.KeyId));
        Assert.Equal([false, false, false, true], keys.Select(k => k.Current));
        Assert.Equal(created.Select(k => k.PublicKeyPem), keys.Select(k => k.PublicKeyPem));
        Assert.Equal(4, keys.Select(k => k.PublicKeyPem).Distinct().Count());
    }

    [Fact]
    public async Task RotateKeyAsync_PublisherWithoutKey_CreatesFirstCurrentKey()
    {
        var publisher = NewPublisherId();

        var key = await Signer.RotateKeyAsync(publisher);

        Assert.True(key.Current);
        Assert.Equal(key.KeyId, Assert.Single(await Signer.GetKeysAsync(publisher)).KeyId);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public async Task SignAsync_DigestNot32Bytes_ThrowsArgumentException(int length)
    {
        var publisher = NewPublisherId();
        await Signer.EnsureKeyAsync(publisher);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Signer.SignAsync(publisher, new byte[length]));

        Assert.Equal("sha256Digest", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Contoso")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("-contoso")]
    [InlineData("con toso")]
    [InlineData("contoso\\..\\x")]
    public async Task EnsureKeyAsync_InvalidPublisherId_ThrowsArgumentException(string publisherId)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Signer.EnsureKeyAsync(publisherId));

        Assert.Contains("Publisher id", error.Message, StringComparison.Ordinal);
    }

    [RequiresToolsFact("bash", "openssl")]
    public async Task SignAsync_DocumentedOpensslCommands_VerifyPackage()
    {
        var publisher = NewPublisherId();
        var key = await Signer.EnsureKeyAsync(publisher);
        var package = RandomNumberGenerator.GetBytes(4096);
        var signature = await Signer.SignAsync(publisher, SHA256.HashData(package));

        var result = await DocumentedOpenssl.VerifyPackageAsync(key.PublicKeyPem, package, signature.SignatureBase64);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Verified OK", result.Output, StringComparison.Ordinal);
    }
}
