using Marketplace.Domain.Findings;

namespace Marketplace.Functions.Orchestrations.Publishing;

/// <summary>Input of the publishing saga. Everything it needs is decided before it starts, so it stays deterministic.</summary>
/// <param name="PublicationId">The publication (also the orchestration instance id).</param>
/// <param name="PublisherId">Who submitted it.</param>
/// <param name="ExpectedAssetId">The asset id of the upload route; null for blob intake (taken from the manifest).</param>
/// <param name="ContentHash">The staged package's SHA-256.</param>
/// <param name="ReviewWindow">How long a restricted publisher's publication waits for a decision.</param>
public sealed record PublishAssetInput(string PublicationId, string PublisherId, string? ExpectedAssetId, string ContentHash, TimeSpan ReviewWindow);

/// <summary>What the saga ended with.</summary>
/// <param name="State">Available, Rejected or Failed.</param>
/// <param name="Findings">Why, when not Available.</param>
public sealed record PublishAssetResult(string State, IReadOnlyList<Finding> Findings);

/// <summary>Moves a publication to a state, with findings and a note.</summary>
public sealed record RecordPublicationStateInput(
    string PublicationId, int Step, string State, IReadOnlyList<Finding>? Findings, string? Note, string? AssetId = null, string? Version = null);

/// <summary>One quality scan of a staged package.</summary>
public sealed record ScanPackageInput(string PublicationId, string ContentHash, string PublisherId, string? ExpectedAssetId);

/// <summary>A scan's findings, by category.</summary>
public sealed record ScanPackageOutput(string Category, IReadOnlyList<Finding> Findings);

/// <summary>The facts of a package that passed its scans, read from its manifest.</summary>
public sealed record PackageFacts(
    string AssetId, string Version, string Publisher, string Kind, string DisplayName, string Description,
    IReadOnlyList<string> Tags, string ManifestJson);

/// <summary>Input of the policy gate.</summary>
public sealed record PolicyGateInput(string PublicationId, string PublisherId, string AssetId, string Version, string ContentHash);

/// <summary>What the policy gate decided: error findings reject; otherwise review may be needed.</summary>
public sealed record PolicyGateOutput(IReadOnlyList<Finding> Findings, bool NeedsReview, string TrustTier);

/// <summary>A governance decision on a publication awaiting approval (the external event's payload).</summary>
public sealed record ReviewDecision(bool Approved, string? Reason, string? DecidedBy);

/// <summary>Signs the package's content hash with the publisher's current key.</summary>
public sealed record SignPackageInput(string PublisherId, string ContentHash);

/// <summary>The signature and the key version that made it.</summary>
public sealed record SignPackageOutput(string Signature, string SigningKeyId);

/// <summary>Records the version (Releasing) and refreshes its asset row.</summary>
public sealed record RecordVersionInput(string PublicationId, string ContentHash, PackageFacts Facts, SignPackageOutput Signature);

/// <summary>Identifies one version's bytes for release, availability and withdrawal.</summary>
public sealed record VersionRef(string PublicationId, string AssetId, string Version, string ContentHash);
