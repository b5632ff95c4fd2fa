using Marketplace.Domain.Catalog;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Records the signed version in the catalogue (Releasing, not yet visible) and refreshes its asset row.</summary>
public sealed class RecordVersion(ICatalogStore catalog, StepFaults faults)
{
    /// <summary>Writes the version and asset rows.</summary>
    [Function(nameof(RecordVersion))]
    public async Task RunAsync([ActivityTrigger] RecordVersionInput input, CancellationToken cancellationToken)
    {
        var facts = input.Facts;
        faults.ThrowIfArmed(nameof(RecordVersion), facts.AssetId);
        var claim = await catalog.GetVersionAsync(facts.AssetId, facts.Version, cancellationToken)
            ?? throw new InvalidOperationException($"{facts.AssetId} {facts.Version} is not claimed by publication {input.PublicationId}.");
        var updated = claim with
        {
            State = claim.State == VersionStates.Available ? VersionStates.Available : VersionStates.Releasing,
            ManifestJson = facts.ManifestJson,
            Signature = input.Signature.Signature,
            SigningKeyId = input.Signature.SigningKeyId,
        };
        if (claim.PublicationId != input.PublicationId || !await catalog.UpdateVersionAsync(updated, cancellationToken))
        {
            throw new InvalidOperationException($"{facts.AssetId} {facts.Version} is no longer claimed by publication {input.PublicationId}.");
        }

        var existing = await catalog.GetAssetAsync(facts.AssetId, cancellationToken);
        await catalog.UpsertAssetAsync(new AssetRecord(
            facts.AssetId, facts.Publisher, facts.Kind, facts.DisplayName, facts.Description, facts.Tags,
            existing?.Suspended ?? false, existing?.SuspensionReason, default), cancellationToken);
    }
}
