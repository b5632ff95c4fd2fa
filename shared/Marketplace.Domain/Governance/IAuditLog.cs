namespace Marketplace.Domain.Governance;

/// <summary>The append-only audit log: entries are inserted, never updated or deleted.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry. Appending an identical entry again (a retry) does nothing.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    /// <exception cref="AuditEntryConflictException">When an entry with the same id but other content exists.</exception>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries, newest first.</summary>
    /// <param name="subjectId">Only entries about this subject, or all when <see langword="null"/>.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string? subjectId, int take, CancellationToken cancellationToken);
}
