using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Installation;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Installation;

[Collection(InstallationStorageGroup.Name)]
public sealed class TargetApplierTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Target = "web";
    private const string Install = "inst-upgrade";
    private readonly string tenant = InstallationStorage.NewTenant();
    private InstallationStorage storage = null!;
    private TargetApplier applier = null!;
    private TargetSnapshot before = null!;

    public async Task InitializeAsync()
    {
        this.storage = await InstallationStorage.CreateAsync(azurite);
        this.applier = this.storage.Applier();

        // The target already holds contoso.api 1.0.0 (README.md, src/Keep.cs) from a committed installation.
        await this.applier.ApplyAsync(new TargetApplyRequest(this.tenant, Target, "inst-seed", [new("contoso.api", "1.0.0")],
            [File("README.md", "contoso.api", "1.0.0", "# v1 readme\n"), File("src/Keep.cs", "contoso.api", "1.0.0", "class Keep {}")]));
        await this.applier.CommitAsync(this.tenant, Target, "inst-seed");
        this.storage.Clock.Advance(TimeSpan.FromMinutes(10));
        this.before = await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ApplyAsync_OneOverwriteTwoNew_WritesFilesAndRecordsRows()
    {
        var token = await this.applier.ApplyAsync(this.Upgrade());

        var after = await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target);
        Assert.Equal(new RollbackToken(this.tenant, Target, Install, 4), token);
        Assert.Equal(["README.md", "src/A.cs", "src/B.cs", "src/Keep.cs"], after.Files.Select(f => f.Path));
        Assert.Equal(Hex("# v2 readme\n"), after.Files[0].Hex);
        Assert.Equal(Hex("class Keep {}"), after.Files[3].Hex);
        Assert.Equal(
            [("README.md", Install, Sha("# v2 readme\n")), ("src/A.cs", Install, Sha("class A {}")), ("src/B.cs", Install, Sha("class B {}")), ("src/Keep.cs", "inst-seed", Sha("class Keep {}"))],
            after.Artifacts.Select(a => (a.Path, a.InstallationId, a.Sha256)));
        var installed = Assert.Single(after.Installed);
        Assert.Equal(("2.0.0", Install), (installed.Version, installed.InstallationId));
    }

    [Fact]
    public async Task RollbackAsync_AfterSuccessfulApply_RestoresTargetByteForByte()
    {
        await this.applier.ApplyAsync(this.Upgrade());

        var covered = await this.applier.RollbackAsync(this.tenant, Target, Install);

        Assert.Equal(3, covered);
        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
        Assert.Equal(JournalStates.RolledBack, await this.storage.Journal().GetStateAsync(this.tenant, Target, Install));
        Assert.Empty(await this.RollbackBlobsAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RollbackAsync_WriteFailedAtFileN_RestoresTargetByteForByte(int failAt)
    {
        var failure = await Assert.ThrowsAsync<IOException>(() => this.applier.ApplyAsync(this.Upgrade(), FailAt(failAt)));
        Assert.Contains($"#{failAt}", failure.Message, StringComparison.Ordinal);

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_Twice_SecondRunLeavesTargetRestored()
    {
        await this.applier.ApplyAsync(this.Upgrade());
        await this.applier.RollbackAsync(this.tenant, Target, Install);

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_CrashAfterJournalBeforeWrite_RestoresTargetByteForByte()
    {
        // The hook runs once the entry for src/A.cs is durable: throwing there is a crash between journal and write.
        await Assert.ThrowsAsync<IOException>(() => this.applier.ApplyAsync(this.Upgrade(), FailAt(1)));
        var journal = this.storage.Journal();
        var entries = await journal.ListFileEntriesAsync(this.tenant, Target, Install);
        Assert.Equal([("README.md", true), ("src/A.cs", false)], entries.Select(e => (e.Path, e.Existed)));
        Assert.Equal(Sha("# v1 readme\n"), entries[0].Sha256);
        Assert.False(await this.storage.FileStore().ExistsAsync(this.tenant, Target, "src/A.cs"));

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_AfterFailedThenRetriedApply_RestoresOriginalNotHalfWrittenState()
    {
        await Assert.ThrowsAsync<IOException>(() => this.applier.ApplyAsync(this.Upgrade(), FailAt(2)));
        await this.applier.ApplyAsync(this.Upgrade());

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_CrashedMidRollback_RerunRestoresTarget()
    {
        await this.applier.ApplyAsync(this.Upgrade());
        // A rollback that died after restoring one file: README.md is back, the rest is not.
        await this.storage.FileStore().WriteAsync(this.tenant, Target, "README.md", new MemoryStream(Encoding.UTF8.GetBytes("# v1 readme\n")));

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_RemovedPath_PutsFileAndOwnerBack()
    {
        var request = this.Upgrade() with { RemovedPaths = ["src/Keep.cs"] };
        await this.applier.ApplyAsync(request);
        Assert.False(await this.storage.FileStore().ExistsAsync(this.tenant, Target, "src/Keep.cs"));
        Assert.Null(await this.storage.TargetStore().GetArtifactAsync(this.tenant, Target, "src/Keep.cs"));

        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
    }

    [Fact]
    public async Task RollbackAsync_NeverApplied_ChangesNothingAndRefusesLateApply()
    {
        await this.applier.RollbackAsync(this.tenant, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
        await Assert.ThrowsAsync<InvalidOperationException>(() => this.applier.ApplyAsync(this.Upgrade()));
    }

    [Fact]
    public async Task CommitAsync_AfterApply_DeletesPriorBytesKeepsSummaryAndRefusesRollback()
    {
        await this.applier.ApplyAsync(this.Upgrade());
        Assert.Single(await this.RollbackBlobsAsync());

        await this.applier.CommitAsync(this.tenant, Target, Install);
        await this.applier.CommitAsync(this.tenant, Target, Install);

        Assert.Empty(await this.RollbackBlobsAsync());
        Assert.Equal(3, (await this.storage.Journal().ListFileEntriesAsync(this.tenant, Target, Install)).Count);
        Assert.Equal(JournalStates.Committed, await this.storage.Journal().GetStateAsync(this.tenant, Target, Install));
        await Assert.ThrowsAsync<InvalidOperationException>(() => this.applier.RollbackAsync(this.tenant, Target, Install));
        await Assert.ThrowsAsync<InvalidOperationException>(() => this.applier.ApplyAsync(this.Upgrade()));
    }

    [Fact]
    public async Task CommitAsync_AfterRollback_Throws()
    {
        await this.applier.ApplyAsync(this.Upgrade());
        await this.applier.RollbackAsync(this.tenant, Target, Install);

        await Assert.ThrowsAsync<InvalidOperationException>(() => this.applier.CommitAsync(this.tenant, Target, Install));
    }

    [Fact]
    public async Task ApplyAsync_SameTargetIdInAnotherTenant_LeavesThisTenantUntouched()
    {
        var other = InstallationStorage.NewTenant();

        await this.applier.ApplyAsync(this.Upgrade() with { TenantId = other });
        await this.applier.RollbackAsync(other, Target, Install);

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
        Assert.Null(await this.storage.Journal().GetStateAsync(this.tenant, Target, Install));
        var otherAfter = await TargetSnapshot.TakeAsync(this.storage, other, Target);
        Assert.Empty(otherAfter.Files);
        Assert.Empty(otherAfter.Artifacts);
        Assert.Empty(otherAfter.Installed);
    }

    [Fact]
    public async Task ApplyAsync_RepeatedPath_ThrowsBeforeTouchingTarget()
    {
        var request = this.Upgrade() with { RemovedPaths = ["src/A.cs"] };

        await Assert.ThrowsAsync<ArgumentException>(() => this.applier.ApplyAsync(request));

        this.before.AssertSameAs(await TargetSnapshot.TakeAsync(this.storage, this.tenant, Target));
        Assert.Null(await this.storage.Journal().GetStateAsync(this.tenant, Target, Install));
    }

    private static Func<string, int, Task> FailAt(int failAt) => (path, index) =>
        index == failAt ? throw new IOException($"injected failure before write #{index} ({path})") : Task.CompletedTask;

    private static TargetFileWrite File(string path, string assetId, string version, string text) =>
        new(path, assetId, version, _ => ValueTask.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text))));

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private TargetApplyRequest Upgrade() => new(this.tenant, Target, Install, [new AssetVersionRef("contoso.api", "2.0.0")],
        [File("README.md", "contoso.api", "2.0.0", "# v2 readme\n"), File("src/A.cs", "contoso.api", "2.0.0", "class A {}"), File("src/B.cs", "contoso.api", "2.0.0", "class B {}")]);

    private async Task<List<string>> RollbackBlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in this.storage.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{this.tenant}/{Target}/rollback/" }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
