using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>Runs every scan category over a package and gathers one report.</summary>
/// <param name="scanners">The scanners to run, in order.</param>
public sealed class PackageScanner(IReadOnlyList<IPackageScanner> scanners)
{
    /// <summary>Creates a facade over the four standard scanners.</summary>
    public PackageScanner()
        : this([new StructuralScanner(), new StaticScanner(), new SecurityScanner(), new PolicyScanner()])
    {
    }

    /// <summary>The scanners this facade runs, in order.</summary>
    public IReadOnlyList<IPackageScanner> Scanners => scanners;

    /// <summary>Scans a package in every category and reads its manifest.</summary>
    /// <param name="package">A readable, seekable stream holding the zip.</param>
    /// <param name="context">Who uploads it and the limits to apply.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public async ValueTask<PackageScanReport> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var scanner in scanners)
        {
            findings.AddRange(await scanner.ScanAsync(package, context, cancellationToken));
        }

        var manifest = await ManifestReader.ReadAsync(package, context.Limits, cancellationToken);
        return new PackageScanReport([.. findings.Distinct()], manifest.Manifest);
    }
}
