using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Identity;

/// <summary>
/// The role and ownership checks every endpoint uses. Each returns null when allowed, or the 401/403 problem to return.
/// </summary>
public static class RequestAuthorization
{
    /// <summary>Any authenticated caller holding <paramref name="role"/>.</summary>
    public static IActionResult? RequireRole(this HttpRequest request, string role, out Caller caller)
    {
        caller = request.HttpContext.GetCaller()!;
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        return caller.IsInRole(role) ? null : Problems.Forbidden($"This operation needs the '{role}' role.");
    }

    /// <summary>A publisher acting for <paramref name="publisherId"/>.</summary>
    public static IActionResult? RequirePublisher(this HttpRequest request, string publisherId, out Caller caller)
    {
        if (request.RequireRole(Roles.Publisher, out caller) is { } denied)
        {
            return denied;
        }

        return string.Equals(caller.PublisherId, publisherId, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden($"The caller does not act for publisher '{publisherId}'.");
    }

    /// <summary>A caller holding <paramref name="role"/> and acting for tenant <paramref name="tenantId"/>.</summary>
    public static IActionResult? RequireTenant(this HttpRequest request, string role, string tenantId, out Caller caller)
    {
        if (request.RequireRole(role, out caller) is { } denied)
        {
            return denied;
        }

        return string.Equals(caller.TenantId, tenantId, StringComparison.Ordinal)
            ? null
            : Problems.Forbidden($"The caller does not act for tenant '{tenantId}'.");
    }
}
