using System.Globalization;
using System.Text.Json;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Search;
using Marketplace.Functions.Http;
using Marketplace.Infrastructure.Packages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Publishing;

/// <summary>The public catalogue: search, asset and version details, package download. No principal needed.</summary>
public sealed class CatalogFunctions(ICatalogStore catalog, ICatalogSearch search, ReleasedPackageStore released)
{
    /// <summary><c>GET /api/assets?q=&amp;kind=&amp;tag=&amp;publisher=&amp;skip=&amp;take=</c>: Available assets, latest stable version each.</summary>
    [Function("SearchAssets")]
    public async Task<IActionResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var skip = ReadInt(request, "skip", 0, errors);
        var take = ReadInt(request, "take", 20, errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The search parameters are not valid.", errors);
        }

        var query = new CatalogSearchQuery(
            request.Query["q"].FirstOrDefault(), request.Query["kind"].FirstOrDefault(), request.Query["tag"].FirstOrDefault(),
            request.Query["publisher"].FirstOrDefault(), skip, take);
        try
        {
            CatalogSearchQuery.Validate(query);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }

        var page = await search.SearchAsync(query, cancellationToken);
        return new OkObjectResult(new { total = page.Total, items = page.Items });
    }

    /// <summary><c>GET /api/assets/{assetId}</c>: the asset with its versions and their status.</summary>
    [Function("GetAsset")]
    public async Task<IActionResult> GetAssetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{assetId}")] HttpRequest request,
        string assetId,
        CancellationToken cancellationToken)
    {
        var asset = await catalog.GetAssetAsync(assetId, cancellationToken);
        if (asset is null)
        {
            return Problems.NotFound($"No asset '{assetId}'.");
        }

        var versions = (await catalog.ListVersionsAsync(assetId, cancellationToken))
            .Where(v => v.State != VersionStates.Claimed)
            .OrderByDescending(v => Semver.SemVersion.Parse(v.Version, Semver.SemVersionStyles.Strict), Semver.SemVersion.PrecedenceComparer)
            .Select(v => new { v.Version, status = v.State, v.ContentHash, v.ReleasedAt });
        return new OkObjectResult(new
        {
            asset.AssetId, asset.PublisherId, asset.Kind, asset.DisplayName, asset.Description, asset.Tags,
            asset.Suspended, asset.SuspensionReason, asset.UpdatedAt, versions,
        });
    }

    /// <summary><c>GET /api/assets/{assetId}/versions/{version}</c>: manifest, content hash, signature, key id, release time.</summary>
    [Function("GetAssetVersion")]
    public async Task<IActionResult> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{assetId}/versions/{version}")] HttpRequest request,
        string assetId,
        string version,
        CancellationToken cancellationToken)
    {
        var row = await catalog.GetVersionAsync(assetId, version, cancellationToken);
        if (row is not { State: VersionStates.Available })
        {
            return Problems.NotFound($"No available version '{version}' of '{assetId}'.");
        }

        using var manifest = JsonDocument.Parse(row.ManifestJson ?? "{}");
        return new OkObjectResult(new
        {
            row.AssetId, row.Version, status = row.State, manifest = manifest.RootElement.Clone(), row.ContentHash, row.Size,
            row.Signature, row.SigningKeyId, signatureAlgorithm = "ES256", row.ReleasedAt, row.PublicationId,
        });
    }

    /// <summary><c>GET /api/assets/{assetId}/versions/{version}/package</c>: the released bytes.</summary>
    [Function("DownloadPackage")]
    public async Task<IActionResult> DownloadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{assetId}/versions/{version}/package")] HttpRequest request,
        string assetId,
        string version,
        CancellationToken cancellationToken)
    {
        var row = await catalog.GetVersionAsync(assetId, version, cancellationToken);
        if (row is not { State: VersionStates.Available })
        {
            return Problems.NotFound($"No available version '{version}' of '{assetId}'.");
        }

        var stream = await released.OpenAsync(assetId, row.Version, cancellationToken);
        if (stream is null)
        {
            return Problems.NotFound($"The package of {assetId} {version} is missing from the released store.");
        }

        request.HttpContext.Response.Headers["X-Content-SHA256"] = row.ContentHash;
        return new FileStreamResult(stream, "application/zip") { FileDownloadName = $"{assetId}-{row.Version}.zip", EntityTag = new($"\"{row.ContentHash}\"") };
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = ["A non-negative integer."];
        return fallback;
    }
}
