using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Installation;
using static Marketplace.Infrastructure.Installation.InstallationEntities;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// Targets, their installed assets and artifacts, and tenants' entitlements on Table Storage. Every method takes the
/// tenant id and builds it into the partition key, so a tenant can only ever reach its own rows.
/// </summary>
public sealed class TableTargetStore(TableServiceClient tables, TimeProvider clock)
{
    private readonly TableClient targets = tables.GetTableClient(InstallationStorageNames.TargetsTable);
    private readonly TableClient installed = tables.GetTableClient(InstallationStorageNames.InstalledAssetsTable);
    private readonly TableClient artifacts = tables.GetTableClient(InstallationStorageNames.InstalledArtifactsTable);
    private readonly TableClient entitlements = tables.GetTableClient(InstallationStorageNames.EntitlementsTable);

    /// <summary>Creates or updates a target; returns it and whether it was created.</summary>
    public async Task<(TargetRecord Target, bool Created)> UpsertTargetAsync(
        string tenantId, string targetId, string runtime, string projectType, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var existing = await this.GetTargetAsync(tenantId, targetId, cancellationToken);
        var record = existing is null
            ? new TargetRecord(tenantId, targetId, runtime, projectType, now, now)
            : existing with { Runtime = runtime, ProjectType = projectType, UpdatedAt = now };
        await this.targets.UpsertEntityAsync(FromTarget(record), TableUpdateMode.Replace, cancellationToken);
        return (record, existing is null);
    }

    /// <summary>The target, or <see langword="null"/> when the tenant has no such target.</summary>
    public async Task<TargetRecord?> GetTargetAsync(string tenantId, string targetId, CancellationToken cancellationToken = default)
    {
        var row = await this.targets.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Id(tenantId, nameof(tenantId)), InstallationKeys.Id(targetId, nameof(targetId)), cancellationToken: cancellationToken);
        return row.HasValue ? ToTarget(row.Value!) : null;
    }

    /// <summary>The tenant's targets, ordered by id.</summary>
    public Task<IReadOnlyList<TargetRecord>> ListTargetsAsync(string tenantId, CancellationToken cancellationToken = default) =>
        QueryAsync(this.targets, InstallationKeys.Id(tenantId, nameof(tenantId)), null, ToTarget, cancellationToken);

    /// <summary>The assets installed in a target, ordered by asset id.</summary>
    public Task<IReadOnlyList<InstalledAssetRecord>> ListInstalledAssetsAsync(string tenantId, string targetId, CancellationToken cancellationToken = default) =>
        QueryAsync(this.installed, InstallationKeys.Target(tenantId, targetId), null, ToInstalledAsset, cancellationToken);

    /// <summary>One installed asset of a target, or <see langword="null"/>.</summary>
    public async Task<InstalledAssetRecord?> GetInstalledAssetAsync(string tenantId, string targetId, string assetId, CancellationToken cancellationToken = default)
    {
        var row = await this.installed.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Target(tenantId, targetId), InstallationKeys.Id(assetId, nameof(assetId)), cancellationToken: cancellationToken);
        return row.HasValue ? ToInstalledAsset(row.Value!) : null;
    }

    /// <summary>
    /// Records the asset versions an installation installed (replacing other versions of the same assets).
    /// Idempotent per installation: a row this installation already wrote is kept as it is.
    /// </summary>
    public async Task<IReadOnlyList<InstalledAssetRecord>> RecordInstalledAssetsAsync(
        string tenantId, string targetId, string installationId, IReadOnlyList<AssetVersionRef> assets, CancellationToken cancellationToken = default)
    {
        InstallationKeys.Id(installationId, nameof(installationId));
        var now = clock.GetUtcNow();
        var recorded = new List<InstalledAssetRecord>();
        foreach (var asset in assets)
        {
            var existing = await this.GetInstalledAssetAsync(tenantId, targetId, asset.AssetId, cancellationToken);
            if (existing is not null && existing.InstallationId == installationId && existing.Version == asset.Version)
            {
                recorded.Add(existing);
                continue;
            }

            var record = new InstalledAssetRecord(tenantId, targetId, asset.AssetId, asset.Version, installationId, now);
            await this.installed.UpsertEntityAsync(FromInstalledAsset(record), TableUpdateMode.Replace, cancellationToken);
            recorded.Add(record);
        }

        return recorded;
    }

    /// <summary>Removes the installed-asset rows an installation wrote; returns how many.</summary>
    public Task<int> RemoveInstalledAssetsAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default) =>
        DeleteWhereAsync(this.installed, InstallationKeys.Target(tenantId, targetId), InstallationKeys.Id(installationId, nameof(installationId)), cancellationToken);

    /// <summary>The files of a target and their owners, ordered by path.</summary>
    public async Task<IReadOnlyList<InstalledArtifactRecord>> ListArtifactsAsync(string tenantId, string targetId, CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync(this.artifacts, InstallationKeys.Target(tenantId, targetId), null, ToArtifact, cancellationToken))
            .OrderBy(a => a.Path, StringComparer.Ordinal)];

    /// <summary>The artifact row of one path, or <see langword="null"/>.</summary>
    public async Task<InstalledArtifactRecord?> GetArtifactAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken = default)
    {
        var row = await this.artifacts.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Target(tenantId, targetId), InstallationKeys.PathKey(path), cancellationToken: cancellationToken);
        return row.HasValue ? ToArtifact(row.Value!) : null;
    }

    /// <summary>Records the files an installation applied (one row per path: the latest writer owns it). Idempotent.</summary>
    public async Task<IReadOnlyList<InstalledArtifactRecord>> RecordArtifactsAsync(
        string tenantId, string targetId, string installationId, IReadOnlyList<AppliedFile> files, CancellationToken cancellationToken = default)
    {
        InstallationKeys.Id(installationId, nameof(installationId));
        var recorded = new List<InstalledArtifactRecord>();
        foreach (var file in files)
        {
            var record = new InstalledArtifactRecord(tenantId, targetId, file.Path, file.Sha256, file.AssetId, file.Version, installationId);
            await this.artifacts.UpsertEntityAsync(FromArtifact(record), TableUpdateMode.Replace, cancellationToken);
            recorded.Add(record);
        }

        return recorded;
    }

    /// <summary>Removes the artifact rows an installation wrote; returns how many.</summary>
    public Task<int> RemoveArtifactsAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default) =>
        DeleteWhereAsync(this.artifacts, InstallationKeys.Target(tenantId, targetId), InstallationKeys.Id(installationId, nameof(installationId)), cancellationToken);

    /// <summary>Grants (or renews) a tenant's entitlement to an asset; <paramref name="expiresAt"/> null means no expiry.</summary>
    public async Task<EntitlementRecord> GrantEntitlementAsync(
        string tenantId, string assetId, DateTimeOffset? expiresAt, string grantedBy, CancellationToken cancellationToken = default)
    {
        var record = new EntitlementRecord(
            InstallationKeys.Id(tenantId, nameof(tenantId)), InstallationKeys.Id(assetId, nameof(assetId)), expiresAt, clock.GetUtcNow(), grantedBy);
        await this.entitlements.UpsertEntityAsync(FromEntitlement(record), TableUpdateMode.Replace, cancellationToken);
        return record;
    }

    /// <summary>Revokes an entitlement; returns whether there was one.</summary>
    public async Task<bool> RevokeEntitlementAsync(string tenantId, string assetId, CancellationToken cancellationToken = default)
    {
        var response = await this.entitlements.DeleteEntityAsync(
            InstallationKeys.Id(tenantId, nameof(tenantId)), InstallationKeys.Id(assetId, nameof(assetId)), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>The tenant's entitlement to an asset (live or expired), or <see langword="null"/>.</summary>
    public async Task<EntitlementRecord?> GetEntitlementAsync(string tenantId, string assetId, CancellationToken cancellationToken = default)
    {
        var row = await this.entitlements.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Id(tenantId, nameof(tenantId)), InstallationKeys.Id(assetId, nameof(assetId)), cancellationToken: cancellationToken);
        return row.HasValue ? ToEntitlement(row.Value!) : null;
    }

    /// <summary>All the tenant's entitlements (live or expired), ordered by asset id.</summary>
    public Task<IReadOnlyList<EntitlementRecord>> ListEntitlementsAsync(string tenantId, CancellationToken cancellationToken = default) =>
        QueryAsync(this.entitlements, InstallationKeys.Id(tenantId, nameof(tenantId)), null, ToEntitlement, cancellationToken);

    /// <summary>Puts back an installed-asset row exactly as it was, or deletes it when there was none (rollback).</summary>
    internal async Task RestoreInstalledAssetAsync(string tenantId, string targetId, string assetId, InstalledAssetRecord? prior, CancellationToken cancellationToken)
    {
        if (prior is null)
        {
            await this.installed.DeleteEntityAsync(InstallationKeys.Target(tenantId, targetId), InstallationKeys.Id(assetId, nameof(assetId)), ETag.All, cancellationToken);
        }
        else
        {
            await this.installed.UpsertEntityAsync(FromInstalledAsset(prior), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Puts back an artifact row exactly as it was, or deletes it when there was none (rollback).</summary>
    internal async Task RestoreArtifactAsync(string tenantId, string targetId, string path, InstalledArtifactRecord? prior, CancellationToken cancellationToken)
    {
        if (prior is null)
        {
            await this.artifacts.DeleteEntityAsync(InstallationKeys.Target(tenantId, targetId), InstallationKeys.PathKey(path), ETag.All, cancellationToken);
        }
        else
        {
            await this.artifacts.UpsertEntityAsync(FromArtifact(prior), TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Deletes an artifact row (a file the installation removed).</summary>
    internal Task DeleteArtifactAsync(string tenantId, string targetId, string path, CancellationToken cancellationToken) =>
        this.artifacts.DeleteEntityAsync(InstallationKeys.Target(tenantId, targetId), InstallationKeys.PathKey(path), ETag.All, cancellationToken);

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(
        TableClient table, string partitionKey, string? installationId, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        var filter = installationId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and InstallationId eq {installationId}");
        var list = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(map(row));
        }

        return list;
    }

    private static async Task<int> DeleteWhereAsync(TableClient table, string partitionKey, string installationId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(table, partitionKey, installationId, e => e, cancellationToken);
        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        return rows.Count;
    }
}
