using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Catalog;

namespace Marketplace.Infrastructure.Installation;

/// <summary>Installations on Table Storage, with a lock row per target so one installation changes a target at a time.</summary>
public sealed class TableInstallationStore(TableServiceClient tables, TimeProvider clock) : IInstallationStore
{
    /// <summary>The table name.</summary>
    public const string TableName = "Installations";

    private const int MaxFindings = 200;
    private readonly TableClient table = tables.GetTableClient(TableName);

    /// <inheritdoc />
    public async Task<InstallationRecord?> GetAsync(string installationId, CancellationToken cancellationToken = default)
    {
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(installationId, "", cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<(InstallationRecord Installation, bool Created)> CreateAsync(InstallationRecord installation, CancellationToken cancellationToken = default)
    {
        try
        {
            await this.table.AddEntityAsync(FromRecord(installation, 0), cancellationToken);
            return (installation, true);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return ((await this.GetAsync(installation.InstallationId, cancellationToken))!, false);
        }
    }

    /// <inheritdoc />
    public async Task<InstallationRecord> RecordStateAsync(
        string installationId, int step, string state, IReadOnlyList<Finding>? findings, string? note, InstallationUpdate? update,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = (await this.table.GetEntityAsync<TableEntity>(installationId, "", cancellationToken: cancellationToken)).Value;
            var current = ToRecord(row);
            if ((row.GetInt32("LastStep") ?? 0) >= step)
            {
                return current; // A retried activity: already recorded.
            }

            var now = clock.GetUtcNow();
            var updated = current with
            {
                State = state,
                Version = update?.Version ?? current.Version,
                Compatibility = update?.Compatibility ?? current.Compatibility,
                Resolved = update?.Resolved ?? current.Resolved,
                Artifacts = update?.Artifacts ?? current.Artifacts,
                Findings = [.. current.Findings.Concat(findings ?? []).Distinct().Take(MaxFindings)],
                History = [.. current.History, new PublicationHistoryEntry(state, now, note)],
                UpdatedAt = now,
            };
            try
            {
                await this.table.UpdateEntityAsync(FromRecord(updated, step), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return updated;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed && attempt < 5)
            {
                // Written in between: read again.
            }
        }
    }

    /// <inheritdoc />
    public async Task DeleteUnstartedAsync(string installationId, CancellationToken cancellationToken = default)
    {
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(installationId, "", cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetString("State") == InstallationStates.Requested)
        {
            try
            {
                await this.table.DeleteEntityAsync(installationId, "", row.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Gone, or it started after all: leave it.
            }
        }
    }

    /// <inheritdoc />
    public async Task<string> LockTargetAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default)
    {
        var key = LockKey(tenantId, targetId);
        try
        {
            await this.table.AddEntityAsync(new TableEntity(key, "") { ["InstallationId"] = installationId }, cancellationToken);
            return installationId;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            var holder = (await this.table.GetEntityAsync<TableEntity>(key, "", cancellationToken: cancellationToken)).Value;
            var holderId = holder.GetString("InstallationId") ?? "";
            var holding = await this.GetAsync(holderId, cancellationToken);
            if (holding is null || InstallationStates.IsTerminal(holding.State))
            {
                // A stale lock (its installation ended without freeing it): take it over.
                holder["InstallationId"] = installationId;
                await this.table.UpdateEntityAsync(holder, holder.ETag, TableUpdateMode.Replace, cancellationToken);
                return installationId;
            }

            return holderId;
        }
    }

    /// <inheritdoc />
    public async Task UnlockTargetAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default)
    {
        var key = LockKey(tenantId, targetId);
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(key, "", cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetString("InstallationId") == installationId)
        {
            try
            {
                await this.table.DeleteEntityAsync(key, "", row.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Already freed or taken over.
            }
        }
    }

    private static string LockKey(string tenantId, string targetId) => $"lock|{tenantId}|{targetId}";

    private static InstallationRecord ToRecord(TableEntity e) => new(
        e.PartitionKey, e.GetString("TenantId") ?? "", e.GetString("TargetId") ?? "", e.GetString("AssetId") ?? "",
        e.GetString("RequestedVersion"), e.GetString("Version"), e.GetString("State") ?? InstallationStates.Requested,
        TableJson.Read<CompatibilityVerdict?>(e.GetString("Compatibility"), null),
        TableJson.Read<IReadOnlyList<AssetVersionRef>>(e.GetString("Resolved"), []),
        TableJson.Read<IReadOnlyList<Finding>>(e.GetString("Findings"), []),
        TableJson.Read<IReadOnlyList<AppliedFile>>(e.GetString("Artifacts"), []),
        TableJson.Read<IReadOnlyList<PublicationHistoryEntry>>(e.GetString("History"), []),
        e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("UpdatedAt") ?? default);

    private static TableEntity FromRecord(InstallationRecord r, int lastStep) => new(r.InstallationId, "")
    {
        ["TenantId"] = r.TenantId, ["TargetId"] = r.TargetId, ["AssetId"] = r.AssetId, ["RequestedVersion"] = r.RequestedVersion,
        ["Version"] = r.Version, ["State"] = r.State,
        ["Compatibility"] = r.Compatibility is null ? null : TableJson.Write(r.Compatibility),
        ["Resolved"] = TableJson.Write(r.Resolved), ["Findings"] = TableJson.Write(r.Findings),
        ["Artifacts"] = TableJson.Write(r.Artifacts), ["History"] = TableJson.Write(r.History),
        ["CreatedAt"] = r.CreatedAt, ["UpdatedAt"] = r.UpdatedAt, ["LastStep"] = lastStep,
    };
}
