namespace Marketplace.Domain.Governance;

/// <summary>The evaluation of one recorded failure.</summary>
/// <param name="Outcome">What to do.</param>
/// <param name="Occurrence">The failure evaluated.</param>
/// <param name="CountInWindow">Failures of this kind and subject in the window ending at the occurrence.</param>
/// <param name="Rule">The rule applied, unless <see cref="EscalationOutcome.NoRule"/>.</param>
public sealed record EscalationDecision(EscalationOutcome Outcome, FailureOccurrence Occurrence, int CountInWindow, EscalationRule? Rule)
{
    /// <summary>Whether to act and raise a signal.</summary>
    public bool ShouldEscalate => this.Outcome == EscalationOutcome.Escalate;

    /// <summary>The signal to raise; its id is derived from the crossing occurrence, so a retry raises the same signal.</summary>
    /// <returns>The signal, stamped with the occurrence's time.</returns>
    /// <exception cref="InvalidOperationException">When the decision is not <see cref="EscalationOutcome.Escalate"/>.</exception>
    public GovernanceSignal ToSignal()
    {
        if (!this.ShouldEscalate || this.Rule is null)
        {
            throw new InvalidOperationException($"Only an escalation raises a signal; this decision is {this.Outcome}.");
        }

        var o = this.Occurrence;
        var what = o.Kind switch
        {
            FailureKind.PublicationFailure => "publication failures",
            FailureKind.InstallationRollback => "installation rollbacks",
            _ => o.Kind.ToString(),
        };
        var reason = $"{this.CountInWindow} {what} of {o.SubjectType.ToString().ToLowerInvariant()} '{o.SubjectId}' within {this.Rule.Window} (threshold {this.Rule.Threshold}).";
        return new GovernanceSignal(
            GovernanceSignal.DeriveId(o), o.SubjectType, o.SubjectId, reason, o.Kind, this.CountInWindow, this.Rule.Window,
            this.Rule.Action, o.At);
    }
}
