namespace Marketplace.Domain.Events;

/// <summary>A message that could not be processed, kept whole so it can be inspected and replayed.</summary>
/// <param name="Id">The entry id; <see cref="DeadLetterIds.Derive"/> of <see cref="SourceQueue"/> and <see cref="MessageId"/>.</param>
/// <param name="SourceQueue">The queue (or topic subscription) the message came from.</param>
/// <param name="MessageId">The transport's message id.</param>
/// <param name="ReasonCode">Why: one of <see cref="CommandParseReasons"/>, or a handler's own code (for example <c>handler-failed</c>).</param>
/// <param name="ErrorDetail">What went wrong, for a human.</param>
/// <param name="Attempts">How many times delivery was tried.</param>
/// <param name="FirstSeenAt">When the message was first dead-lettered.</param>
/// <param name="LastSeenAt">When it was last dead-lettered.</param>
/// <param name="Status">Pending or replayed.</param>
/// <param name="EventId">The envelope's id, when the message could be read.</param>
/// <param name="EventType">The envelope's type, when the message could be read.</param>
/// <param name="RawMessage">
/// The whole message text, byte for byte. Required by <see cref="IDeadLetterStore.AddAsync"/>; filled by
/// <see cref="IDeadLetterStore.GetAsync"/>; <see langword="null"/> in <see cref="IDeadLetterStore.ListAsync"/> results.
/// </param>
/// <param name="ReplayedAt">When it was replayed, if it was.</param>
public sealed record DeadLetterEntry(
    string Id,
    string SourceQueue,
    string MessageId,
    string ReasonCode,
    string ErrorDetail,
    int Attempts,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DeadLetterStatus Status,
    string? EventId,
    string? EventType,
    string? RawMessage,
    DateTimeOffset? ReplayedAt = null)
{
    /// <summary>A new pending entry with its id derived from the source and message id.</summary>
    /// <param name="sourceQueue">The source queue.</param>
    /// <param name="messageId">The transport's message id.</param>
    /// <param name="rawMessage">The whole message text.</param>
    /// <param name="reasonCode">The reason code.</param>
    /// <param name="errorDetail">What went wrong.</param>
    /// <param name="attempts">Delivery attempts so far.</param>
    /// <param name="seenAt">Now.</param>
    /// <param name="eventId">The envelope id, when readable.</param>
    /// <param name="eventType">The envelope type, when readable.</param>
    /// <returns>The entry.</returns>
    public static DeadLetterEntry Create(
        string sourceQueue,
        string messageId,
        string rawMessage,
        string reasonCode,
        string errorDetail,
        int attempts,
        DateTimeOffset seenAt,
        string? eventId = null,
        string? eventType = null) =>
        new(
            DeadLetterIds.Derive(sourceQueue, messageId), sourceQueue, messageId, reasonCode, errorDetail, attempts,
            seenAt, seenAt, DeadLetterStatus.Pending, eventId, eventType, rawMessage);

    /// <summary>A new pending entry for a message the <see cref="CommandEnvelopeParser"/> refused.</summary>
    /// <param name="sourceQueue">The source queue.</param>
    /// <param name="messageId">The transport's message id.</param>
    /// <param name="rawMessage">The whole message text.</param>
    /// <param name="result">The failed parse.</param>
    /// <param name="attempts">Delivery attempts so far.</param>
    /// <param name="seenAt">Now.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">When <paramref name="result"/> succeeded.</exception>
    public static DeadLetterEntry FromParseFailure(
        string sourceQueue, string messageId, string rawMessage, CommandParseResult result, int attempts, DateTimeOffset seenAt)
    {
        if (result.Succeeded)
        {
            throw new ArgumentException("The parse succeeded; there is nothing to dead-letter.", nameof(result));
        }

        return Create(sourceQueue, messageId, rawMessage, result.ReasonCode, result.ErrorDetail, attempts, seenAt, result.EventId, result.EventType);
    }
}
