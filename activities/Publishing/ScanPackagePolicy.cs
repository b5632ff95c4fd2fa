using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>The policy quality scan of a staged package (see docs/package-rules.md).</summary>
public sealed class ScanPackagePolicy(PackageScanRunner runner)
{
    private static readonly PolicyScanner Scanner = new();

    /// <summary>Returns the scan's findings.</summary>
    [Function(nameof(ScanPackagePolicy))]
    public Task<ScanPackageOutput> RunAsync([ActivityTrigger] ScanPackageInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(Scanner, input, cancellationToken);
}
