using Marketplace.Domain.Governance;

namespace Marketplace.Functions.Orchestrations.Events;

/// <summary>A saga's failure, counted toward escalation for each subject (asset, publisher).</summary>
/// <param name="Kind">Publication failure or installation rollback.</param>
/// <param name="OccurrenceId">The saga instance: a retried record counts once.</param>
/// <param name="Subjects">Who it counts against.</param>
public sealed record GovernanceFailureInput(FailureKind Kind, string OccurrenceId, IReadOnlyList<GovernanceSubject> Subjects);

/// <summary>An asset or publisher.</summary>
public sealed record GovernanceSubject(GovernanceSubjectType Type, string Id);
