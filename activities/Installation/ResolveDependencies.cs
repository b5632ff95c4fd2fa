using Marketplace.Functions.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>Resolving: the dependency graph over released, non-suspended versions, installed assets fixed.</summary>
public sealed class ResolveDependencies(InstallationPlanner planner, TableTargetStore targets)
{
    /// <summary>Returns the graph and what to install, or the conflicts.</summary>
    [Function(nameof(ResolveDependencies))]
    public async Task<ResolveResult> RunAsync([ActivityTrigger] ResolveInput input, CancellationToken cancellationToken)
    {
        var target = await TargetLookup.LoadAsync(targets, input.Request, cancellationToken);
        var outcome = await planner.ResolveAsync(target, input.Request.AssetId, input.Version, cancellationToken);
        return new ResolveResult(outcome.Resolved, outcome.ToInstall, outcome.Findings, outcome.Explanation);
    }
}
