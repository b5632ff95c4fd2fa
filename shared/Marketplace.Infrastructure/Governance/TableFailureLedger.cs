using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Events;

namespace Marketplace.Infrastructure.Governance;

/// <summary>
/// The failure ledger on Table Storage. Partition per (kind, subject type, subject id); one row per occurrence keyed
/// <c>o_{occurrenceId}</c> (insert only, so a retry records once) and one <c>mark</c> row holding the last escalation,
/// updated with ETags. Occurrences older than twice the longest window (by the clock) are pruned as new ones arrive.
/// </summary>
public sealed class TableFailureLedger : IFailureLedger
{
    private const string MarkKey = "mark";
    private const string OccurrencePrefix = "o_";

    private readonly TableClient table;
    private readonly EscalationOptions options;
    private readonly TimeProvider clock;
    private readonly CreateOnce created;

    /// <summary>Uses <see cref="EventStorageNames.FailureLedgerTable"/> (or <paramref name="tableName"/>).</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="options">The rules, for each kind's window.</param>
    /// <param name="clock">Decides what is old enough to prune.</param>
    /// <param name="tableName">The table.</param>
    public TableFailureLedger(TableServiceClient tables, EscalationOptions options, TimeProvider clock, string tableName = EventStorageNames.FailureLedgerTable)
    {
        this.table = tables.GetTableClient(tableName);
        this.options = options;
        this.clock = clock;
        this.created = new CreateOnce(ct => this.table.CreateIfNotExistsAsync(ct));
    }

    /// <inheritdoc />
    public async Task<int> RecordAsync(FailureOccurrence occurrence, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrence.SubjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(occurrence.OccurrenceId);
        await this.created.EnsureAsync(cancellationToken);
        var partition = Partition(occurrence.Kind, occurrence.SubjectType, occurrence.SubjectId);
        var row = new TableEntity(partition, OccurrencePrefix + TableKeys.Encode(occurrence.OccurrenceId))
        {
            ["OccurrenceId"] = occurrence.OccurrenceId,
            ["At"] = occurrence.At,
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            // Already recorded: a retry counts once.
        }

        var window = this.options.RuleFor(occurrence.Kind, occurrence.SubjectType)?.Window ?? this.options.LongestWindow;
        var from = occurrence.At - window;
        var count = 0;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {OccurrencePrefix} and RowKey lt {"o`"} and At gt {from} and At le {occurrence.At}");
        await foreach (var _ in this.table.QueryAsync<TableEntity>(filter, select: ["At"], cancellationToken: cancellationToken))
        {
            count++;
        }

        await this.PruneAsync(partition, cancellationToken);
        return count;
    }

    /// <inheritdoc />
    public async Task<EscalationMark?> GetLastEscalationAsync(
        FailureKind kind, GovernanceSubjectType subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await this.created.EnsureAsync(cancellationToken);
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(Partition(kind, subjectType, subjectId), MarkKey, cancellationToken: cancellationToken);
        return row.HasValue ? ToMark(row.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkEscalatedAsync(FailureOccurrence crossing, EscalationMark? expectedPrevious, CancellationToken cancellationToken)
    {
        if (expectedPrevious?.OccurrenceId == crossing.OccurrenceId)
        {
            return true;
        }

        await this.created.EnsureAsync(cancellationToken);
        var partition = Partition(crossing.Kind, crossing.SubjectType, crossing.SubjectId);
        var mark = new TableEntity(partition, MarkKey) { ["OccurrenceId"] = crossing.OccurrenceId, ["At"] = crossing.At };
        try
        {
            if (expectedPrevious is null)
            {
                await this.table.AddEntityAsync(mark, cancellationToken);
            }
            else
            {
                await this.table.UpdateEntityAsync(mark, new ETag(expectedPrevious.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            var current = await this.GetLastEscalationAsync(crossing.Kind, crossing.SubjectType, crossing.SubjectId, cancellationToken);
            return current?.OccurrenceId == crossing.OccurrenceId;
        }
    }

    private static string Partition(FailureKind kind, GovernanceSubjectType subjectType, string subjectId) =>
        TableKeys.Encode($"{kind}|{subjectType}|{subjectId}");

    private static EscalationMark ToMark(TableEntity row) =>
        new(row.GetString("OccurrenceId") ?? "", row.GetDateTimeOffset("At") ?? default, row.ETag.ToString());

    private async Task PruneAsync(string partition, CancellationToken cancellationToken)
    {
        var before = this.clock.GetUtcNow() - (2 * this.options.LongestWindow);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {OccurrencePrefix} and RowKey lt {"o`"} and At lt {before}");
        await foreach (var old in this.table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await this.table.DeleteEntityAsync(old.PartitionKey, old.RowKey, ETag.All, cancellationToken);
        }
    }
}
