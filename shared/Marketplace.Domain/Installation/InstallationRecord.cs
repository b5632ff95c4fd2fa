using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Installation;

/// <summary>The installation saga's states.</summary>
public static class InstallationStates
{
    /// <summary>Accepted, not started.</summary>
    public const string Requested = "Requested";

    /// <summary>Checking the version against the target.</summary>
    public const string Evaluating = "Evaluating";

    /// <summary>Resolving dependencies.</summary>
    public const string Resolving = "Resolving";

    /// <summary>Checking entitlements of paid assets.</summary>
    public const string LicenseCheck = "LicenseCheck";

    /// <summary>Writing files into the target.</summary>
    public const string Applying = "Applying";

    /// <summary>Terminal: applied and recorded.</summary>
    public const string Installed = "Installed";

    /// <summary>Terminal: stopped before any change to the target.</summary>
    public const string Failed = "Failed";

    /// <summary>Terminal: apply began and the target was restored exactly.</summary>
    public const string RolledBack = "RolledBack";

    /// <summary>Whether no further change will happen.</summary>
    public static bool IsTerminal(string state) => state is Installed or Failed or RolledBack;
}

/// <summary>An installation of an asset (and its dependencies) into a tenant's target.</summary>
/// <param name="InstallationId">The id (also the orchestration instance id).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="TargetId">The target.</param>
/// <param name="AssetId">The asset asked for.</param>
/// <param name="RequestedVersion">The version or range asked for; null = newest stable.</param>
/// <param name="Version">The version chosen (after Evaluating).</param>
/// <param name="State">See <see cref="InstallationStates"/>.</param>
/// <param name="Compatibility">The compatibility verdict.</param>
/// <param name="Resolved">The resolved graph: every asset version the target holds for this install.</param>
/// <param name="Findings">Why it failed or what to know.</param>
/// <param name="Artifacts">Files written, with provenance.</param>
/// <param name="History">States entered, with times.</param>
/// <param name="CreatedAt">When requested.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record InstallationRecord(
    string InstallationId,
    string TenantId,
    string TargetId,
    string AssetId,
    string? RequestedVersion,
    string? Version,
    string State,
    CompatibilityVerdict? Compatibility,
    IReadOnlyList<AssetVersionRef> Resolved,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AppliedFile> Artifacts,
    IReadOnlyList<PublicationHistoryEntry> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A change to an installation record made with a state transition.</summary>
/// <param name="Version">The chosen version, once known.</param>
/// <param name="Compatibility">The verdict, once evaluated.</param>
/// <param name="Resolved">The resolved graph, once resolved.</param>
/// <param name="Artifacts">The applied files, once applied.</param>
public sealed record InstallationUpdate(
    string? Version = null,
    CompatibilityVerdict? Compatibility = null,
    IReadOnlyList<AssetVersionRef>? Resolved = null,
    IReadOnlyList<AppliedFile>? Artifacts = null);

/// <summary>Installations and the one-installation-per-target lock.</summary>
public interface IInstallationStore
{
    /// <summary>An installation, or null.</summary>
    Task<InstallationRecord?> GetAsync(string installationId, CancellationToken cancellationToken = default);

    /// <summary>Creates it unless it exists; returns the stored one and whether it was created.</summary>
    Task<(InstallationRecord Installation, bool Created)> CreateAsync(InstallationRecord installation, CancellationToken cancellationToken = default);

    /// <summary>Moves to a state with findings, a note and updates; a repeated step changes nothing.</summary>
    Task<InstallationRecord> RecordStateAsync(
        string installationId, int step, string state, IReadOnlyList<Finding>? findings, string? note, InstallationUpdate? update,
        CancellationToken cancellationToken = default);

    /// <summary>Removes an installation that never started (still Requested), so its key can be used again.</summary>
    Task DeleteUnstartedAsync(string installationId, CancellationToken cancellationToken = default);

    /// <summary>Takes the target for an installation; returns the holder's installation id (itself when taken).</summary>
    Task<string> LockTargetAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default);

    /// <summary>Frees the target if this installation holds it. Idempotent.</summary>
    Task UnlockTargetAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default);
}
