using Marketplace.Domain.Signing;
using Marketplace.Infrastructure.Signing;

namespace Marketplace.Infrastructure.Tests.Signing;

public sealed class LocalKeyStoreSignerTests : PackageSignerContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("marketplace-keys-");

    protected override Task<IPackageSigner> CreateSignerAsync() => Task.FromResult<IPackageSigner>(NewSigner());

    public override Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private LocalKeyStoreSigner NewSigner() => new(new LocalKeyStoreOptions { Path = _directory.FullName });

    [Fact]
    public async Task EnsureKeyAsync_NewPublisher_WritesPkcs8PemFileWithLocalKeyId()
    {
        var key = await Signer.EnsureKeyAsync("contoso");

        Assert.Equal("local:contoso/1", key.KeyId);
        var file = Path.Combine(_directory.FullName, "contoso", "1.key.pem");
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory.FullName, "contoso"), "*.tmp"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task RotateKeyAsync_TwoRotations_NumbersVersions()
    {
        await Signer.EnsureKeyAsync("contoso");

        var second = await Signer.RotateKeyAsync("contoso");
        var third = await Signer.RotateKeyAsync("contoso");

        Assert.Equal("local:contoso/2", second.KeyId);
        Assert.Equal("local:contoso/3", third.KeyId);
    }

    [Fact]
    public async Task EnsureKeyAsync_ConcurrentCallsOnSeparateInstances_AgreeOnOneKeyThatNeverChanges()
    {
        var publisher = NewPublisherId();
        var digest = Digest("concurrent");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 16).Select(_ => NewSigner()).Select(signer => Task.Run(async () =>
        {
            await start.Task;
            var key = await signer.EnsureKeyAsync(publisher);
            return (Key: key, Signature: await signer.SignAsync(publisher, digest));
        })).ToList();

        start.SetResult();
        var results = await Task.WhenAll(calls);

        var published = Assert.Single(await Signer.GetKeysAsync(publisher));
        Assert.All(results, r => Assert.Equal(published.KeyId, r.Key.KeyId));
        Assert.All(results, r => Assert.Equal(published.PublicKeyPem, r.Key.PublicKeyPem));
        Assert.All(results, r => Assert.True(SignatureVerifier.Verify(published.PublicKeyPem, digest, r.Signature.SignatureBase64)));
    }

    [Fact]
    public async Task RotateKeyAsync_ConcurrentRotations_EachGetsItsOwnVersion()
    {
        var publisher = NewPublisherId();
        await Signer.EnsureKeyAsync(publisher);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rotations = Enumerable.Range(0, 16).Select(_ => NewSigner()).Select(signer => Task.Run(async () =>
        {
            await start.Task;
            return await signer.RotateKeyAsync(publisher);
        })).ToList();

        start.SetResult();
        var rotated = await Task.WhenAll(rotations);

        Assert.Equal(16, rotated.Select(k => k.KeyId).Distinct().Count());
        var keys = await Signer.GetKeysAsync(publisher);
        Assert.Equal(17, keys.Count);
        Assert.All(rotated, r => Assert.Equal(r.PublicKeyPem, keys.Single(k => k.KeyId == r.KeyId).PublicKeyPem));
    }

    [Fact]
    public async Task SignAsync_NewInstanceOverSameDirectory_UsesPersistedKey()
    {
        var publisher = NewPublisherId();
        var key = await Signer.EnsureKeyAsync(publisher);
        var digest = Digest("persisted");

        var signature = await NewSigner().SignAsync(publisher, digest);

        Assert.Equal(key.KeyId, signature.KeyId);
        Assert.True(SignatureVerifier.Verify(key.PublicKeyPem, digest, signature.SignatureBase64));
    }

    [Fact]
    public async Task SignAsync_CorruptKeyFile_ThrowsSigningExceptionNamingStore()
    {
        var publisher = NewPublisherId();
        await Signer.EnsureKeyAsync(publisher);
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, publisher, "1.key.pem"), "garbage");

        var error = await Assert.ThrowsAsync<SigningException>(() => Signer.SignAsync(publisher, Digest("x")));

        Assert.Contains(_directory.FullName, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_EmptyPath_ThrowsArgumentException(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalKeyStoreSigner(new LocalKeyStoreOptions { Path = path }));

        Assert.Contains("LocalKeyStoreOptions.Path", error.Message, StringComparison.Ordinal);
    }
}
