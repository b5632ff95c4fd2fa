namespace Marketplace.Domain.Events;

/// <summary>Consumer-side deduplication: remembers which event ids each consumer has taken.</summary>
public interface IProcessedEventStore
{
    /// <summary>Marks <paramref name="eventId"/> as processed by <paramref name="consumer"/>.</summary>
    /// <param name="consumer">The consumer's stable name (for example <c>search-indexer</c>).</param>
    /// <param name="eventId">The envelope's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> the first time; <see langword="false"/> when this consumer already took the event.</returns>
    Task<bool> TryMarkProcessedAsync(string consumer, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a mark, for a consumer whose handling failed after <see cref="TryMarkProcessedAsync"/> and wants the
    /// redelivered message to run again. Missing marks are ignored.
    /// </summary>
    /// <param name="consumer">The consumer's name.</param>
    /// <param name="eventId">The envelope's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the mark is gone.</returns>
    Task ForgetAsync(string consumer, string eventId, CancellationToken cancellationToken);
}
