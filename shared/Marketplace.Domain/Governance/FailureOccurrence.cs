namespace Marketplace.Domain.Governance;

/// <summary>One failure, counted against one subject. Record one per subject the failure counts against.</summary>
/// <param name="Kind">What failed.</param>
/// <param name="SubjectType">Asset or publisher.</param>
/// <param name="SubjectId">The asset or publisher id.</param>
/// <param name="OccurrenceId">Stable id of the failure (for example the publication or installation id), so a retry records once.</param>
/// <param name="At">When it failed (from the saga's clock), the time the window slides on.</param>
public sealed record FailureOccurrence(
    FailureKind Kind, GovernanceSubjectType SubjectType, string SubjectId, string OccurrenceId, DateTimeOffset At);
