using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Marketplace policy: a publisher publishes only its own ids, under the asset id it addressed,
/// and only the kinds and pricing it is allowed.
/// </summary>
public sealed class PolicyScanner : IPackageScanner
{
    private const string Path = ManifestParser.FileName;

    /// <inheritdoc />
    public ScanCategory Category => ScanCategory.Policy;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Finding>> ScanAsync(Stream package, PackageScanContext context, CancellationToken cancellationToken)
    {
        var opening = await PackageArchive.OpenAsync(package, context.Limits, cancellationToken);
        if (opening.Archive is not { } archive)
        {
            return [];
        }

        var (document, _) = await ManifestReader.ReadDocumentAsync(archive, context.Limits, cancellationToken);
        return document is null ? [] : Check(document, context);
    }

    /// <summary>Applies the policy rules to a manifest document.</summary>
    public static IReadOnlyList<Finding> Check(ManifestDocument document, PackageScanContext context)
    {
        var findings = new List<Finding>();
        var uploader = context.UploaderPublisherId;
        if (document.Publisher != uploader)
        {
            findings.Add(Finding.Error(FindingCodes.ManifestPublisherMismatch, Path, $"The manifest's publisher '{document.Publisher}' is not the uploading publisher '{uploader}'."));
        }

        if (document.Id is { } id && AssetIdRules.PrefixOf(id) != uploader)
        {
            findings.Add(Finding.Error(FindingCodes.ManifestPublisherMismatch, Path, $"The id '{id}' does not belong to the uploading publisher '{uploader}'."));
        }

        if (context.ExpectedAssetId is { } expected && document.Id != expected)
        {
            findings.Add(Finding.Error(FindingCodes.ManifestIdMismatch, Path, $"The manifest's id '{document.Id}' is not the asset '{expected}' the upload was addressed to."));
        }

        if (context.AllowedKinds is { } allowed && document.Kind is { } kindText
            && ManifestVocabulary.Kinds.TryGetValue(kindText, out var kind) && !allowed.Contains(kind))
        {
            findings.Add(Finding.Error(FindingCodes.PolicyKindNotAllowed, Path, $"This publisher may not publish assets of kind '{document.Kind}'."));
        }

        if (!context.PaidAssetsAllowed && document.Pricing is { } pricing
            && ManifestVocabulary.Pricings.GetValueOrDefault(pricing) == AssetPricing.Paid)
        {
            findings.Add(Finding.Error(FindingCodes.PolicyPaidNotAllowed, Path, "This publisher may not publish paid assets."));
        }

        return findings;
    }
}
