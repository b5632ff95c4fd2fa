using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Events;

namespace Marketplace.Infrastructure.Governance;

/// <summary>
/// Governance signals on Table Storage, in one partition: an <c>id_{id}</c> row and a <c>t_{newest-first ticks}_{id}</c>
/// row per signal, inserted together in one transaction, so a signal is stored once and listing reads newest first.
/// </summary>
public sealed class TableGovernanceSignalStore : IGovernanceSignalStore
{
    private const string Partition = "signals";
    private const string IdPrefix = "id_";
    private const string TimePrefix = "t_";

    private readonly TableClient table;
    private readonly CreateOnce created;

    /// <summary>Uses <see cref="EventStorageNames.GovernanceSignalsTable"/> (or <paramref name="tableName"/>).</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="tableName">The table.</param>
    public TableGovernanceSignalStore(TableServiceClient tables, string tableName = EventStorageNames.GovernanceSignalsTable)
    {
        this.table = tables.GetTableClient(tableName);
        this.created = new CreateOnce(ct => this.table.CreateIfNotExistsAsync(ct));
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(GovernanceSignal signal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal.Id);
        await this.created.EnsureAsync(cancellationToken);
        var key = TableKeys.Encode(signal.Id);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, ToRow(IdPrefix + key, signal)),
            new(TableTransactionActionType.Add, ToRow($"{TimePrefix}{TableKeys.NewestFirst(signal.RaisedAt)}_{key}", signal)),
        ];
        try
        {
            await this.table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GovernanceSignal>> ListAsync(int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await this.created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {TimePrefix} and RowKey lt {"t`"}");
        var list = new List<GovernanceSignal>();
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

    /// <inheritdoc />
    public async Task<GovernanceSignal?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await this.created.EnsureAsync(cancellationToken);
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + TableKeys.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    private static TableEntity ToRow(string rowKey, GovernanceSignal signal) => new(Partition, rowKey)
    {
        ["Id"] = signal.Id,
        ["SubjectType"] = signal.SubjectType.ToString(),
        ["SubjectId"] = signal.SubjectId,
        ["Reason"] = signal.Reason,
        ["Kind"] = signal.Kind.ToString(),
        ["Count"] = signal.Count,
        ["Window"] = signal.Window.ToString("c", CultureInfo.InvariantCulture),
        ["Action"] = signal.Action.ToString(),
        ["RaisedAt"] = signal.RaisedAt,
    };

    private static GovernanceSignal FromRow(TableEntity row) => new(
        row.GetString("Id") ?? "",
        Enum.Parse<GovernanceSubjectType>(row.GetString("SubjectType") ?? nameof(GovernanceSubjectType.Asset)),
        row.GetString("SubjectId") ?? "",
        row.GetString("Reason") ?? "",
        Enum.Parse<FailureKind>(row.GetString("Kind") ?? nameof(FailureKind.PublicationFailure)),
        row.GetInt32("Count") ?? 0,
        TimeSpan.ParseExact(row.GetString("Window") ?? "00:00:00", "c", CultureInfo.InvariantCulture),
        Enum.Parse<EscalationAction>(row.GetString("Action") ?? nameof(EscalationAction.None)),
        row.GetDateTimeOffset("RaisedAt") ?? default);
}
