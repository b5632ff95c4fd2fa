using Marketplace.Functions.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>Evaluating: the newest version in range that suits the target (runtime, project type, suspension, conflicts, file ownership).</summary>
public sealed class EvaluateCompatibility(InstallationPlanner planner, TableTargetStore targets)
{
    /// <summary>Returns the chosen version and the verdict.</summary>
    [Function(nameof(EvaluateCompatibility))]
    public async Task<EvaluationResult> RunAsync([ActivityTrigger] InstallAssetInput input, CancellationToken cancellationToken)
    {
        var target = await TargetLookup.LoadAsync(targets, input, cancellationToken);
        var outcome = await planner.EvaluateAsync(target, input.AssetId, input.VersionRange, cancellationToken);
        return new EvaluationResult(outcome.Version, outcome.Verdict);
    }
}
