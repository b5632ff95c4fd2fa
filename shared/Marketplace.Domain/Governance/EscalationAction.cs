using System.Text.Json.Serialization;

namespace Marketplace.Domain.Governance;

/// <summary>What governance does when a threshold is crossed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationAction>))]
public enum EscalationAction
{
    /// <summary>Only raise the signal.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Suspend the asset: it cannot publish or be installed until reinstated.</summary>
    [JsonStringEnumMemberName("suspend-asset")]
    SuspendAsset,

    /// <summary>Restrict the publisher: its trust tier becomes <c>restricted</c>, so every publication waits for review.</summary>
    [JsonStringEnumMemberName("restrict-publisher")]
    RestrictPublisher,
}
