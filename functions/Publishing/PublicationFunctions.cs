using System.Text.Json;
using Marketplace.Domain.Catalog;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Functions.Orchestrations.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Publishing;

/// <summary>A publication's state, and governance's decision on one awaiting approval.</summary>
public sealed class PublicationFunctions(IPublicationStore publications)
{
    /// <summary>The body of a decision.</summary>
    public sealed record DecisionRequest(bool? Approved, string? Reason);

    /// <summary><c>GET /api/publications/{publicationId}</c> (its publisher, governance).</summary>
    [Function("GetPublication")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "publications/{publicationId}")] HttpRequest request,
        string publicationId,
        CancellationToken cancellationToken)
    {
        // Role first, so a caller without one learns nothing about which publication ids exist.
        var caller = request.HttpContext.GetCaller();
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!caller.IsInRole(Roles.Governance) && !caller.IsInRole(Roles.Publisher))
        {
            return Problems.Forbidden("Reading a publication needs the 'publisher' or 'governance' role.");
        }

        var publication = await publications.GetAsync(publicationId, cancellationToken);
        if (publication is null)
        {
            return Problems.NotFound($"No publication '{publicationId}'.");
        }

        if (request.RequireRole(Roles.Governance, out _) is not null && request.RequirePublisher(publication.PublisherId, out _) is { } denied)
        {
            return denied;
        }

        return new OkObjectResult(PublicationView.From(publication));
    }

    /// <summary><c>POST /api/publications/{publicationId}/decision</c> (governance): approve or reject one in AwaitingApproval.</summary>
    [Function("DecidePublication")]
    public async Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "publications/{publicationId}/decision")] HttpRequest request,
        string publicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out var caller) is { } denied)
        {
            return denied;
        }

        DecisionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DecisionRequest>(request.Body, JsonDefaults.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not a decision: {ex.Message}");
        }

        if (body?.Approved is not { } approved)
        {
            return Problems.BadRequest("The decision needs 'approved' (true or false).", new Dictionary<string, string[]> { ["approved"] = ["Required."] });
        }

        var publication = await publications.GetAsync(publicationId, cancellationToken);
        if (publication is null)
        {
            return Problems.NotFound($"No publication '{publicationId}'.");
        }

        if (publication.State != PublicationStates.AwaitingApproval)
        {
            return Problems.Conflict($"Publication '{publicationId}' is {publication.State}, not AwaitingApproval.");
        }

        await durable.RaiseEventAsync(
            publicationId, PublishAssetOrchestrator.ReviewDecisionEvent,
            new ReviewDecision(approved, body.Reason, caller.AuditName), cancellationToken);
        return new AcceptedResult($"/api/publications/{publicationId}", new { publicationId, approved, body.Reason });
    }
}
