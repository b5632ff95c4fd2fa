using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Installation;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Installation;

[Collection(InstallationStorageGroup.Name)]
public sealed class TableTargetStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string tenant = InstallationStorage.NewTenant();
    private InstallationStorage storage = null!;
    private TableTargetStore store = null!;

    public async Task InitializeAsync()
    {
        this.storage = await InstallationStorage.CreateAsync(azurite);
        this.store = this.storage.TargetStore();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpsertTargetAsync_NewThenChanged_CreatesThenUpdatesKeepingCreatedAt()
    {
        var created = this.storage.Clock.GetUtcNow();
        var (first, wasCreated) = await this.store.UpsertTargetAsync(this.tenant, "web", "9.0.0", "webapi");
        this.storage.Clock.Advance(TimeSpan.FromHours(1));

        var (second, createdAgain) = await this.store.UpsertTargetAsync(this.tenant, "web", "10.0.0", "worker");

        Assert.True(wasCreated);
        Assert.False(createdAgain);
        Assert.Equal(new TargetRecord(this.tenant, "web", "10.0.0", "worker", created, created.AddHours(1)), second);
        Assert.Equal(second, await this.store.GetTargetAsync(this.tenant, "web"));
        Assert.Equal(created, first.CreatedAt);
    }

    [Fact]
    public async Task GetTargetAsync_Unknown_ReturnsNull() =>
        Assert.Null(await this.store.GetTargetAsync(this.tenant, "missing"));

    [Fact]
    public async Task RecordInstalledAssetsAsync_SameInstallationTwice_KeepsTheFirstRows()
    {
        var first = await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-1", [new("contoso.api", "1.0.0"), new("contoso.log", "2.0.0")]);
        this.storage.Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-1", [new("contoso.api", "1.0.0"), new("contoso.log", "2.0.0")]);

        Assert.Equal(first, again);
        Assert.Equal(first.OrderBy(a => a.AssetId), await this.store.ListInstalledAssetsAsync(this.tenant, "web"));
    }

    [Fact]
    public async Task RecordInstalledAssetsAsync_Upgrade_ReplacesTheAssetsRow()
    {
        await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-1", [new("contoso.api", "1.0.0")]);

        await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-2", [new("contoso.api", "2.0.0")]);

        var row = Assert.Single(await this.store.ListInstalledAssetsAsync(this.tenant, "web"));
        Assert.Equal(("2.0.0", "inst-2"), (row.Version, row.InstallationId));
    }

    [Fact]
    public async Task RemoveInstalledAssetsAsync_TwoInstallations_RemovesOnlyThatInstallationsRows()
    {
        await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-1", [new("contoso.api", "1.0.0")]);
        await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-2", [new("contoso.log", "1.0.0"), new("contoso.ui", "1.0.0")]);

        var removed = await this.store.RemoveInstalledAssetsAsync(this.tenant, "web", "inst-2");

        Assert.Equal(2, removed);
        Assert.Equal(["contoso.api"], (await this.store.ListInstalledAssetsAsync(this.tenant, "web")).Select(a => a.AssetId));
    }

    [Fact]
    public async Task RecordArtifactsAsync_Twice_IsIdempotentAndListsByPath()
    {
        AppliedFile[] files = [new("src/b.cs", "bb", "contoso.api", "1.0.0"), new("a.md", "aa", "contoso.api", "1.0.0")];
        await this.store.RecordArtifactsAsync(this.tenant, "web", "inst-1", files);

        await this.store.RecordArtifactsAsync(this.tenant, "web", "inst-1", files);

        var listed = await this.store.ListArtifactsAsync(this.tenant, "web");
        Assert.Equal(["a.md", "src/b.cs"], listed.Select(a => a.Path));
        Assert.Equal(new InstalledArtifactRecord(this.tenant, "web", "a.md", "aa", "contoso.api", "1.0.0", "inst-1"), listed[0]);
        Assert.Equal(listed[1], await this.store.GetArtifactAsync(this.tenant, "web", "src/b.cs"));
    }

    [Fact]
    public async Task RemoveArtifactsAsync_TwoInstallations_RemovesOnlyThatInstallationsRows()
    {
        await this.store.RecordArtifactsAsync(this.tenant, "web", "inst-1", [new("a.md", "aa", "contoso.api", "1.0.0")]);
        await this.store.RecordArtifactsAsync(this.tenant, "web", "inst-2", [new("b.md", "bb", "contoso.log", "1.0.0")]);

        Assert.Equal(1, await this.store.RemoveArtifactsAsync(this.tenant, "web", "inst-2"));
        Assert.Equal(["a.md"], (await this.store.ListArtifactsAsync(this.tenant, "web")).Select(a => a.Path));
    }

    [Fact]
    public async Task GrantEntitlementAsync_WithExpiry_IsLiveUntilItExpires()
    {
        var now = this.storage.Clock.GetUtcNow();
        var expires = now.AddDays(30);

        var granted = await this.store.GrantEntitlementAsync(this.tenant, "contoso.premium", expires, "billing-bot");

        var read = await this.store.GetEntitlementAsync(this.tenant, "contoso.premium");
        Assert.Equal(new EntitlementRecord(this.tenant, "contoso.premium", expires, now, "billing-bot"), read);
        Assert.Equal(granted, read);
        Assert.True(read!.IsLive(now.AddDays(29)));
        Assert.False(read.IsLive(expires));
    }

    [Fact]
    public async Task GrantEntitlementAsync_RenewWithoutExpiry_ReplacesExpiry()
    {
        await this.store.GrantEntitlementAsync(this.tenant, "contoso.premium", this.storage.Clock.GetUtcNow().AddDays(-1), "billing");

        await this.store.GrantEntitlementAsync(this.tenant, "contoso.premium", null, "billing");

        var read = await this.store.GetEntitlementAsync(this.tenant, "contoso.premium");
        Assert.Null(read!.ExpiresAt);
        Assert.True(read.IsLive(DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task RevokeEntitlementAsync_GrantedThenAgain_RemovesThenReportsAbsent()
    {
        await this.store.GrantEntitlementAsync(this.tenant, "contoso.premium", null, "billing");

        Assert.True(await this.store.RevokeEntitlementAsync(this.tenant, "contoso.premium"));
        Assert.False(await this.store.RevokeEntitlementAsync(this.tenant, "contoso.premium"));
        Assert.Null(await this.store.GetEntitlementAsync(this.tenant, "contoso.premium"));
    }

    [Fact]
    public async Task ListEntitlementsAsync_SeveralGrants_ListsTheTenantsByAssetId()
    {
        await this.store.GrantEntitlementAsync(this.tenant, "contoso.b", null, "billing");
        await this.store.GrantEntitlementAsync(this.tenant, "contoso.a", this.storage.Clock.GetUtcNow().AddDays(1), "billing");

        Assert.Equal(["contoso.a", "contoso.b"], (await this.store.ListEntitlementsAsync(this.tenant)).Select(e => e.AssetId));
    }

    [Fact]
    public async Task AnotherTenant_ReadingTenantAsRows_SeesNothing()
    {
        var other = InstallationStorage.NewTenant();
        await this.store.UpsertTargetAsync(this.tenant, "web", "9.0.0", "webapi");
        await this.store.RecordInstalledAssetsAsync(this.tenant, "web", "inst-1", [new("contoso.api", "1.0.0")]);
        await this.store.RecordArtifactsAsync(this.tenant, "web", "inst-1", [new("a.md", "aa", "contoso.api", "1.0.0")]);
        await this.store.GrantEntitlementAsync(this.tenant, "contoso.premium", null, "billing");

        Assert.Null(await this.store.GetTargetAsync(other, "web"));
        Assert.Empty(await this.store.ListTargetsAsync(other));
        Assert.Empty(await this.store.ListInstalledAssetsAsync(other, "web"));
        Assert.Null(await this.store.GetInstalledAssetAsync(other, "web", "contoso.api"));
        Assert.Empty(await this.store.ListArtifactsAsync(other, "web"));
        Assert.Null(await this.store.GetArtifactAsync(other, "web", "a.md"));
        Assert.Null(await this.store.GetEntitlementAsync(other, "contoso.premium"));
        Assert.Empty(await this.store.ListEntitlementsAsync(other));
        Assert.False(await this.store.RevokeEntitlementAsync(other, "contoso.premium"));
        Assert.Equal(0, await this.store.RemoveArtifactsAsync(other, "web", "inst-1"));
        Assert.Equal(0, await this.store.RemoveInstalledAssetsAsync(other, "web", "inst-1"));

        Assert.Single(await this.store.ListTargetsAsync(this.tenant));
        Assert.Single(await this.store.ListArtifactsAsync(this.tenant, "web"));
        Assert.Single(await this.store.ListInstalledAssetsAsync(this.tenant, "web"));
        Assert.NotNull(await this.store.GetEntitlementAsync(this.tenant, "contoso.premium"));
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("-lead")]
    public async Task GetTargetAsync_TenantIdWithSeparator_ThrowsArgumentException(string tenantId) =>
        await Assert.ThrowsAsync<ArgumentException>(() => this.store.GetTargetAsync(tenantId, "web"));
}
