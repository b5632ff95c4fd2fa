using Microsoft.AspNetCore.Http;

namespace Marketplace.Functions.Identity;

/// <summary>
/// Attaches the caller to the request once, from the trusted header. Shared by the Functions middleware and the local
/// runtime's ASP.NET Core middleware, so both hosts authenticate identically.
/// </summary>
public static class CallerResolver
{
    private static readonly object CallerKey = new();

    /// <summary>Reads the principal header (when trusted) and stores the caller on the request.</summary>
    public static void Attach(HttpContext httpContext, IdentityOptions options)
    {
        Caller? caller = null;
        if (options.TrustClientPrincipalHeader
            && httpContext.Request.Headers.TryGetValue(ClientPrincipalParser.HeaderName, out var values)
            && ClientPrincipalParser.TryParse(values.ToString(), out var parsed, out _))
        {
            caller = parsed;
        }

        httpContext.Items[CallerKey] = caller;
    }

    /// <summary>The caller attached to this request, or null for an anonymous one.</summary>
    public static Caller? GetCaller(this HttpContext httpContext) =>
        httpContext.Items.TryGetValue(CallerKey, out var value) ? value as Caller : null;
}
