namespace Marketplace.Domain.Events;

/// <summary>CloudEvents <c>subject</c> formats: resource paths like the HTTP API's, without <c>/api/</c>.</summary>
public static class EventSubjects
{
    /// <summary><c>assets/{assetId}</c>.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <returns>The subject.</returns>
    public static string Asset(string assetId) => $"assets/{assetId}";

    /// <summary><c>assets/{assetId}/versions/{version}</c>.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The subject.</returns>
    public static string AssetVersion(string assetId, string version) => $"assets/{assetId}/versions/{version}";

    /// <summary><c>publications/{publicationId}</c>.</summary>
    /// <param name="publicationId">The publication id.</param>
    /// <returns>The subject.</returns>
    public static string Publication(string publicationId) => $"publications/{publicationId}";

    /// <summary><c>installations/{installationId}</c>.</summary>
    /// <param name="installationId">The installation id.</param>
    /// <returns>The subject.</returns>
    public static string Installation(string installationId) => $"installations/{installationId}";

    /// <summary><c>publishers/{publisherId}</c>.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <returns>The subject.</returns>
    public static string Publisher(string publisherId) => $"publishers/{publisherId}";

    /// <summary><c>tenants/{tenantId}/entitlements/{assetId}</c>.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <param name="assetId">The asset id.</param>
    /// <returns>The subject.</returns>
    public static string Entitlement(string tenantId, string assetId) => $"tenants/{tenantId}/entitlements/{assetId}";
}
