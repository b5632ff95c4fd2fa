namespace Marketplace.Domain.Governance;

/// <summary>The last escalation of one (kind, subject): the occurrence that crossed the threshold.</summary>
/// <param name="OccurrenceId">The crossing occurrence.</param>
/// <param name="At">Its time.</param>
/// <param name="Version">The store's concurrency token for compare-and-set; opaque.</param>
public sealed record EscalationMark(string OccurrenceId, DateTimeOffset At, string Version);
