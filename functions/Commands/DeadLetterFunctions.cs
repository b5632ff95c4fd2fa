using Azure.Storage.Queues;
using Marketplace.Domain.Events;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Commands;

/// <summary>Governance view of dead-lettered messages, and replay once the cause is fixed. Governance role only.</summary>
public sealed class DeadLetterFunctions(IDeadLetterStore deadLetters, QueueServiceClient queues, TimeProvider clock, ILogger<DeadLetterFunctions> logger)
{
    /// <summary>Default page size of the list.</summary>
    public const int DefaultTake = 50;

    /// <summary>Largest page size of the list.</summary>
    public const int MaxTake = 500;

    /// <summary><c>GET /api/governance/deadletters?status=Pending|Replayed&amp;take=</c>: entries, most recently seen first, without raw messages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200 with <c>items</c>; 400 for a bad filter.</returns>
    [Function("ListDeadLetters")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "governance/deadletters")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied) return denied;
        DeadLetterStatus? status = null;
        if (request.Query["status"].ToString() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<DeadLetterStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest("'status' must be Pending or Replayed.");
            }

            status = parsed;
        }

        var take = DefaultTake;
        if (request.Query["take"].ToString() is { Length: > 0 } takeText && (!int.TryParse(takeText, out take) || take < 1 || take > MaxTake))
        {
            return Problems.BadRequest($"'take' must be a number from 1 to {MaxTake}.");
        }

        var entries = await deadLetters.ListAsync(status, take, cancellationToken);
        return new OkObjectResult(new { items = entries.Select(e => DeadLetterView.From(e, withRaw: false)) });
    }

    /// <summary><c>GET /api/governance/deadletters/{id}</c>: one entry with its whole raw message.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The entry id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>200, or 404.</returns>
    [Function("GetDeadLetter")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "governance/deadletters/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied) return denied;
        var entry = await FindAsync(id, cancellationToken);
        return entry is null ? Problems.NotFound($"No dead letter '{id}'.") : new OkObjectResult(DeadLetterView.From(entry, withRaw: true));
    }

    /// <summary>
    /// <c>POST /api/governance/deadletters/{id}/replay</c>: puts the stored raw message back on its queue and marks the
    /// entry replayed.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The entry id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>202 with the entry; 404 unknown; 409 already replayed.</returns>
    [Function("ReplayDeadLetter")]
    public async Task<IActionResult> ReplayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "governance/deadletters/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out var caller) is { } denied) return denied;
        var entry = await FindAsync(id, cancellationToken);
        if (entry is null) return Problems.NotFound($"No dead letter '{id}'.");
        if (entry.Status == DeadLetterStatus.Replayed)
        {
            return Problems.Conflict($"Dead letter '{id}' was already replayed at {entry.ReplayedAt:O}.");
        }

        var queue = queues.GetQueueClient(entry.SourceQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var sent = await queue.SendMessageAsync(entry.RawMessage, cancellationToken);
        var at = clock.GetUtcNow();
        await deadLetters.MarkReplayedAsync(id, at, cancellationToken);
        logger.LogInformation("Dead letter {DeadLetterId} (event {EventId}) replayed onto {Queue} as message {MessageId} by {Caller}",
            id, entry.EventId, entry.SourceQueue, sent.Value.MessageId, caller.AuditName);
        return new AcceptedResult((string?)null, new { id, status = nameof(DeadLetterStatus.Replayed), replayedAt = at, queue = entry.SourceQueue, messageId = sent.Value.MessageId });
    }

    private async Task<DeadLetterEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await deadLetters.GetAsync(id, cancellationToken);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
