namespace Marketplace.Domain.Events;

/// <summary>CloudEvents <c>source</c> values: the bounded context that emits an event.</summary>
public static class EventSources
{
    /// <summary>The publication saga.</summary>
    public const string Publishing = "/marketplace/publishing";

    /// <summary>The installation saga.</summary>
    public const string Installation = "/marketplace/installation";

    /// <summary>Governance escalation.</summary>
    public const string Governance = "/marketplace/governance";
}
