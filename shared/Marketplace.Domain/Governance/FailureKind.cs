using System.Text.Json.Serialization;

namespace Marketplace.Domain.Governance;

/// <summary>The failures governance counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureKind>))]
public enum FailureKind
{
    /// <summary>A publication ended <c>Failed</c> or <c>Rejected</c>.</summary>
    [JsonStringEnumMemberName("publication-failure")]
    PublicationFailure,

    /// <summary>An installation began applying and was rolled back.</summary>
    [JsonStringEnumMemberName("installation-rollback")]
    InstallationRollback,
}
