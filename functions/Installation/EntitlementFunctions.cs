using System.Text.Json;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Infrastructure.Installation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Installation;

/// <summary>A tenant's entitlements to paid assets: granted and revoked by billing of that tenant.</summary>
public sealed class EntitlementFunctions(TableTargetStore targets)
{
    /// <summary>The body of a grant.</summary>
    public sealed record EntitlementRequest(DateTimeOffset? ExpiresAt);

    /// <summary><c>PUT /api/tenants/{tenantId}/entitlements/{assetId}</c>: grant (optional expiry).</summary>
    [Function("PutEntitlement")]
    public async Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/entitlements/{assetId}")] HttpRequest request,
        string tenantId,
        string assetId,
        CancellationToken cancellationToken)
    {
        if (request.RequireTenant(Roles.Billing, tenantId, out var caller) is { } denied) return denied;
        EntitlementRequest? body = null;
        try
        {
            if (request.ContentLength is null or > 0)
            {
                body = await JsonSerializer.DeserializeAsync<EntitlementRequest>(request.Body, JsonDefaults.Web, cancellationToken);
            }
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not an entitlement: {ex.Message}");
        }

        try
        {
            var entitlement = await targets.GrantEntitlementAsync(tenantId, assetId, body?.ExpiresAt, caller.AuditName, cancellationToken);
            return new OkObjectResult(entitlement);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }

    /// <summary><c>DELETE /api/tenants/{tenantId}/entitlements/{assetId}</c>: revoke.</summary>
    [Function("DeleteEntitlement")]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "tenants/{tenantId}/entitlements/{assetId}")] HttpRequest request,
        string tenantId,
        string assetId,
        CancellationToken cancellationToken)
    {
        if (request.RequireTenant(Roles.Billing, tenantId, out _) is { } denied) return denied;
        try
        {
            return await targets.RevokeEntitlementAsync(tenantId, assetId, cancellationToken)
                ? new NoContentResult()
                : Problems.NotFound($"Tenant '{tenantId}' has no entitlement to '{assetId}'.");
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }
}
