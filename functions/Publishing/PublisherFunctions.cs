using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Signing;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Publishing;

/// <summary>Publishers: governance registers them; anyone reads them with their signing keys.</summary>
public sealed partial class PublisherFunctions(ICatalogStore catalog, IPublicationStore publications, IPackageSigner signer)
{
    /// <summary>The body of <c>PUT /api/publishers/{publisherId}</c>.</summary>
    public sealed record PublisherRequest(string? DisplayName, string? TrustTier);

    /// <summary><c>PUT /api/publishers/{publisherId}</c> (governance): register or update.</summary>
    [Function("PutPublisher")]
    public async Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "publishers/{publisherId}")] HttpRequest request,
        string publisherId,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied)
        {
            return denied;
        }

        PublisherRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PublisherRequest>(request.Body, JsonDefaults.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not a publisher: {ex.Message}");
        }

        var errors = new Dictionary<string, string[]>();
        if (!PublisherIdPattern().IsMatch(publisherId))
        {
            errors["publisherId"] = ["Lowercase letters and digits with single '-' between, 2 to 50 characters."];
        }

        if (string.IsNullOrWhiteSpace(body?.DisplayName) || body.DisplayName.Length > 200)
        {
            errors["displayName"] = ["Required, at most 200 characters."];
        }

        if (body?.TrustTier is null || !TrustTiers.All.Contains(body.TrustTier))
        {
            errors["trustTier"] = ["One of verified, standard, restricted."];
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest("The publisher is not valid.", errors);
        }

        var (publisher, created) = await catalog.UpsertPublisherAsync(publisherId, body!.DisplayName!.Trim(), body.TrustTier!, cancellationToken);
        var view = await this.ViewAsync(publisher, cancellationToken);
        return created ? new CreatedResult($"/api/publishers/{publisherId}", view) : new OkObjectResult(view);
    }

    /// <summary><c>GET /api/publishers/{publisherId}</c> (anyone): tier, suspension and every signing key version.</summary>
    [Function("GetPublisher")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publishers/{publisherId}")] HttpRequest request,
        string publisherId,
        CancellationToken cancellationToken)
    {
        var publisher = await catalog.GetPublisherAsync(publisherId, cancellationToken);
        return publisher is null
            ? Problems.NotFound($"No publisher '{publisherId}'.")
            : new OkObjectResult(await this.ViewAsync(publisher, cancellationToken));
    }

    /// <summary><c>GET /api/publishers/{publisherId}/publications</c> (that publisher, governance): newest first.</summary>
    [Function("ListPublisherPublications")]
    public async Task<IActionResult> ListPublicationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publishers/{publisherId}/publications")] HttpRequest request,
        string publisherId,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is not null && request.RequirePublisher(publisherId, out _) is { } denied)
        {
            return denied;
        }

        var list = await publications.ListByPublisherAsync(publisherId, 100, cancellationToken);
        return new OkObjectResult(new { items = list.Select(PublicationView.From) });
    }

    private async Task<object> ViewAsync(PublisherRecord publisher, CancellationToken cancellationToken)
    {
        IReadOnlyList<SigningKeyInfo> keys;
        try
        {
            keys = await signer.GetKeysAsync(publisher.PublisherId, cancellationToken);
        }
        catch (SigningException ex) when (ex.ErrorCode == SigningException.KeyNotFoundCode)
        {
            keys = []; // No key until the first publication is signed.
        }

        return new
        {
            publisher.PublisherId,
            publisher.DisplayName,
            publisher.TrustTier,
            publisher.Suspended,
            publisher.SuspensionReason,
            publisher.CreatedAt,
            publisher.UpdatedAt,
            signingKeys = keys.Select(k => new { k.KeyId, k.PublicKeyPem, k.CreatedAt, k.Current }),
        };
    }

    [GeneratedRegex("^(?=.{2,50}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PublisherIdPattern();
}
