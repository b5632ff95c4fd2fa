using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>One category of the publishing quality scan.</summary>
/// <remarks>
/// Scanners read the package from absolute offsets, so the stream's position on entry does not
/// matter and is left undefined. Archive-level problems (not a zip, over a limit) are reported by
/// the structural scanner only; the others stop quietly when they meet one.
/// </remarks>
public interface IPackageScanner
{
    /// <summary>The category this scanner covers.</summary>
    ScanCategory Category { get; }

    /// <summary>Scans a package and returns its findings; hostile input gives findings, never exceptions.</summary>
    /// <param name="package">A readable, seekable stream holding the zip.</param>
    /// <param name="context">Who uploads it and the limits to apply.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    ValueTask<IReadOnlyList<Finding>> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken);
}
