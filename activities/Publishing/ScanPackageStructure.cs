using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>The structure quality scan of a staged package (see docs/package-rules.md).</summary>
public sealed class ScanPackageStructure(PackageScanRunner runner)
{
    private static readonly StructuralScanner Scanner = new();

    /// <summary>Returns the scan's findings.</summary>
    [Function(nameof(ScanPackageStructure))]
    public Task<ScanPackageOutput> RunAsync([ActivityTrigger] ScanPackageInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(Scanner, input, cancellationToken);
}
