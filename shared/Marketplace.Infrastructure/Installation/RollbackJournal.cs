using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Catalog;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// The durable record of what an installation overwrote: one row per touched path (did it exist, its SHA-256, its
/// artifact row) with its prior bytes saved to <c>targets/{tenantId}/{targetId}/rollback/{installationId}/{pathHash}</c>,
/// and one row per replaced installed-asset row. Rows live in partition <c>{tenantId}|{targetId}|{installationId}</c>.
/// The first entry for a path wins, so a retried apply keeps the original prior state.
/// </summary>
/// <remarks>
/// Prior bytes are named by path hash rather than sequence number so that a retry whose plan differs can never
/// overwrite another path's saved bytes. The bytes are saved before the row is added, so a row always has its bytes.
/// </remarks>
public sealed class RollbackJournal(TableServiceClient tables, BlobServiceClient blobs, TimeProvider clock)
{
    private const string SummaryKey = "summary";
    private const string FilePrefix = "file-";
    private const string AssetPrefix = "asset-";

    private readonly TableClient table = tables.GetTableClient(InstallationStorageNames.RollbackJournalTable);
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(InstallationStorageNames.TargetsContainer);

    /// <summary>The journal's state (see <see cref="JournalStates"/>), or <see langword="null"/> when there is none.</summary>
    public async Task<string?> GetStateAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default)
    {
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Journal(tenantId, targetId, installationId), SummaryKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("State") : null;
    }

    /// <summary>The file entries, in the order the apply touched them.</summary>
    public async Task<IReadOnlyList<JournalFileEntry>> ListFileEntriesAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default) =>
        [.. (await this.RowsAsync(tenantId, targetId, installationId, FilePrefix, cancellationToken)).Select(ToFileEntry).OrderBy(e => e.Sequence)];

    /// <summary>The installed-asset entries.</summary>
    public async Task<IReadOnlyList<JournalAssetEntry>> ListAssetEntriesAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default) =>
        [.. (await this.RowsAsync(tenantId, targetId, installationId, AssetPrefix, cancellationToken)).Select(ToAssetEntry)];

    /// <summary>Creates the journal in <see cref="JournalStates.Applying"/> if it does not exist; returns its state.</summary>
    internal async Task<string> BeginAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken)
    {
        var partition = InstallationKeys.Journal(tenantId, targetId, installationId);
        var entity = new TableEntity(partition, SummaryKey) { ["State"] = JournalStates.Applying, ["StartedAt"] = clock.GetUtcNow() };
        try
        {
            await this.table.AddEntityAsync(entity, cancellationToken);
            return JournalStates.Applying;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return await this.GetStateAsync(tenantId, targetId, installationId, cancellationToken) ?? JournalStates.Applying;
        }
    }

    /// <summary>Sets the journal's state.</summary>
    internal Task SetStateAsync(string tenantId, string targetId, string installationId, string state, CancellationToken cancellationToken) =>
        this.table.UpsertEntityAsync(
            new TableEntity(InstallationKeys.Journal(tenantId, targetId, installationId), SummaryKey) { ["State"] = state, ["UpdatedAt"] = clock.GetUtcNow() },
            TableUpdateMode.Merge, cancellationToken);

    /// <summary>The entry of a path, or <see langword="null"/> when the installation has not touched it yet.</summary>
    internal async Task<JournalFileEntry?> GetFileEntryAsync(string tenantId, string targetId, string installationId, string path, CancellationToken cancellationToken)
    {
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(
            InstallationKeys.Journal(tenantId, targetId, installationId), FilePrefix + InstallationKeys.PathKey(path), cancellationToken: cancellationToken);
        return row.HasValue ? ToFileEntry(row.Value!) : null;
    }

    /// <summary>
    /// Saves what <paramref name="path"/> holds now (bytes and artifact row) unless it is already journaled,
    /// and returns the entry that is in the journal (the first one wins).
    /// </summary>
    internal async Task<JournalFileEntry> RecordFileAsync(
        string tenantId, string targetId, string installationId, string path, int sequence, InstalledArtifactRecord? priorArtifact, CancellationToken cancellationToken)
    {
        var existing = await this.GetFileEntryAsync(tenantId, targetId, installationId, path, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var sha256 = await this.SavePriorBytesAsync(tenantId, targetId, installationId, path, cancellationToken);
        var entry = new JournalFileEntry(path, sequence, sha256 is not null, sha256, priorArtifact);
        var entity = new TableEntity(InstallationKeys.Journal(tenantId, targetId, installationId), FilePrefix + InstallationKeys.PathKey(path))
        {
            ["Path"] = path, ["Sequence"] = sequence, ["Existed"] = entry.Existed, ["Sha256"] = sha256,
            ["PriorArtifact"] = priorArtifact is null ? null : TableJson.Write(priorArtifact), ["JournaledAt"] = clock.GetUtcNow(),
        };
        return await this.AddOrKeepAsync(entity, entry, cancellationToken);
    }

    /// <summary>Saves an asset id's installed-asset row unless it is already journaled.</summary>
    internal async Task RecordAssetAsync(
        string tenantId, string targetId, string installationId, string assetId, Func<Task<InstalledAssetRecord?>> readPrior, CancellationToken cancellationToken)
    {
        var partition = InstallationKeys.Journal(tenantId, targetId, installationId);
        var key = AssetPrefix + InstallationKeys.Id(assetId, nameof(assetId));
        if ((await this.table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var prior = await readPrior();
        var entity = new TableEntity(partition, key)
        {
            ["AssetId"] = assetId, ["PriorInstalled"] = prior is null ? null : TableJson.Write(prior), ["JournaledAt"] = clock.GetUtcNow(),
        };
        try
        {
            await this.table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Another attempt journaled it first: its prior row is the original one.
        }
    }

    /// <summary>How many file and asset entries the journal holds.</summary>
    internal async Task<int> CountEntriesAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken) =>
        (await this.RowsAsync(tenantId, targetId, installationId, null, cancellationToken)).Count;

    /// <summary>Opens the saved prior bytes of a path.</summary>
    internal async Task<Stream> OpenPriorBytesAsync(string tenantId, string targetId, string installationId, string path, CancellationToken cancellationToken)
    {
        try
        {
            var download = await this.PriorBlob(tenantId, targetId, installationId, path).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"The saved prior bytes of '{path}' for installation {installationId} are missing; the target cannot be restored.", e);
        }
    }

    /// <summary>Deletes every saved prior byte of the installation (idempotent).</summary>
    internal async Task DeletePriorBytesAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken)
    {
        var prefix = InstallationKeys.RollbackPrefix(tenantId, targetId, installationId);
        await foreach (var item in this.container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            await this.container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken);
        }
    }

    private async Task<string?> SavePriorBytesAsync(string tenantId, string targetId, string installationId, string path, CancellationToken cancellationToken)
    {
        Stream current;
        try
        {
            var download = await this.container.GetBlobClient(InstallationKeys.FileBlob(tenantId, targetId, path))
                .DownloadStreamingAsync(cancellationToken: cancellationToken);
            current = download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        await using (current)
        {
            var (sha256, _) = await BlockBlobWriter.WriteAsync(this.PriorBlob(tenantId, targetId, installationId, path), current, cancellationToken);
            return sha256;
        }
    }

    private async Task<JournalFileEntry> AddOrKeepAsync(TableEntity entity, JournalFileEntry added, CancellationToken cancellationToken)
    {
        try
        {
            await this.table.AddEntityAsync(entity, cancellationToken);
            return added;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var winner = await this.table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            return ToFileEntry(winner.Value);
        }
    }

    private async Task<List<TableEntity>> RowsAsync(string tenantId, string targetId, string installationId, string? prefix, CancellationToken cancellationToken)
    {
        var partition = InstallationKeys.Journal(tenantId, targetId, installationId);
        var rows = new List<TableEntity>();
        await foreach (var row in this.table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey != SummaryKey && (prefix is null || row.RowKey.StartsWith(prefix, StringComparison.Ordinal)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private BlockBlobClient PriorBlob(string tenantId, string targetId, string installationId, string path) =>
        this.container.GetBlockBlobClient(InstallationKeys.RollbackPrefix(tenantId, targetId, installationId) + InstallationKeys.PathKey(path));

    private static JournalFileEntry ToFileEntry(TableEntity e) => new(
        e.GetString("Path") ?? "", e.GetInt32("Sequence") ?? 0, e.GetBoolean("Existed") ?? false, e.GetString("Sha256"),
        TableJson.Read<InstalledArtifactRecord?>(e.GetString("PriorArtifact"), null));

    private static JournalAssetEntry ToAssetEntry(TableEntity e) => new(
        e.GetString("AssetId") ?? "", TableJson.Read<InstalledAssetRecord?>(e.GetString("PriorInstalled"), null));
}
