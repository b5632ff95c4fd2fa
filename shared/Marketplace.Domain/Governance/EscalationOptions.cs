namespace Marketplace.Domain.Governance;

/// <summary>Escalation thresholds, bound from <c>Marketplace:Governance:Escalation</c>. See docs/events.md.</summary>
public sealed class EscalationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Marketplace:Governance:Escalation";

    /// <summary>Failed or rejected publications of one asset: 3 in 1 hour suspend the asset.</summary>
    public EscalationRule PublicationFailurePerAsset { get; set; } = new() { Threshold = 3, Window = TimeSpan.FromHours(1), Action = EscalationAction.SuspendAsset };

    /// <summary>Failed or rejected publications across one publisher's assets: 5 in 1 hour restrict the publisher.</summary>
    public EscalationRule PublicationFailurePerPublisher { get; set; } = new() { Threshold = 5, Window = TimeSpan.FromHours(1), Action = EscalationAction.RestrictPublisher };

    /// <summary>Rolled-back installations of one asset: 3 in 1 hour suspend the asset.</summary>
    public EscalationRule InstallationRollbackPerAsset { get; set; } = new() { Threshold = 3, Window = TimeSpan.FromHours(1), Action = EscalationAction.SuspendAsset };

    /// <summary>The rule for a kind of failure counted per subject type, or <see langword="null"/> when none applies or it is off.</summary>
    /// <param name="kind">The failure kind.</param>
    /// <param name="subjectType">What the failures are counted against.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public EscalationRule? RuleFor(FailureKind kind, GovernanceSubjectType subjectType)
    {
        var rule = (kind, subjectType) switch
        {
            (FailureKind.PublicationFailure, GovernanceSubjectType.Asset) => this.PublicationFailurePerAsset,
            (FailureKind.PublicationFailure, GovernanceSubjectType.Publisher) => this.PublicationFailurePerPublisher,
            (FailureKind.InstallationRollback, GovernanceSubjectType.Asset) => this.InstallationRollbackPerAsset,
            _ => null,
        };
        return rule is { Enabled: true } ? rule : null;
    }

    /// <summary>The longest window of any rule: how long the failure ledger must keep occurrences.</summary>
    public TimeSpan LongestWindow =>
        new[] { this.PublicationFailurePerAsset, this.PublicationFailurePerPublisher, this.InstallationRollbackPerAsset }.Max(r => r.Window);

    /// <summary>Throws when a rule cannot work.</summary>
    /// <exception cref="InvalidOperationException">When a threshold is below 1 or a window is not positive.</exception>
    public void Validate()
    {
        foreach (var (name, rule) in new[]
        {
            (nameof(this.PublicationFailurePerAsset), this.PublicationFailurePerAsset),
            (nameof(this.PublicationFailurePerPublisher), this.PublicationFailurePerPublisher),
            (nameof(this.InstallationRollbackPerAsset), this.InstallationRollbackPerAsset),
        })
        {
            if (rule.Threshold < 1 || rule.Window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException(
                    $"Escalation rule {name} needs Threshold >= 1 and a positive Window (has {rule.Threshold} and {rule.Window}).");
            }
        }
    }
}
