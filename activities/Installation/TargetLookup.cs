using Marketplace.Domain.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>Loads the target an installation works on.</summary>
internal static class TargetLookup
{
    public static async Task<TargetRecord> LoadAsync(TableTargetStore targets, InstallAssetInput input, CancellationToken cancellationToken) =>
        await targets.GetTargetAsync(input.TenantId, input.TargetId, cancellationToken)
        ?? throw new InvalidOperationException($"Target {input.TenantId}/{input.TargetId} does not exist.");
}
