using Marketplace.Domain.Events;

namespace Marketplace.Domain.Governance;

/// <summary>An escalation: a failure threshold crossed by an asset or publisher, and what was done about it.</summary>
/// <param name="Id">Derived from the crossing occurrence (<see cref="DeriveId"/>).</param>
/// <param name="SubjectType">Asset or publisher.</param>
/// <param name="SubjectId">Its id.</param>
/// <param name="Reason">A sentence for people.</param>
/// <param name="Kind">The failure kind counted.</param>
/// <param name="Count">Failures in the window when it crossed.</param>
/// <param name="Window">The rule's window.</param>
/// <param name="Action">What was done.</param>
/// <param name="RaisedAt">When the threshold was crossed.</param>
public sealed record GovernanceSignal(
    string Id,
    GovernanceSubjectType SubjectType,
    string SubjectId,
    string Reason,
    FailureKind Kind,
    int Count,
    TimeSpan Window,
    EscalationAction Action,
    DateTimeOffset RaisedAt)
{
    /// <summary>The namespace for signal ids (fixed forever).</summary>
    public static readonly Guid IdNamespace = new("9e4d2c71-5a08-4f3b-b6e2-7d1c0a95f384");

    /// <summary>The id of the signal a crossing occurrence raises: UUIDv5 of kind, subject type, subject id and occurrence id.</summary>
    /// <param name="crossing">The occurrence that crossed the threshold.</param>
    /// <returns>The id (UUID, dashed).</returns>
    public static string DeriveId(FailureOccurrence crossing) =>
        NameBasedGuid.Create(
            IdNamespace,
            NameBasedGuid.JoinParts(crossing.Kind.ToString(), crossing.SubjectType.ToString(), crossing.SubjectId, crossing.OccurrenceId))
        .ToString("D");
}
