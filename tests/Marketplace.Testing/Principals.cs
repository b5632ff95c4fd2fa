using System.Net.Http.Headers;
using Marketplace.Functions.Identity;

namespace Marketplace.Testing;

/// <summary>Builds requests that carry an Easy Auth client principal.</summary>
public static class Principals
{
    /// <summary>A request with the principal header for the given roles and claims.</summary>
    public static HttpRequestMessage As(this HttpRequestMessage request, IEnumerable<string> roles, string? publisherId = null, string? tenantId = null)
    {
        request.Headers.Add(ClientPrincipalParser.HeaderName, ClientPrincipalParser.Encode(roles, publisherId, tenantId, name: "test"));
        return request;
    }

    /// <summary>A governance caller.</summary>
    public static HttpRequestMessage AsGovernance(this HttpRequestMessage request) => request.As([Roles.Governance]);

    /// <summary>A publisher acting for <paramref name="publisherId"/>.</summary>
    public static HttpRequestMessage AsPublisher(this HttpRequestMessage request, string publisherId) =>
        request.As([Roles.Publisher], publisherId: publisherId);

    /// <summary>A consumer of <paramref name="tenantId"/>.</summary>
    public static HttpRequestMessage AsConsumer(this HttpRequestMessage request, string tenantId) =>
        request.As([Roles.Consumer], tenantId: tenantId);

    /// <summary>JSON content.</summary>
    public static HttpRequestMessage WithJson(this HttpRequestMessage request, string json)
    {
        request.Content = new StringContent(json);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }
}
