using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;

namespace Marketplace.Infrastructure.Catalog;

/// <summary>Publications on Table Storage; state changes are conditional (ETag) and idempotent per step.</summary>
public sealed class TablePublicationStore(TableServiceClient tables, TimeProvider clock) : IPublicationStore
{
    /// <summary>At most this many findings are kept, so a hostile package cannot overflow a table row.</summary>
    public const int MaxFindings = 200;

    private readonly TableClient table = tables.GetTableClient(CatalogTables.Publications);

    /// <inheritdoc />
    public async Task<PublicationRecord?> GetAsync(string publicationId, CancellationToken cancellationToken = default)
    {
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(publicationId, "", cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<(PublicationRecord Publication, bool Created)> CreateAsync(PublicationRecord publication, CancellationToken cancellationToken = default)
    {
        try
        {
            await this.table.AddEntityAsync(FromRecord(publication, lastStep: 0), cancellationToken);
            return (publication, true);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return ((await this.GetAsync(publication.PublicationId, cancellationToken))!, false);
        }
    }

    /// <inheritdoc />
    public async Task<PublicationRecord> ResubmitAsync(PublicationRecord publication, CancellationToken cancellationToken = default)
    {
        await this.table.UpsertEntityAsync(FromRecord(publication, lastStep: 0), TableUpdateMode.Replace, cancellationToken);
        return publication;
    }

    /// <inheritdoc />
    public async Task<PublicationRecord> RecordStateAsync(
        string publicationId, int step, string state, IReadOnlyList<Finding>? findings, string? note,
        string? assetId = null, string? version = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = (await this.table.GetEntityAsync<TableEntity>(publicationId, "", cancellationToken: cancellationToken)).Value;
            var current = ToRecord(row);
            if ((row.GetInt32("LastStep") ?? 0) >= step)
            {
                return current; // A retried activity: this step is already recorded.
            }

            var now = clock.GetUtcNow();
            var allFindings = current.Findings.Concat(findings ?? []).Distinct().ToList();
            if (allFindings.Count > MaxFindings)
            {
                var dropped = allFindings.Count - MaxFindings + 1;
                allFindings = [.. allFindings.Take(MaxFindings - 1), Finding.Warning("findings.truncated", null, $"{dropped} more findings were not kept.")];
            }

            var updated = current with
            {
                State = state,
                AssetId = assetId ?? current.AssetId,
                Version = version ?? current.Version,
                Findings = allFindings,
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
                // Someone else wrote in between: read again and re-apply.
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublicationRecord>> ListByPublisherAsync(string publisherId, int take, CancellationToken cancellationToken = default)
    {
        var list = new List<PublicationRecord>();
        await foreach (var row in this.table.QueryAsync<TableEntity>(e => e.GetString("PublisherId") == publisherId, cancellationToken: cancellationToken))
        {
            list.Add(ToRecord(row));
        }

        return list.OrderByDescending(p => p.SubmittedAt).Take(take).ToList();
    }

    private static PublicationRecord ToRecord(TableEntity e) => new(
        e.PartitionKey, e.GetString("PublisherId") ?? "", e.GetString("AssetId"), e.GetString("Version"),
        e.GetString("ContentHash") ?? "", e.GetInt64("Size") ?? 0, e.GetString("Source") ?? "http",
        e.GetString("State") ?? PublicationStates.Submitted,
        TableJson.Read<IReadOnlyList<Finding>>(e.GetString("Findings"), []),
        TableJson.Read<IReadOnlyList<PublicationHistoryEntry>>(e.GetString("History"), []),
        e.GetDateTimeOffset("SubmittedAt") ?? default, e.GetDateTimeOffset("UpdatedAt") ?? default);

    private static TableEntity FromRecord(PublicationRecord p, int lastStep) => new(p.PublicationId, "")
    {
        ["PublisherId"] = p.PublisherId, ["AssetId"] = p.AssetId, ["Version"] = p.Version, ["ContentHash"] = p.ContentHash,
        ["Size"] = p.Size, ["Source"] = p.Source, ["State"] = p.State, ["Findings"] = TableJson.Write(p.Findings),
        ["History"] = TableJson.Write(p.History), ["SubmittedAt"] = p.SubmittedAt, ["UpdatedAt"] = p.UpdatedAt, ["LastStep"] = lastStep,
    };
}
