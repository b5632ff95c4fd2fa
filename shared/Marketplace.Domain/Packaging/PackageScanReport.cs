using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>The outcome of scanning a package in every category.</summary>
/// <param name="Findings">All findings, errors and warnings.</param>
/// <param name="Manifest">The validated manifest, or <see langword="null"/> when it is missing or breaks a rule.</param>
public sealed record PackageScanReport(IReadOnlyList<Finding> Findings, AssetManifest? Manifest)
{
    /// <summary>True when at least one finding rejects the package.</summary>
    public bool HasErrors => Findings.Any(f => f.IsError);
}
