using System.Security.Cryptography;
using System.Text;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Installation;

/// <summary>What became of an installation request.</summary>
public abstract record InstallationSubmission
{
    /// <summary>Accepted: a new installation, or the existing one for the same key or the same request in flight.</summary>
    public sealed record Accepted(InstallationRecord Installation, bool IsNew) : InstallationSubmission;

    /// <summary>No such target.</summary>
    public sealed record TargetNotFound : InstallationSubmission;

    /// <summary>Another installation is changing this target.</summary>
    public sealed record TargetBusy(InstallationRecord Holder) : InstallationSubmission;
}

/// <summary>
/// Starts installations: one per target at a time. An <c>Idempotency-Key</c> (per tenant) always returns the same
/// installation; without one, the same request while it is in flight returns the one in flight.
/// </summary>
public sealed class InstallationSubmitter(TableTargetStore targets, IInstallationStore installations, TimeProvider clock)
{
    /// <summary>Submits a request.</summary>
    public async Task<InstallationSubmission> SubmitAsync(
        string tenantId, string targetId, string assetId, string? version, string? idempotencyKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: > 0 } && await installations.GetAsync(IdFor(tenantId, idempotencyKey), cancellationToken) is { } keyed)
        {
            return new InstallationSubmission.Accepted(keyed, false);
        }

        if (await targets.GetTargetAsync(tenantId, targetId, cancellationToken) is null)
        {
            return new InstallationSubmission.TargetNotFound();
        }

        var installationId = idempotencyKey is { Length: > 0 } ? IdFor(tenantId, idempotencyKey) : Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var record = new InstallationRecord(
            installationId, tenantId, targetId, assetId, version, null, InstallationStates.Requested, null, [], [], [],
            [new PublicationHistoryEntry(InstallationStates.Requested, now, $"{assetId} {version ?? "(latest stable)"}")], now, now);
        var (created, isNew) = await installations.CreateAsync(record, cancellationToken);
        if (!isNew)
        {
            return new InstallationSubmission.Accepted(created, false);
        }

        var holder = await installations.LockTargetAsync(tenantId, targetId, installationId, cancellationToken);
        if (holder != installationId)
        {
            var holding = (await installations.GetAsync(holder, cancellationToken))!;
            var same = holding.AssetId == assetId && holding.RequestedVersion == version;

            // This request never started: forget it, so the same key (or a replayed command) can try again later.
            await installations.DeleteUnstartedAsync(installationId, cancellationToken);
            return same ? new InstallationSubmission.Accepted(holding, false) : new InstallationSubmission.TargetBusy(holding);
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(InstallAssetOrchestrator), new InstallAssetInput(installationId, tenantId, targetId, assetId, version),
            new StartOrchestrationOptions(installationId), cancellationToken);
        return new InstallationSubmission.Accepted(created, true);
    }

    private static string IdFor(string tenantId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{key}")))[..32];
}
