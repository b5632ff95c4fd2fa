using Azure.Storage.Blobs;
using Marketplace.Domain.Events;
using Marketplace.Functions.Installation;
using Marketplace.Functions.Publishing;
using Marketplace.Infrastructure.Events;
using Marketplace.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Commands;

/// <summary>
/// Takes commands from the <c>marketplace-commands</c> queue (see docs/events.md, <i>Commands queue</i>): validates the
/// envelope, deduplicates on its event id, and starts the installation or publication. Whatever cannot be processed is
/// dead-lettered whole, with a reason, so nothing is lost to the poison queue unrecorded.
/// </summary>
public sealed class CommandQueueFunction(
    InstallationSubmitter installations,
    PublicationSubmitter publications,
    BlobServiceClient blobs,
    IProcessedEventStore processed,
    IDeadLetterStore deadLetters,
    TimeProvider clock,
    ILogger<CommandQueueFunction> logger)
{
    /// <summary>Processes one command message.</summary>
    /// <param name="message">The message text (base64-decoded by the trigger).</param>
    /// <param name="id">The queue message id (binding data).</param>
    /// <param name="dequeueCount">How many times the message has been delivered, this time included (binding data).</param>
    /// <param name="durable">Starts the sagas.</param>
    /// <param name="cancellationToken">Cancels the invocation.</param>
    /// <returns>A task that completes when the message is handled; it throws to have the host retry.</returns>
    [Function("ProcessCommand")]
    public async Task RunAsync(
        [QueueTrigger(EventStorageNames.CommandsQueue, Connection = StorageNames.Connection)] string message,
        string id,
        long dequeueCount,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var parsed = CommandEnvelopeParser.Parse(message);
        if (!parsed.Succeeded)
        {
            await this.DeadLetterAsync(DeadLetterEntry.FromParseFailure(EventStorageNames.CommandsQueue, id, message, parsed, Attempts(dequeueCount), clock.GetUtcNow()), cancellationToken);
            return;
        }

        if (!await processed.TryMarkProcessedAsync(CommandReasons.Consumer, parsed.EventId, cancellationToken))
        {
            logger.LogInformation("Command {EventId} ({Type}, message {MessageId}) was already processed; skipped", parsed.EventId, parsed.EventType, id);
            return;
        }

        CommandOutcome outcome;
        try
        {
            var executor = new CommandExecutor(installations, publications, blobs);
            outcome = await executor.ExecuteAsync(parsed.Envelope, parsed.Command, durable, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The redelivery (or a replay) must run again.
            await processed.ForgetAsync(CommandReasons.Consumer, parsed.EventId, CancellationToken.None);
            if (dequeueCount < CommandReasons.MaxDequeueCount)
            {
                logger.LogWarning(ex, "Command {EventId} ({Type}, message {MessageId}) failed on attempt {Attempt} of {Max}; it will be retried",
                    parsed.EventId, parsed.EventType, id, dequeueCount, CommandReasons.MaxDequeueCount);
                throw;
            }

            await this.DeadLetterAsync(
                DeadLetterEntry.Create(EventStorageNames.CommandsQueue, id, message, CommandReasons.FailedAfterRetries,
                    $"{ex.GetType().Name}: {ex.Message}", Attempts(dequeueCount), clock.GetUtcNow(), parsed.EventId, parsed.EventType),
                CancellationToken.None);
            return;
        }

        if (outcome.Accepted)
        {
            logger.LogInformation("Command {EventId} ({Type}, message {MessageId}): {Detail}", parsed.EventId, parsed.EventType, id, outcome.Detail);
            return;
        }

        // Forget the mark so that a replay, after the cause is fixed, runs.
        await processed.ForgetAsync(CommandReasons.Consumer, parsed.EventId, cancellationToken);
        await this.DeadLetterAsync(
            DeadLetterEntry.Create(EventStorageNames.CommandsQueue, id, message, CommandReasons.Rejected, outcome.Detail,
                Attempts(dequeueCount), clock.GetUtcNow(), parsed.EventId, parsed.EventType),
            cancellationToken);
    }

    private async Task DeadLetterAsync(DeadLetterEntry entry, CancellationToken cancellationToken)
    {
        var isNew = await deadLetters.AddAsync(entry, cancellationToken);
        logger.LogWarning("Command message {MessageId} (event {EventId}, {Type}) dead-lettered as {DeadLetterId}: {Reason}: {Detail}{Repeat}",
            entry.MessageId, entry.EventId, entry.EventType, entry.Id, entry.ReasonCode, entry.ErrorDetail, isNew ? "" : " (again)");
    }

    private static int Attempts(long dequeueCount) => (int)Math.Clamp(dequeueCount, 1, int.MaxValue);
}
