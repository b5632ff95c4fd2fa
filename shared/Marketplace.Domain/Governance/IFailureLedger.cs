namespace Marketplace.Domain.Governance;

/// <summary>Failure occurrences per (kind, subject), counted in a sliding window; and each subject's last escalation.</summary>
public interface IFailureLedger
{
    /// <summary>
    /// Records an occurrence (once per occurrence id: a retry does not count twice) and counts the occurrences of the same
    /// kind and subject with time in <c>(At - Window, At]</c>, using the window of the matching rule.
    /// </summary>
    /// <param name="occurrence">The failure.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count in the window, this occurrence included.</returns>
    Task<int> RecordAsync(FailureOccurrence occurrence, CancellationToken cancellationToken);

    /// <summary>The last escalation of this kind for this subject.</summary>
    /// <param name="kind">The failure kind.</param>
    /// <param name="subjectType">Asset or publisher.</param>
    /// <param name="subjectId">The subject id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mark, or <see langword="null"/> when it never escalated.</returns>
    Task<EscalationMark?> GetLastEscalationAsync(
        FailureKind kind, GovernanceSubjectType subjectType, string subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set of the last escalation: succeeds only if the stored mark is still <paramref name="expectedPrevious"/>
    /// (or already names <paramref name="crossing"/>), so two concurrent crossings escalate once.
    /// </summary>
    /// <param name="crossing">The occurrence that crossed.</param>
    /// <param name="expectedPrevious">The mark read before evaluating.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this occurrence now holds the mark.</returns>
    Task<bool> TryMarkEscalatedAsync(FailureOccurrence crossing, EscalationMark? expectedPrevious, CancellationToken cancellationToken);
}
