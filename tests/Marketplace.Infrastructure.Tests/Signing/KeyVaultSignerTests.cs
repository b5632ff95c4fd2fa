using Azure.Core;
using Marketplace.Domain.Signing;
using Marketplace.Infrastructure.Signing;
using Marketplace.Infrastructure.Tests.Signing.Fakes;

namespace Marketplace.Infrastructure.Tests.Signing;

public sealed class KeyVaultSignerTests : PackageSignerContractTests
{
    private FakeKeyVault? _vault;
    private readonly TestTokenCredential _credential = new(FakeKeyVault.Token);

    private FakeKeyVault Vault => _vault!;

    protected override async Task<IPackageSigner> CreateSignerAsync()
    {
        _vault = await FakeKeyVault.StartAsync();
        return NewSigner(_credential);
    }

    public override async Task DisposeAsync()
    {
        if (_vault is not null)
        {
            await _vault.DisposeAsync();
        }
    }

    private KeyVaultSigner NewSigner(TokenCredential credential, string apiVersion = KeyVaultSignerOptions.DefaultApiVersion)
    {
        var clientOptions = new KeyVaultSignerClientOptions { Transport = Vault.CreateTransport() };
        clientOptions.Retry.MaxRetries = 0;
        return new KeyVaultSigner(new KeyVaultSignerOptions { VaultUri = Vault.VaultUri, ApiVersion = apiVersion }, credential, clientOptions: clientOptions);
    }

    [Fact]
    public async Task EnsureKeyAsync_NewPublisher_CreatesPublisherKeyWithVaultScopedToken()
    {
        var key = await Signer.EnsureKeyAsync("contoso");

        Assert.StartsWith(new Uri(Vault.VaultUri, "keys/publisher-contoso/").ToString(), key.KeyId, StringComparison.Ordinal);
        Assert.Equal(1, Vault.VersionCount("publisher-contoso"));
        Assert.Contains("POST /keys/publisher-contoso/create?api-version=7.5", Vault.Requests);
        Assert.All(_credential.RequestedScopes, scope => Assert.Equal("https://vault.azure.net/.default", scope));
        Assert.NotEmpty(_credential.RequestedScopes);
    }

    [Fact]
    public async Task GetKeysAsync_MoreVersionsThanOnePage_FollowsNextLink()
    {
        Vault.PageSize = 1;
        await Signer.EnsureKeyAsync("contoso");
        await Signer.RotateKeyAsync("contoso");
        await Signer.RotateKeyAsync("contoso");

        var keys = await Signer.GetKeysAsync("contoso");

        Assert.Equal(3, keys.Count);
        Assert.Equal(3, Vault.Requests.Count(r => r.StartsWith("GET /keys/publisher-contoso/versions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignAsync_VaultForbids_ThrowsSigningExceptionWithStatusCodeAndMessage()
    {
        await Signer.EnsureKeyAsync("contoso");
        Vault.FailNext(403, "Forbidden", "The user, group or application does not have keys sign permission.");

        var error = await Assert.ThrowsAsync<SigningException>(() => Signer.SignAsync("contoso", Digest("x")));

        Assert.Equal(403, error.Status);
        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Contains("does not have keys sign permission", error.Message, StringComparison.Ordinal);
        Assert.Contains("publisher-contoso", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateKeyAsync_GatewayAnswersHtml_ThrowsSigningExceptionWithStatusOnly()
    {
        Vault.FailNextRaw(502, "<html>Bad Gateway</html>");

        var error = await Assert.ThrowsAsync<SigningException>(() => Signer.RotateKeyAsync("contoso"));

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task EnsureKeyAsync_WrongToken_ThrowsSigningExceptionUnauthorized()
    {
        var signer = NewSigner(new TestTokenCredential("someone-else"));

        var error = await Assert.ThrowsAsync<SigningException>(() => signer.EnsureKeyAsync("contoso"));

        Assert.Equal(401, error.Status);
        Assert.Equal("Unauthorized", error.ErrorCode);
    }

    [Fact]
    public async Task EnsureKeyAsync_VaultUnreachable_ThrowsSigningExceptionWithoutStatus()
    {
        var options = new KeyVaultSignerClientOptions { Transport = Vault.CreateTransport() };
        options.Retry.MaxRetries = 0;
        var signer = new KeyVaultSigner(new KeyVaultSignerOptions { VaultUri = new Uri("https://127.0.0.1:1/") }, _credential, clientOptions: options);

        var error = await Assert.ThrowsAsync<SigningException>(() => signer.EnsureKeyAsync("contoso"));

        Assert.Equal(0, error.Status);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task EnsureKeyAsync_ApiVersion74_SendsThatVersion()
    {
        await NewSigner(_credential, "7.4").EnsureKeyAsync("contoso");

        Assert.All(Vault.Requests, r => Assert.EndsWith("api-version=7.4", r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://vault.example/")]
    [InlineData(null)]
    public void Constructor_VaultUriNotHttps_ThrowsArgumentException(string? uri)
    {
        var options = new KeyVaultSignerOptions { VaultUri = uri is null ? null : new Uri(uri) };

        var error = Assert.Throws<ArgumentException>(() => new KeyVaultSigner(options, _credential));

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PrefixWithSlash_ThrowsArgumentException()
    {
        var options = new KeyVaultSignerOptions { VaultUri = new Uri("https://vault.example/"), KeyNamePrefix = "a/b-" };

        Assert.Throws<ArgumentException>(() => new KeyVaultSigner(options, _credential));
    }
}
