using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Catalog;

namespace Marketplace.Infrastructure.Catalog;

/// <summary>The catalogue on Azure Table Storage (Azurite locally). Conditional writes with ETags keep it consistent.</summary>
public sealed class TableCatalogStore(TableServiceClient tables, TimeProvider clock) : ICatalogStore
{
    private readonly TableClient publishers = tables.GetTableClient(CatalogTables.Publishers);
    private readonly TableClient assets = tables.GetTableClient(CatalogTables.Assets);
    private readonly TableClient versions = tables.GetTableClient(CatalogTables.AssetVersions);

    /// <inheritdoc />
    public async Task<PublisherRecord?> GetPublisherAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        var row = await this.publishers.GetEntityIfExistsAsync<TableEntity>(publisherId, "", cancellationToken: cancellationToken);
        return row.HasValue ? ToPublisher(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<(PublisherRecord Publisher, bool Created)> UpsertPublisherAsync(
        string publisherId, string displayName, string trustTier, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var existing = await this.GetPublisherAsync(publisherId, cancellationToken);
        var record = existing is null
            ? new PublisherRecord(publisherId, displayName, trustTier, false, null, now, now)
            : existing with { DisplayName = displayName, TrustTier = trustTier, UpdatedAt = now };
        await this.publishers.UpsertEntityAsync(FromPublisher(record), TableUpdateMode.Replace, cancellationToken);
        return (record, existing is null);
    }

    /// <inheritdoc />
    public async Task<PublisherRecord?> SetPublisherSuspensionAsync(string publisherId, string? reason, CancellationToken cancellationToken = default)
    {
        var existing = await this.GetPublisherAsync(publisherId, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var record = existing with { Suspended = reason is not null, SuspensionReason = reason, UpdatedAt = clock.GetUtcNow() };
        await this.publishers.UpsertEntityAsync(FromPublisher(record), TableUpdateMode.Replace, cancellationToken);
        return record;
    }

    /// <inheritdoc />
    public async Task<AssetRecord?> GetAssetAsync(string assetId, CancellationToken cancellationToken = default)
    {
        var row = await this.assets.GetEntityIfExistsAsync<TableEntity>(assetId, "", cancellationToken: cancellationToken);
        return row.HasValue ? ToAsset(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<AssetRecord> UpsertAssetAsync(AssetRecord asset, CancellationToken cancellationToken = default)
    {
        var existing = await this.GetAssetAsync(asset.AssetId, cancellationToken);
        var record = asset with
        {
            Suspended = existing?.Suspended ?? asset.Suspended,
            SuspensionReason = existing?.SuspensionReason ?? asset.SuspensionReason,
            UpdatedAt = clock.GetUtcNow(),
        };
        await this.assets.UpsertEntityAsync(FromAsset(record), TableUpdateMode.Replace, cancellationToken);
        return record;
    }

    /// <inheritdoc />
    public async Task<AssetRecord?> SetAssetSuspensionAsync(string assetId, string? reason, CancellationToken cancellationToken = default)
    {
        var existing = await this.GetAssetAsync(assetId, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var record = existing with { Suspended = reason is not null, SuspensionReason = reason, UpdatedAt = clock.GetUtcNow() };
        await this.assets.UpsertEntityAsync(FromAsset(record), TableUpdateMode.Replace, cancellationToken);
        return record;
    }

    /// <inheritdoc />
    public async Task DeleteAssetIfEmptyAsync(string assetId, CancellationToken cancellationToken = default)
    {
        if ((await this.ListVersionsAsync(assetId, cancellationToken)).Count == 0)
        {
            await this.assets.DeleteEntityAsync(assetId, "", ETag.All, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<AssetVersionRecord?> GetVersionAsync(string assetId, string version, CancellationToken cancellationToken = default)
    {
        var row = await this.versions.GetEntityIfExistsAsync<TableEntity>(assetId, VersionKey(version), cancellationToken: cancellationToken);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssetVersionRecord>> ListVersionsAsync(string assetId, CancellationToken cancellationToken = default)
    {
        var list = new List<AssetVersionRecord>();
        await foreach (var row in this.versions.QueryAsync<TableEntity>(e => e.PartitionKey == assetId, cancellationToken: cancellationToken))
        {
            list.Add(ToVersion(row));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssetVersionRecord>> ListAvailableVersionsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<AssetVersionRecord>();
        await foreach (var row in this.versions.QueryAsync<TableEntity>($"State eq '{VersionStates.Available}'", cancellationToken: cancellationToken))
        {
            list.Add(ToVersion(row));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<VersionClaimResult> ClaimVersionAsync(
        string assetId, string version, string publicationId, string contentHash, long size,
        Func<AssetVersionRecord, Task<bool>> isAbandoned, CancellationToken cancellationToken = default)
    {
        var claim = new AssetVersionRecord(assetId, version, VersionStates.Claimed, contentHash, size, null, null, null, publicationId, null);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await this.versions.GetEntityIfExistsAsync<TableEntity>(assetId, VersionKey(version), cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                try
                {
                    await this.versions.AddEntityAsync(FromVersion(claim), cancellationToken);
                    return new VersionClaimResult(VersionClaimOutcome.Claimed, claim);
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
                {
                    continue; // Someone claimed it between our read and write: read again.
                }
            }

            var holder = ToVersion(row.Value!);
            if (holder.PublicationId == publicationId || holder.ContentHash == contentHash)
            {
                return new VersionClaimResult(VersionClaimOutcome.Claimed, holder);
            }

            if (holder.State == VersionStates.Available || !await isAbandoned(holder))
            {
                return new VersionClaimResult(VersionClaimOutcome.Conflict, holder);
            }

            try
            {
                await this.versions.UpdateEntityAsync(FromVersion(claim), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return new VersionClaimResult(VersionClaimOutcome.Claimed, claim);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                // Changed under us: read again.
            }
        }

        throw new InvalidOperationException($"Could not claim {assetId} {version}: the version row keeps changing.");
    }

    /// <inheritdoc />
    public async Task<bool> UpdateVersionAsync(AssetVersionRecord version, CancellationToken cancellationToken = default)
    {
        var row = await this.versions.GetEntityIfExistsAsync<TableEntity>(version.AssetId, VersionKey(version.Version), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString("PublicationId") != version.PublicationId)
        {
            return false;
        }

        try
        {
            await this.versions.UpdateEntityAsync(FromVersion(version), row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseVersionClaimAsync(string assetId, string version, string publicationId, CancellationToken cancellationToken = default)
    {
        var row = await this.versions.GetEntityIfExistsAsync<TableEntity>(assetId, VersionKey(version), cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetString("PublicationId") == publicationId)
        {
            try
            {
                await this.versions.DeleteEntityAsync(assetId, VersionKey(version), row.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Already gone, or taken over by another publication: nothing of ours to remove.
            }
        }
    }

    // Build metadata is ignored for identity ("1.0.0+a" is "1.0.0"), and '+' is awkward in keys.
    private static string VersionKey(string version) => version.Split('+')[0];

    private static PublisherRecord ToPublisher(TableEntity e) => new(
        e.PartitionKey, e.GetString("DisplayName") ?? e.PartitionKey, e.GetString("TrustTier") ?? TrustTiers.Standard,
        e.GetBoolean("Suspended") ?? false, e.GetString("SuspensionReason"),
        e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("UpdatedAt") ?? default);

    private static TableEntity FromPublisher(PublisherRecord p) => new(p.PublisherId, "")
    {
        ["DisplayName"] = p.DisplayName, ["TrustTier"] = p.TrustTier, ["Suspended"] = p.Suspended,
        ["SuspensionReason"] = p.SuspensionReason, ["CreatedAt"] = p.CreatedAt, ["UpdatedAt"] = p.UpdatedAt,
    };

    private static AssetRecord ToAsset(TableEntity e) => new(
        e.PartitionKey, e.GetString("PublisherId") ?? "", e.GetString("Kind") ?? "", e.GetString("DisplayName") ?? e.PartitionKey,
        e.GetString("Description") ?? "", TableJson.Read<IReadOnlyList<string>>(e.GetString("Tags"), []),
        e.GetBoolean("Suspended") ?? false, e.GetString("SuspensionReason"), e.GetDateTimeOffset("UpdatedAt") ?? default);

    private static TableEntity FromAsset(AssetRecord a) => new(a.AssetId, "")
    {
        ["PublisherId"] = a.PublisherId, ["Kind"] = a.Kind, ["DisplayName"] = a.DisplayName, ["Description"] = a.Description,
        ["Tags"] = TableJson.Write(a.Tags), ["Suspended"] = a.Suspended, ["SuspensionReason"] = a.SuspensionReason, ["UpdatedAt"] = a.UpdatedAt,
    };

    private static AssetVersionRecord ToVersion(TableEntity e) => new(
        e.PartitionKey, e.GetString("Version") ?? e.RowKey, e.GetString("State") ?? VersionStates.Claimed, e.GetString("ContentHash") ?? "",
        e.GetInt64("Size") ?? 0, e.GetString("ManifestJson"), e.GetString("Signature"), e.GetString("SigningKeyId"),
        e.GetString("PublicationId") ?? "", e.GetDateTimeOffset("ReleasedAt"));

    private static TableEntity FromVersion(AssetVersionRecord v) => new(v.AssetId, VersionKey(v.Version))
    {
        ["Version"] = v.Version, ["State"] = v.State, ["ContentHash"] = v.ContentHash, ["Size"] = v.Size,
        ["ManifestJson"] = v.ManifestJson, ["Signature"] = v.Signature, ["SigningKeyId"] = v.SigningKeyId,
        ["PublicationId"] = v.PublicationId, ["ReleasedAt"] = v.ReleasedAt,
    };
}
