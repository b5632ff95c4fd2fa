namespace Marketplace.Domain.Governance;

/// <summary>
/// Records a failure and decides whether it escalates, exactly once per crossing even under retries and concurrency:
/// record (idempotent), read the last mark, evaluate, and claim the mark with compare-and-set. On
/// <see cref="EscalationOutcome.Escalate"/> the caller acts, stores <see cref="EscalationDecision.ToSignal"/>, audits and
/// emits <c>GovernanceSignalRaised</c>; all of those are idempotent by the signal id.
/// </summary>
/// <param name="ledger">The failure ledger.</param>
/// <param name="evaluator">The rules.</param>
public sealed class FailureEscalation(IFailureLedger ledger, EscalationEvaluator evaluator)
{
    private const int MaxClaims = 3;

    /// <summary>Records the occurrence and returns the decision.</summary>
    /// <param name="occurrence">The failure.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision; <see cref="EscalationOutcome.Escalate"/> only when this occurrence holds the escalation mark.</returns>
    public async Task<EscalationDecision> RecordAsync(FailureOccurrence occurrence, CancellationToken cancellationToken)
    {
        var count = await ledger.RecordAsync(occurrence, cancellationToken);
        EscalationDecision decision = new(EscalationOutcome.AlreadyEscalated, occurrence, count, null);
        for (var claim = 0; claim < MaxClaims; claim++)
        {
            var previous = await ledger.GetLastEscalationAsync(occurrence.Kind, occurrence.SubjectType, occurrence.SubjectId, cancellationToken);
            decision = evaluator.Evaluate(occurrence, count, previous);
            if (!decision.ShouldEscalate || await ledger.TryMarkEscalatedAsync(occurrence, previous, cancellationToken))
            {
                return decision;
            }
        }

        // Lost every race: another occurrence escalated this subject meanwhile.
        return decision with { Outcome = EscalationOutcome.AlreadyEscalated };
    }
}
