using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Infrastructure.Packages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Publishing;

/// <summary><c>POST /api/assets/{assetId}/versions</c>: a publisher uploads a package (application/zip).</summary>
public sealed class SubmitVersionFunction(PublicationSubmitter submitter, IOptions<PublishingOptions> options)
{
    /// <summary>Streams the body into staging and starts (or finds) its publication: 202, 409, 413.</summary>
    [Function("SubmitVersion")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "assets/{assetId}/versions")] HttpRequest request,
        string assetId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var publisherId = assetId.Split('.')[0];
        if (request.RequirePublisher(publisherId, out _) is { } denied)
        {
            return denied;
        }

        if (request.ContentLength > options.Value.MaxPackageBytes)
        {
            return TooLarge(options.Value.MaxPackageBytes);
        }

        if (request.ContentType is { } type && !type.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Create(415, "Unsupported Media Type", "Send the package as application/zip.");
        }

        SubmissionResult result;
        try
        {
            result = await submitter.SubmitAsync(request.Body, publisherId, assetId, "http", durable, cancellationToken);
        }
        catch (PackageTooLargeException ex)
        {
            return TooLarge(ex.Limit);
        }

        return result switch
        {
            SubmissionResult.Accepted accepted => AcceptedResults.Accepted(
                request, "publicationId", accepted.Publication.PublicationId, $"/api/publications/{accepted.Publication.PublicationId}"),
            SubmissionResult.VersionConflict conflict => Problems.Conflict(
                $"{conflict.AssetId} {conflict.Version} is {(conflict.Holder.State == "Available" ? "released" : "being published")} with other bytes; versions are immutable.",
                new Dictionary<string, object?> { ["publicationId"] = conflict.Holder.PublicationId, ["contentHash"] = conflict.Holder.ContentHash }),
            _ => throw new InvalidOperationException("Unknown submission result."),
        };
    }

    private static ObjectResult TooLarge(long limit) =>
        Problems.Create(413, "Payload Too Large", $"Packages are limited to {limit} bytes.");
}
