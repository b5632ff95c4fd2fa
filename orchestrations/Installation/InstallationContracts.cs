using Marketplace.Domain.Findings;
using Marketplace.Domain.Installation;

namespace Marketplace.Functions.Orchestrations.Installation;

/// <summary>Input of the installation saga.</summary>
public sealed record InstallAssetInput(string InstallationId, string TenantId, string TargetId, string AssetId, string? VersionRange);

/// <summary>What the installation saga ended with.</summary>
public sealed record InstallAssetResult(string State, IReadOnlyList<Finding> Findings);

/// <summary>Moves an installation to a state.</summary>
public sealed record RecordInstallationStateInput(
    string InstallationId, int Step, string State, IReadOnlyList<Finding>? Findings, string? Note, InstallationUpdate? Update);

/// <summary>Evaluating's verdict and chosen version.</summary>
public sealed record EvaluationResult(string? Version, CompatibilityVerdict Verdict);

/// <summary>Resolving's input.</summary>
public sealed record ResolveInput(InstallAssetInput Request, string Version);

/// <summary>Resolving's graph, or its conflict findings and explanation.</summary>
public sealed record ResolveResult(IReadOnlyList<AssetVersionRef> Resolved, IReadOnlyList<AssetVersionRef> ToInstall, IReadOnlyList<Finding> Findings, string? Explanation);

/// <summary>The versions to check, verify or apply for an installation.</summary>
public sealed record InstallationWork(InstallAssetInput Request, IReadOnlyList<AssetVersionRef> ToInstall);

/// <summary>Findings of a check (licences, package verification); empty when it passed.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, string? Note)
{
    /// <summary>The entitlements used, for paid assets (licence check only).</summary>
    public IReadOnlyList<LicenseGrant> Grants { get; init; } = [];
}

/// <summary>What was applied.</summary>
public sealed record ApplyResult(IReadOnlyList<AppliedFile> Artifacts, int JournalEntries);

/// <summary>Ends an installation: commit the journal when it was installed, and free the target.</summary>
public sealed record FinishInstallationInput(InstallAssetInput Request, bool Installed);
