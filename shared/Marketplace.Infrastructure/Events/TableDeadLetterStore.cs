using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Dead letters on Table + Blob storage: the whole raw message in blob <c>deadletters/{id}.json</c> of container
/// <see cref="EventStorageNames.DeadLettersContainer"/> (any size), and a row in <see cref="EventStorageNames.DeadLettersTable"/>
/// (PK id, RK empty) with everything else. The blob is written before the row, so a row always has its message.
/// Rows are updated with ETags, so concurrent records of the same message merge instead of overwriting.
/// </summary>
public sealed class TableDeadLetterStore : IDeadLetterStore
{
    private const int MaxConcurrencyRetries = 5;

    private readonly TableClient table;
    private readonly BlobContainerClient container;
    private readonly CreateOnce tableCreated;
    private readonly CreateOnce containerCreated;

    /// <summary>Uses the dead-letter table and container of these services.</summary>
    /// <param name="tables">The table service.</param>
    /// <param name="blobs">The blob service.</param>
    /// <param name="tableName">The table; <see cref="EventStorageNames.DeadLettersTable"/> by default.</param>
    /// <param name="containerName">The container; <see cref="EventStorageNames.DeadLettersContainer"/> by default.</param>
    public TableDeadLetterStore(
        TableServiceClient tables,
        BlobServiceClient blobs,
        string tableName = EventStorageNames.DeadLettersTable,
        string containerName = EventStorageNames.DeadLettersContainer)
    {
        this.table = tables.GetTableClient(tableName);
        this.container = blobs.GetBlobContainerClient(containerName);
        this.tableCreated = new CreateOnce(ct => this.table.CreateIfNotExistsAsync(ct));
        this.containerCreated = new CreateOnce(ct => this.container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>The blob name of an entry's raw message.</summary>
    /// <param name="id">The entry id.</param>
    /// <returns><c>deadletters/{id}.json</c>.</returns>
    public static string BlobNameOf(string id) => $"deadletters/{id}.json";

    /// <inheritdoc />
    public async Task<bool> AddAsync(DeadLetterEntry entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Id);
        if (entry.RawMessage is null)
        {
            throw new ArgumentException("A dead-letter entry must carry the whole raw message.", nameof(entry));
        }

        await this.EnsureAsync(cancellationToken);
        await this.container.GetBlobClient(BlobNameOf(entry.Id)).UploadAsync(
            BinaryData.FromString(entry.RawMessage),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);

        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var existing = await this.table.GetEntityIfExistsAsync<TableEntity>(Key(entry.Id), "", cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    await this.table.AddEntityAsync(ToRow(entry), cancellationToken);
                    return true;
                }

                var merged = Merge(FromRow(existing.Value!), entry);
                await this.table.UpdateEntityAsync(ToRow(merged), existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return false;
            }
            catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Someone else recorded the same message meanwhile: read again and merge.
            }
        }

        throw new InvalidOperationException($"Dead-letter entry {entry.Id} kept changing; gave up after {MaxConcurrencyRetries} attempts.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetterEntry>> ListAsync(DeadLetterStatus? status, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await this.tableCreated.EnsureAsync(cancellationToken);
        var filter = status is { } wanted ? TableClient.CreateQueryFilter($"Status eq {wanted.ToString()}") : null;
        var list = new List<DeadLetterEntry>();
        await foreach (var row in this.table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(FromRow(row));
        }

        // Dead letters are few; sorting in memory keeps the row keyed by id for GetAsync and idempotent adds.
        return list.OrderByDescending(e => e.LastSeenAt).ThenBy(e => e.Id, StringComparer.Ordinal).Take(take).ToList();
    }

    /// <inheritdoc />
    public async Task<DeadLetterEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await this.EnsureAsync(cancellationToken);
        var row = await this.table.GetEntityIfExistsAsync<TableEntity>(Key(id), "", cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var blob = this.container.GetBlobClient(BlobNameOf(id));
        string? raw = null;
        try
        {
            raw = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            // The blob was removed by hand; the row still says what happened.
        }

        return FromRow(row.Value!) with { RawMessage = raw };
    }

    /// <inheritdoc />
    public async Task<bool> MarkReplayedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await this.tableCreated.EnsureAsync(cancellationToken);
        var patch = new TableEntity(Key(id), "")
        {
            ["Status"] = DeadLetterStatus.Replayed.ToString(),
            ["ReplayedAt"] = at,
        };
        try
        {
            await this.table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static DeadLetterEntry Merge(DeadLetterEntry existing, DeadLetterEntry incoming) =>
        existing with
        {
            ReasonCode = incoming.ReasonCode,
            ErrorDetail = incoming.ErrorDetail,
            Attempts = Math.Max(existing.Attempts, incoming.Attempts),
            FirstSeenAt = existing.FirstSeenAt < incoming.FirstSeenAt ? existing.FirstSeenAt : incoming.FirstSeenAt,
            LastSeenAt = existing.LastSeenAt > incoming.LastSeenAt ? existing.LastSeenAt : incoming.LastSeenAt,
            Status = DeadLetterStatus.Pending,
            EventId = incoming.EventId ?? existing.EventId,
            EventType = incoming.EventType ?? existing.EventType,
            ReplayedAt = existing.ReplayedAt,
        };

    private static string Key(string id) => TableKeys.Encode(id);

    private static TableEntity ToRow(DeadLetterEntry entry) => new(Key(entry.Id), "")
    {
        ["Id"] = entry.Id,
        ["SourceQueue"] = entry.SourceQueue,
        ["MessageId"] = entry.MessageId,
        ["ReasonCode"] = entry.ReasonCode,
        ["ErrorDetail"] = entry.ErrorDetail,
        ["Attempts"] = entry.Attempts,
        ["FirstSeenAt"] = entry.FirstSeenAt,
        ["LastSeenAt"] = entry.LastSeenAt,
        ["Status"] = entry.Status.ToString(),
        ["EventId"] = entry.EventId,
        ["EventType"] = entry.EventType,
        ["ReplayedAt"] = entry.ReplayedAt,
    };

    private static DeadLetterEntry FromRow(TableEntity row) => new(
        row.GetString("Id") ?? row.PartitionKey,
        row.GetString("SourceQueue") ?? "",
        row.GetString("MessageId") ?? "",
        row.GetString("ReasonCode") ?? "",
        row.GetString("ErrorDetail") ?? "",
        row.GetInt32("Attempts") ?? 0,
        row.GetDateTimeOffset("FirstSeenAt") ?? default,
        row.GetDateTimeOffset("LastSeenAt") ?? default,
        Enum.TryParse<DeadLetterStatus>(row.GetString("Status"), out var status) ? status : DeadLetterStatus.Pending,
        row.GetString("EventId"),
        row.GetString("EventType"),
        RawMessage: null,
        row.GetDateTimeOffset("ReplayedAt"));

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await this.tableCreated.EnsureAsync(cancellationToken);
        await this.containerCreated.EnsureAsync(cancellationToken);
    }
}
