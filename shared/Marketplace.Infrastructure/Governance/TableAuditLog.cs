using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Events;

namespace Marketplace.Infrastructure.Governance;

/// <summary>
/// The append-only audit log on Table Storage. Partition <c>all</c> holds an <c>id_{id}</c> row and a
/// <c>t_{newest-first ticks}_{id}</c> row per entry, inserted together in one transaction (so an id is written once);
/// partition <c>s_{subjectId}</c> holds a copy of the time row for per-subject reads. Rows are only ever inserted:
/// no update, upsert or delete exists here.
/// </summary>
public sealed class TableAuditLog : IAuditLog
{
    private const string AllPartition = "all";
    private const string IdPrefix = "id_";
    private const string TimePrefix = "t_";

    private readonly TableClient table;
    private readonly CreateOnce created;

    /// <summary>Uses <see cref="EventStorageNames.AuditLogTable"/> (or <paramref name="tableName"/>).</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="tableName">The table.</param>
    public TableAuditLog(TableServiceClient tables, string tableName = EventStorageNames.AuditLogTable)
    {
        this.table = tables.GetTableClient(tableName);
        this.created = new CreateOnce(ct => this.table.CreateIfNotExistsAsync(ct));
    }

    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.SubjectId);
        await this.created.EnsureAsync(cancellationToken);
        var key = TableKeys.Encode(entry.Id);
        var timeKey = $"{TimePrefix}{TableKeys.NewestFirst(entry.At)}_{key}";
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, ToRow(AllPartition, IdPrefix + key, entry)),
            new(TableTransactionActionType.Add, ToRow(AllPartition, timeKey, entry)),
        ];
        try
        {
            await this.table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = await this.table.GetEntityAsync<TableEntity>(AllPartition, IdPrefix + key, cancellationToken: cancellationToken);
            if (FromRow(existing.Value) != entry)
            {
                throw new AuditEntryConflictException(entry.Id);
            }

            // The same entry again: a retry, possibly of one that stopped before its subject row.
        }

        try
        {
            await this.table.AddEntityAsync(ToRow(SubjectPartition(entry.SubjectId), timeKey, entry), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            // Written by an earlier attempt of this same entry.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? subjectId, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await this.created.EnsureAsync(cancellationToken);
        var partition = subjectId is null ? AllPartition : SubjectPartition(subjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TimePrefix} and RowKey lt {"t`"}");
        var list = new List<AuditEntry>();
        await foreach (var row in this.table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            list.Add(FromRow(row));
            if (list.Count == take)
            {
                break;
            }
        }

        return list;
    }

    private static string SubjectPartition(string subjectId) => "s_" + TableKeys.Encode(subjectId);

    private static TableEntity ToRow(string partition, string rowKey, AuditEntry entry) => new(partition, rowKey)
    {
        ["Id"] = entry.Id,
        ["Actor"] = entry.Actor,
        ["Action"] = entry.Action,
        ["SubjectType"] = entry.SubjectType,
        ["SubjectId"] = entry.SubjectId,
        ["Reason"] = entry.Reason,
        ["At"] = entry.At,
    };

    private static AuditEntry FromRow(TableEntity row) => new(
        row.GetString("Id") ?? "",
        row.GetString("Actor") ?? "",
        row.GetString("Action") ?? "",
        row.GetString("SubjectType") ?? "",
        row.GetString("SubjectId") ?? "",
        row.GetString("Reason") ?? "",
        row.GetDateTimeOffset("At") ?? default);
}
