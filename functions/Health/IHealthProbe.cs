using System.Text.Json.Serialization;

namespace Marketplace.Functions.Health;

/// <summary>Checks one dependency for <c>GET /api/health</c>.</summary>
public interface IHealthProbe
{
    /// <summary>The dependency's name in the report (storage, search, signer...).</summary>
    string Name { get; }

    /// <summary>Checks the dependency; throws or returns an unhealthy result when it cannot be used.</summary>
    Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The state of one dependency.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Detail">What was checked, or why it failed.</param>
/// <param name="DurationMs">How long the check took.</param>
public sealed record HealthProbeResult(string Status, string Detail, long DurationMs = 0)
{
    /// <summary>A healthy result.</summary>
    public static HealthProbeResult Healthy(string detail) => new("healthy", detail);

    /// <summary>An unhealthy result.</summary>
    public static HealthProbeResult Unhealthy(string detail) => new("unhealthy", detail);

    /// <summary>Whether the dependency can be used.</summary>
    [JsonIgnore]
    public bool IsHealthy => this.Status == "healthy";
}
