namespace Marketplace.Domain.Governance;

/// <summary>An audit entry with this id already exists with other content; the log is append-only.</summary>
/// <param name="entryId">The entry id.</param>
public sealed class AuditEntryConflictException(string entryId)
    : InvalidOperationException($"Audit entry {entryId} already exists with different content; the audit log is append-only.")
{
    /// <summary>The entry id.</summary>
    public string EntryId { get; } = entryId;
}
