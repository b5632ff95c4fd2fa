using Marketplace.Domain.Events;

namespace Marketplace.Functions.Commands;

/// <summary>A dead-letter entry as the governance API shows it.</summary>
internal static class DeadLetterView
{
    /// <summary>The entry; <paramref name="withRaw"/> adds the whole raw message.</summary>
    public static object From(DeadLetterEntry entry, bool withRaw) => withRaw
        ? new
        {
            entry.Id, entry.SourceQueue, entry.MessageId, entry.ReasonCode, entry.ErrorDetail, entry.Attempts, entry.FirstSeenAt,
            entry.LastSeenAt, Status = entry.Status.ToString(), entry.EventId, entry.EventType, entry.ReplayedAt, entry.RawMessage,
        }
        : new
        {
            entry.Id, entry.SourceQueue, entry.MessageId, entry.ReasonCode, entry.ErrorDetail, entry.Attempts, entry.FirstSeenAt,
            entry.LastSeenAt, Status = entry.Status.ToString(), entry.EventId, entry.EventType, entry.ReplayedAt,
        };
}
