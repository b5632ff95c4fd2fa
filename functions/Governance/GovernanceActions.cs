using Marketplace.Domain.Catalog;
using Marketplace.Domain.Events;
using Marketplace.Domain.Governance;
using Marketplace.Functions.Publishing;

namespace Marketplace.Functions.Governance;

/// <summary>
/// Suspensions, trust changes and signals, each written to the append-only audit log. Used by the governance routes
/// (a person acting) and by escalation (the platform acting on repeated failures).
/// </summary>
public sealed class GovernanceActions(
    ICatalogStore catalog, AssetIndexer indexer, IAuditLog audit, IGovernanceSignalStore signals, IEventPublisher events, TimeProvider clock)
{
    /// <summary>The actor name escalation writes in the audit log.</summary>
    public const string EscalationActor = "governance-escalation";

    /// <summary>Suspends (reason) or reinstates (null) an asset: hidden from search, no new installs or publications.</summary>
    public async Task<AssetRecord?> SetAssetSuspensionAsync(string assetId, string? reason, string actor, CancellationToken cancellationToken)
    {
        var asset = await catalog.SetAssetSuspensionAsync(assetId, reason, cancellationToken);
        if (asset is not null)
        {
            await indexer.ReindexAsync(assetId, cancellationToken);
            await this.AuditAsync(actor, reason is null ? "asset.reinstated" : "asset.suspended", "asset", assetId, reason ?? "reinstated", cancellationToken);
        }

        return asset;
    }

    /// <summary>Suspends (reason) or reinstates (null) a publisher: a suspended publisher cannot publish.</summary>
    public async Task<PublisherRecord?> SetPublisherSuspensionAsync(string publisherId, string? reason, string actor, CancellationToken cancellationToken)
    {
        var publisher = await catalog.SetPublisherSuspensionAsync(publisherId, reason, cancellationToken);
        if (publisher is not null)
        {
            await this.AuditAsync(actor, reason is null ? "publisher.reinstated" : "publisher.suspended", "publisher", publisherId, reason ?? "reinstated", cancellationToken);
        }

        return publisher;
    }

    /// <summary>Acts on an escalation decision: stores the signal, applies its action, audits it and emits GovernanceSignalRaised.</summary>
    public async Task<GovernanceSignal?> EscalateAsync(EscalationDecision decision, CancellationToken cancellationToken)
    {
        if (!decision.ShouldEscalate)
        {
            return null;
        }

        var signal = decision.ToSignal();
        await signals.AddAsync(signal, cancellationToken);
        switch (signal.Action)
        {
            case EscalationAction.SuspendAsset when signal.SubjectType == GovernanceSubjectType.Asset:
                await this.SetAssetSuspensionAsync(signal.SubjectId, signal.Reason, EscalationActor, cancellationToken);
                break;
            case EscalationAction.RestrictPublisher when signal.SubjectType == GovernanceSubjectType.Publisher:
                if (await catalog.GetPublisherAsync(signal.SubjectId, cancellationToken) is { } publisher)
                {
                    await catalog.UpsertPublisherAsync(publisher.PublisherId, publisher.DisplayName, TrustTiers.Restricted, cancellationToken);
                    await this.AuditAsync(EscalationActor, "publisher.restricted", "publisher", publisher.PublisherId, signal.Reason, cancellationToken);
                }

                break;
        }

        var subject = signal.SubjectType == GovernanceSubjectType.Asset ? EventSubjects.Asset(signal.SubjectId) : EventSubjects.Publisher(signal.SubjectId);
        await events.PublishAsync(EventEnvelope.Create(
            EventTypes.GovernanceSignalRaised, EventSources.Governance, subject, signal.Id, "signal", signal, clock.GetUtcNow()), cancellationToken);
        return signal;
    }

    private async Task AuditAsync(string actor, string action, string subjectType, string subjectId, string reason, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        await audit.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), actor, action, subjectType, subjectId, reason, at), cancellationToken);
    }
}
