using Marketplace.Domain.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>After a terminal state: commits the journal of an installed one, and frees the target for the next installation.</summary>
public sealed class FinishInstallation(IInstallationStore installations, TargetApplier applier)
{
    /// <summary>Commits (when Installed) and unlocks the target.</summary>
    [Function(nameof(FinishInstallation))]
    public async Task RunAsync([ActivityTrigger] FinishInstallationInput finish, CancellationToken cancellationToken)
    {
        var input = finish.Request;
        if (finish.Installed)
        {
            try
            {
                await applier.CommitAsync(input.TenantId, input.TargetId, input.InstallationId, cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // Already committed by an earlier attempt of this activity.
            }
        }

        await installations.UnlockTargetAsync(input.TenantId, input.TargetId, input.InstallationId, cancellationToken);
    }
}
