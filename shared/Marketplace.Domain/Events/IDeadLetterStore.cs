namespace Marketplace.Domain.Events;

/// <summary>Messages that could not be processed, kept whole for inspection, alerting and replay.</summary>
public interface IDeadLetterStore
{
    /// <summary>
    /// Records a message. Recording the same id again merges into one entry: first-seen kept, last-seen and attempts
    /// raised, reason and detail replaced, status back to <see cref="DeadLetterStatus.Pending"/>.
    /// </summary>
    /// <param name="entry">The entry; <see cref="DeadLetterEntry.RawMessage"/> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this created a new entry (count it toward the alert).</returns>
    /// <exception cref="ArgumentException">When the raw message is missing.</exception>
    Task<bool> AddAsync(DeadLetterEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries, most recently seen first, without their raw messages.</summary>
    /// <param name="status">Only this status, or all when <see langword="null"/>.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<DeadLetterEntry>> ListAsync(DeadLetterStatus? status, int take, CancellationToken cancellationToken);

    /// <summary>One entry with its raw message.</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    Task<DeadLetterEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks an entry replayed.</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="at">When it was replayed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when there is no such entry.</returns>
    Task<bool> MarkReplayedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
