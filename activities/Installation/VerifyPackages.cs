using System.Security.Cryptography;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Signing;
using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>
/// Before anything is applied: each released package's bytes must hash to the catalogue's content hash, and its
/// signature must verify with one of its publisher's keys. A tampered package is refused.
/// </summary>
public sealed class VerifyPackages(ICatalogStore catalog, ReleasedPackageStore released, IPackageSigner signer)
{
    /// <summary>Returns a finding per package that fails verification.</summary>
    [Function(nameof(VerifyPackages))]
    public async Task<CheckResult> RunAsync([ActivityTrigger] InstallationWork work, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var asset in work.ToInstall)
        {
            var row = await catalog.GetVersionAsync(asset.AssetId, asset.Version, cancellationToken);
            await using var package = row is null ? null : await released.OpenAsync(asset.AssetId, asset.Version, cancellationToken);
            if (row is null || package is null)
            {
                findings.Add(Finding.Error("package.missing", asset.AssetId, $"{asset.AssetId} {asset.Version} has no released package."));
                continue;
            }

            var digest = await SHA256.HashDataAsync(package, cancellationToken);
            if (!string.Equals(Convert.ToHexStringLower(digest), row.ContentHash, StringComparison.Ordinal))
            {
                findings.Add(Finding.Error("package.tampered", asset.AssetId,
                    $"{asset.AssetId} {asset.Version}: the released bytes do not hash to the catalogue's content hash."));
                continue;
            }

            var publisherId = asset.AssetId.Split('.')[0];
            var key = (await signer.GetKeysAsync(publisherId, cancellationToken)).FirstOrDefault(k => k.KeyId == row.SigningKeyId);
            if (key is null || row.Signature is null || !SignatureVerifier.Verify(key.PublicKeyPem, digest, row.Signature))
            {
                findings.Add(Finding.Error("package.signature", asset.AssetId,
                    $"{asset.AssetId} {asset.Version}: the signature does not verify with publisher '{publisherId}' key '{row.SigningKeyId}'."));
            }
        }

        return new CheckResult(findings, null);
    }
}
