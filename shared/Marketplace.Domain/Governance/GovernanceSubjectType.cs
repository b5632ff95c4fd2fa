using System.Text.Json.Serialization;

namespace Marketplace.Domain.Governance;

/// <summary>What a failure count or a signal is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GovernanceSubjectType>))]
public enum GovernanceSubjectType
{
    /// <summary>An asset (id like <c>contoso.http-api</c>).</summary>
    [JsonStringEnumMemberName("asset")]
    Asset,

    /// <summary>A publisher (id like <c>contoso</c>).</summary>
    [JsonStringEnumMemberName("publisher")]
    Publisher,
}
