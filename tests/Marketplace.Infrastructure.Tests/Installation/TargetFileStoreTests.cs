using System.Security.Cryptography;
using System.Text;
using Marketplace.Infrastructure.Installation;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Installation;

[Collection(InstallationStorageGroup.Name)]
public sealed class TargetFileStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InstallationStorage storage = null!;
    private TargetFileStore files = null!;
    private readonly string tenant = InstallationStorage.NewTenant();

    public async Task InitializeAsync()
    {
        this.storage = await InstallationStorage.CreateAsync(azurite);
        this.files = this.storage.FileStore();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteAsync_NewFile_StoresBytesUnderTenantTargetFilesPath()
    {
        var bytes = Encoding.UTF8.GetBytes("hello target");

        var info = await this.files.WriteAsync(this.tenant, "web", "src/Program.cs", new MemoryStream(bytes));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), info.Sha256);
        Assert.Equal(bytes.Length, info.Length);
        Assert.True(await this.storage.Container.GetBlobClient($"{this.tenant}/web/files/src/Program.cs").ExistsAsync());
        Assert.Equal(bytes, await this.ReadAsync("web", "src/Program.cs"));
        Assert.Equal(info.Sha256, await this.files.GetSha256Async(this.tenant, "web", "src/Program.cs"));
    }

    [Fact]
    public async Task WriteAsync_SeveralBlocksAndEmpty_RoundTripExactly()
    {
        var large = RandomNumberGenerator.GetBytes((9 * 1024 * 1024) + 17);

        var largeInfo = await this.files.WriteAsync(this.tenant, "web", "big.bin", new MemoryStream(large));
        var emptyInfo = await this.files.WriteAsync(this.tenant, "web", "empty.txt", new MemoryStream());

        Assert.Equal(large, await this.ReadAsync("web", "big.bin"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(large)), largeInfo.Sha256);
        Assert.Empty(await this.ReadAsync("web", "empty.txt"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), emptyInfo.Sha256);
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacesBytesAndHash()
    {
        await this.files.WriteAsync(this.tenant, "web", "a.txt", new MemoryStream("one"u8.ToArray()));

        var info = await this.files.WriteAsync(this.tenant, "web", "a.txt", new MemoryStream("two"u8.ToArray()));

        Assert.Equal("two"u8.ToArray(), await this.ReadAsync("web", "a.txt"));
        Assert.Equal(info.Sha256, await this.files.GetSha256Async(this.tenant, "web", "a.txt"));
    }

    [Fact]
    public async Task GetSha256Async_BlobWithoutMetadata_ComputesHashFromBytes()
    {
        var bytes = "written behind the store's back"u8.ToArray();
        await this.storage.Container.GetBlobClient($"{this.tenant}/web/files/raw.txt").UploadAsync(new BinaryData(bytes));

        var sha256 = await this.files.GetSha256Async(this.tenant, "web", "raw.txt");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256);
    }

    [Fact]
    public async Task MissingFile_ReadExistsShaDelete_ReportAbsence()
    {
        Assert.Null(await this.files.OpenReadAsync(this.tenant, "web", "nope.txt"));
        Assert.False(await this.files.ExistsAsync(this.tenant, "web", "nope.txt"));
        Assert.Null(await this.files.GetSha256Async(this.tenant, "web", "nope.txt"));
        Assert.False(await this.files.DeleteAsync(this.tenant, "web", "nope.txt"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingFile_RemovesIt()
    {
        await this.files.WriteAsync(this.tenant, "web", "a.txt", new MemoryStream("x"u8.ToArray()));

        Assert.True(await this.files.DeleteAsync(this.tenant, "web", "a.txt"));
        Assert.False(await this.files.ExistsAsync(this.tenant, "web", "a.txt"));
    }

    [Fact]
    public async Task ListAsync_FilesOfTwoTargets_ListsOnlyThatTargetsFilesByPath()
    {
        await this.files.WriteAsync(this.tenant, "web", "z.txt", new MemoryStream("z"u8.ToArray()));
        await this.files.WriteAsync(this.tenant, "web", "a/b.txt", new MemoryStream("ab"u8.ToArray()));
        await this.files.WriteAsync(this.tenant, "web-2", "other.txt", new MemoryStream("o"u8.ToArray()));
        await this.storage.Container.GetBlobClient($"{this.tenant}/web/rollback/i1/abc").UploadAsync(new BinaryData("r"u8.ToArray()));

        var listed = await this.files.ListAsync(this.tenant, "web");

        Assert.Equal(["a/b.txt", "z.txt"], listed.Select(f => f.Path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("ab"u8)), listed[0].Sha256);
        Assert.Equal(2, listed[0].Length);
    }

    [Fact]
    public async Task AnotherTenant_SameTargetAndPath_SeesNothing()
    {
        var other = InstallationStorage.NewTenant();
        await this.files.WriteAsync(this.tenant, "web", "secret.txt", new MemoryStream("a's"u8.ToArray()));

        Assert.Null(await this.files.OpenReadAsync(other, "web", "secret.txt"));
        Assert.False(await this.files.ExistsAsync(other, "web", "secret.txt"));
        Assert.Empty(await this.files.ListAsync(other, "web"));
        Assert.False(await this.files.DeleteAsync(other, "web", "secret.txt"));
        Assert.True(await this.files.ExistsAsync(this.tenant, "web", "secret.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/abs.txt")]
    [InlineData("src\\a.txt")]
    [InlineData("a/../../b")]
    [InlineData("")]
    public async Task WriteAsync_UnsafePath_ThrowsArgumentException(string path) =>
        await Assert.ThrowsAsync<ArgumentException>(() => this.files.WriteAsync(this.tenant, "web", path, new MemoryStream()));

    [Theory]
    [InlineData("other/web", "web")]
    [InlineData("tenant", "web/files")]
    [InlineData("", "web")]
    [InlineData("tenant", "..")]
    public async Task ReadAsync_IdsThatCouldForgeAPrefix_ThrowArgumentException(string tenantId, string targetId) =>
        await Assert.ThrowsAsync<ArgumentException>(() => this.files.OpenReadAsync(tenantId, targetId, "a.txt"));

    private async Task<byte[]> ReadAsync(string target, string path)
    {
        await using var stream = await this.files.OpenReadAsync(this.tenant, target, path) ?? throw new InvalidOperationException($"{path} is missing");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
