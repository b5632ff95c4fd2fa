using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Publishing;
using Marketplace.Infrastructure.Packages;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Runs one scanner over a staged package, streamed from the staging container with the configured limits.</summary>
public sealed class PackageScanRunner(PackageStaging staging, IOptions<PublishingOptions> options)
{
    /// <summary>Scans and returns the findings of one category.</summary>
    public async Task<ScanPackageOutput> RunAsync(IPackageScanner scanner, ScanPackageInput input, CancellationToken cancellationToken)
    {
        await using var package = await staging.OpenAsync(input.ContentHash, cancellationToken);
        var context = new PackageScanContext(input.PublisherId, input.ExpectedAssetId, options.Value.Limits);
        var findings = await scanner.ScanAsync(package, context, cancellationToken);
        return new ScanPackageOutput(scanner.Category.ToString().ToLowerInvariant(), findings);
    }
}
