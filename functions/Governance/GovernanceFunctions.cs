using System.Globalization;
using System.Text.Json;
using Marketplace.Domain.Governance;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Governance;

/// <summary>Governance: escalation signals, suspensions of assets and publishers, and the audit log. Role governance.</summary>
public sealed class GovernanceFunctions(GovernanceActions actions, IGovernanceSignalStore signals, IAuditLog audit)
{
    /// <summary>The body of a suspension.</summary>
    public sealed record SuspensionRequest(string? Reason);

    /// <summary><c>GET /api/governance/signals?take=</c>: newest first.</summary>
    [Function("ListGovernanceSignals")]
    public async Task<IActionResult> ListSignalsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "governance/signals")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied) return denied;
        return new OkObjectResult(new { items = await signals.ListAsync(Take(request), cancellationToken) });
    }

    /// <summary><c>GET /api/governance/audit?subjectId=&amp;take=</c>: the append-only audit log, newest first.</summary>
    [Function("ReadAuditLog")]
    public async Task<IActionResult> ReadAuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "governance/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied) return denied;
        return new OkObjectResult(new { items = await audit.ReadAsync(request.Query["subjectId"].FirstOrDefault(), Take(request), cancellationToken) });
    }

    /// <summary><c>POST|DELETE /api/governance/assets/{assetId}/suspension</c>: suspend (with a reason) or reinstate.</summary>
    [Function("AssetSuspension")]
    public async Task<IActionResult> AssetSuspensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "governance/assets/{assetId}/suspension")] HttpRequest request,
        string assetId,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out var caller) is { } denied) return denied;
        var (reason, invalid) = await ReadReasonAsync(request, cancellationToken);
        if (invalid is not null) return invalid;
        var asset = await actions.SetAssetSuspensionAsync(assetId, reason, caller.AuditName, cancellationToken);
        return asset is null ? Problems.NotFound($"No asset '{assetId}'.") : new OkObjectResult(asset);
    }

    /// <summary><c>POST|DELETE /api/governance/publishers/{publisherId}/suspension</c>: suspend (with a reason) or reinstate.</summary>
    [Function("PublisherSuspension")]
    public async Task<IActionResult> PublisherSuspensionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "delete", Route = "governance/publishers/{publisherId}/suspension")] HttpRequest request,
        string publisherId,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out var caller) is { } denied) return denied;
        var (reason, invalid) = await ReadReasonAsync(request, cancellationToken);
        if (invalid is not null) return invalid;
        var publisher = await actions.SetPublisherSuspensionAsync(publisherId, reason, caller.AuditName, cancellationToken);
        return publisher is null ? Problems.NotFound($"No publisher '{publisherId}'.") : new OkObjectResult(publisher);
    }

    // POST needs a reason (it is audited); DELETE reinstates and needs none.
    private static async Task<(string? Reason, IActionResult? Invalid)> ReadReasonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsDelete(request.Method))
        {
            return (null, null);
        }

        try
        {
            var body = request.ContentLength is 0 ? null : await JsonSerializer.DeserializeAsync<SuspensionRequest>(request.Body, JsonDefaults.Web, cancellationToken);
            return string.IsNullOrWhiteSpace(body?.Reason)
                ? (null, Problems.BadRequest("A suspension needs a reason.", new Dictionary<string, string[]> { ["reason"] = ["Required."] }))
                : (body.Reason.Trim(), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not a suspension: {ex.Message}"));
        }
    }

    private static int Take(HttpRequest request) =>
        int.TryParse(request.Query["take"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var take) ? Math.Clamp(take, 1, 500) : 100;
}
