using Marketplace.Domain.Installation;
using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Functions.Testing;
using Marketplace.Infrastructure.Installation;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>
/// Applying: writes every content file of the packages into the target, dependencies first, each journaled before its
/// write (what it replaces) so the rollback can restore the target exactly, even after a crash.
/// </summary>
public sealed class ApplyInstallation(ReleasedPackageStore released, TargetApplier applier, TableTargetStore targets, StepFaults faults)
{
    /// <summary>The fault-injection step name for one file write (keyed by the file's path).</summary>
    public const string ApplyFileStep = "ApplyFile";

    /// <summary>Applies and returns the artifacts.</summary>
    [Function(nameof(ApplyInstallation))]
    public async Task<ApplyResult> RunAsync([ActivityTrigger] InstallationWork work, CancellationToken cancellationToken)
    {
        var request = work.Request;
        var packages = new List<Stream>();
        try
        {
            var files = new List<TargetFileWrite>();
            foreach (var asset in work.ToInstall)
            {
                var package = await released.OpenAsync(asset.AssetId, asset.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"{asset.AssetId} {asset.Version} has no released package.");
                packages.Add(package);
                var opening = await PackageReader.OpenAsync(package, PackageLimits.Default, cancellationToken);
                var reader = opening.Reader ?? throw new InvalidOperationException($"{asset.AssetId} {asset.Version} cannot be read.");
                files.AddRange(reader.ContentEntries.Select(e => new TargetFileWrite(e.RelativePath, asset.AssetId, asset.Version, e.OpenAsync)));
            }

            var token = await applier.ApplyAsync(
                new TargetApplyRequest(request.TenantId, request.TargetId, request.InstallationId, work.ToInstall, files),
                (path, _) =>
                {
                    faults.ThrowIfArmed(ApplyFileStep, path);
                    return Task.CompletedTask;
                },
                cancellationToken);
            var artifacts = (await targets.ListArtifactsAsync(request.TenantId, request.TargetId, cancellationToken))
                .Where(a => a.InstallationId == request.InstallationId)
                .Select(a => new AppliedFile(a.Path, a.Sha256, a.AssetId, a.Version))
                .ToList();
            return new ApplyResult(artifacts, token.JournalEntryCount);
        }
        finally
        {
            foreach (var package in packages)
            {
                await package.DisposeAsync();
            }
        }
    }
}
