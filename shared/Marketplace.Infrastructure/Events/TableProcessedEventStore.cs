using System.Net;
using Azure;
using Azure.Data.Tables;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Consumer dedup marks on Table Storage: one row per (consumer, event id), inserted, never updated; an insert that
/// conflicts means the consumer already took the event. Marks are kept; a table lifecycle job may prune old ones.
/// </summary>
public sealed class TableProcessedEventStore : IProcessedEventStore
{
    private readonly TableClient table;
    private readonly TimeProvider clock;
    private readonly CreateOnce created;

    /// <summary>Stores marks in <see cref="EventStorageNames.ProcessedEventsTable"/>.</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="clock">Stamps each mark.</param>
    /// <param name="tableName">The table; <see cref="EventStorageNames.ProcessedEventsTable"/> by default.</param>
    public TableProcessedEventStore(TableServiceClient tables, TimeProvider clock, string tableName = EventStorageNames.ProcessedEventsTable)
    {
        this.table = tables.GetTableClient(tableName);
        this.clock = clock;
        this.created = new CreateOnce(ct => this.table.CreateIfNotExistsAsync(ct));
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkProcessedAsync(string consumer, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await this.created.EnsureAsync(cancellationToken);
        var row = new TableEntity(TableKeys.Encode(consumer), TableKeys.Encode(eventId))
        {
            ["Consumer"] = consumer,
            ["EventId"] = eventId,
            ["ProcessedAt"] = this.clock.GetUtcNow(),
        };
        try
        {
            await this.table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ForgetAsync(string consumer, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        await this.created.EnsureAsync(cancellationToken);
        await this.table.DeleteEntityAsync(TableKeys.Encode(consumer), TableKeys.Encode(eventId), ETag.All, cancellationToken);
    }
}
