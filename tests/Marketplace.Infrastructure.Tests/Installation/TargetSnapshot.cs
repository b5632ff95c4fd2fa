using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Installation;

namespace Marketplace.Infrastructure.Tests.Installation;

/// <summary>Everything observable about a target: every file's exact bytes, its artifact rows and installed-asset rows.</summary>
internal sealed record TargetSnapshot(
    IReadOnlyList<TargetSnapshot.FileBytes> Files,
    IReadOnlyList<InstalledArtifactRecord> Artifacts,
    IReadOnlyList<InstalledAssetRecord> Installed)
{
    public static async Task<TargetSnapshot> TakeAsync(InstallationStorage storage, string tenantId, string targetId)
    {
        var files = storage.FileStore();
        var bytes = new List<FileBytes>();
        foreach (var file in await files.ListAsync(tenantId, targetId))
        {
            await using var stream = await files.OpenReadAsync(tenantId, targetId, file.Path) ?? throw new InvalidOperationException(file.Path);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.Add(new FileBytes(file.Path, Convert.ToHexString(copy.ToArray())));
        }

        var store = storage.TargetStore();
        return new TargetSnapshot(bytes, await store.ListArtifactsAsync(tenantId, targetId), await store.ListInstalledAssetsAsync(tenantId, targetId));
    }

    /// <summary>Asserts that two snapshots are identical, list by list.</summary>
    public void AssertSameAs(TargetSnapshot other)
    {
        Assert.Equal(this.Files, other.Files);
        Assert.Equal(this.Artifacts, other.Artifacts);
        Assert.Equal(this.Installed, other.Installed);
    }

    public sealed record FileBytes(string Path, string Hex);
}
