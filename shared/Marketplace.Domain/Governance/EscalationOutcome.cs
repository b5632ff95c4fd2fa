namespace Marketplace.Domain.Governance;

/// <summary>What <see cref="EscalationEvaluator"/> decided.</summary>
public enum EscalationOutcome
{
    /// <summary>No rule applies to this kind and subject type, or it is off.</summary>
    NoRule,

    /// <summary>Fewer failures in the window than the threshold.</summary>
    BelowThreshold,

    /// <summary>At or over the threshold, but this subject already escalated less than one window ago.</summary>
    AlreadyEscalated,

    /// <summary>The threshold is crossed: act and raise the signal.</summary>
    Escalate,
}
