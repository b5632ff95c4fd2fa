namespace Marketplace.Domain.Governance;

/// <summary>One threshold: <see cref="Threshold"/> failures within <see cref="Window"/> trigger <see cref="Action"/>.</summary>
public sealed class EscalationRule
{
    /// <summary>Whether the rule is on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many failures within the window cross the threshold (at least 1).</summary>
    public int Threshold { get; set; } = 3;

    /// <summary>The sliding window (positive). Also the quiet time after a crossing.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What to do on a crossing.</summary>
    public EscalationAction Action { get; set; } = EscalationAction.None;
}
