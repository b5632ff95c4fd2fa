using System.Text.Json;
using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Publishing;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Reads the manifest of a package that passed its scans: the facts the rest of the saga works with.</summary>
public sealed class ReadPackageFacts(PackageStaging staging, IOptions<PublishingOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the package's facts.</summary>
    [Function(nameof(ReadPackageFacts))]
    public async Task<PackageFacts> RunAsync([ActivityTrigger] ScanPackageInput input, CancellationToken cancellationToken)
    {
        await using var package = await staging.OpenAsync(input.ContentHash, cancellationToken);
        var read = await ManifestReader.ReadAsync(package, options.Value.Limits, cancellationToken);
        var manifest = read.Manifest
            ?? throw new InvalidOperationException($"Package {input.ContentHash} has no valid manifest, yet passed its scans.");
        return new PackageFacts(
            manifest.Id, manifest.Version, manifest.Publisher, manifest.Kind.ToString().ToLowerInvariant(),
            manifest.DisplayName ?? manifest.Id, manifest.Description ?? "", manifest.Tags,
            JsonSerializer.Serialize(read.Document, Json));
    }
}
