namespace Marketplace.Domain.Governance;

/// <summary>
/// Decides, without I/O, whether a recorded failure crosses its rule's threshold.
/// <list type="bullet">
/// <item>The window is sliding and half-open: an occurrence at <c>t</c> counts failures with time in <c>(t - Window, t]</c>.</item>
/// <item>It crosses when that count reaches <see cref="EscalationRule.Threshold"/> (count &gt;= N, so a jump past N still crosses).</item>
/// <item>Once per crossing: after an escalation at <c>E</c>, occurrences before <c>E + Window</c> do not escalate again,
/// so the next escalation needs N failures that all happened after <c>E</c>.</item>
/// <item>A retry of the crossing occurrence itself (same occurrence id) escalates again with the same signal id, so a
/// step that crashed after the mark and before acting finishes its work; downstream writes are idempotent.</item>
/// </list>
/// </summary>
/// <param name="options">The rules.</param>
public sealed class EscalationEvaluator(EscalationOptions options)
{
    /// <summary>Evaluates one occurrence.</summary>
    /// <param name="occurrence">The failure just recorded.</param>
    /// <param name="countInWindow">Failures of this kind and subject in the window ending at the occurrence (it included).</param>
    /// <param name="previous">The subject's last escalation for this kind, if any.</param>
    /// <returns>The decision.</returns>
    public EscalationDecision Evaluate(FailureOccurrence occurrence, int countInWindow, EscalationMark? previous)
    {
        var rule = options.RuleFor(occurrence.Kind, occurrence.SubjectType);
        if (rule is null)
        {
            return new EscalationDecision(EscalationOutcome.NoRule, occurrence, countInWindow, null);
        }

        if (countInWindow < rule.Threshold)
        {
            return new EscalationDecision(EscalationOutcome.BelowThreshold, occurrence, countInWindow, rule);
        }

        var quiet = previous is not null
            && previous.OccurrenceId != occurrence.OccurrenceId
            && occurrence.At - previous.At < rule.Window;
        return new EscalationDecision(quiet ? EscalationOutcome.AlreadyEscalated : EscalationOutcome.Escalate, occurrence, countInWindow, rule);
    }
}
