using System.Text.Json.Serialization;

namespace Marketplace.Domain.Findings;

/// <summary>How serious a finding is. Serialized as <c>"error"</c> or <c>"warning"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>Rejects the package.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Recorded and shown, but does not reject the package.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}
