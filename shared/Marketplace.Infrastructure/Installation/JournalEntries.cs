using Marketplace.Domain.Installation;

namespace Marketplace.Infrastructure.Installation;

/// <summary>What a target path held before an installation first touched it.</summary>
/// <param name="Path">The path.</param>
/// <param name="Sequence">The order in which the apply touched it (rollback goes in reverse).</param>
/// <param name="Existed">Whether the file existed.</param>
/// <param name="Sha256">The prior bytes' SHA-256 when it existed.</param>
/// <param name="PriorArtifact">The artifact row the path had, if any.</param>
public sealed record JournalFileEntry(string Path, int Sequence, bool Existed, string? Sha256, InstalledArtifactRecord? PriorArtifact);

/// <summary>What installed-asset row an asset id had before an installation replaced it.</summary>
/// <param name="AssetId">The asset id.</param>
/// <param name="PriorInstalled">The prior row, or <see langword="null"/> when the asset was not installed.</param>
public sealed record JournalAssetEntry(string AssetId, InstalledAssetRecord? PriorInstalled);
