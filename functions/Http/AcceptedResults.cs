using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Http;

/// <summary>The API's answer to long-running work: 202 with a Location header and the id and status URL in the body.</summary>
public static class AcceptedResults
{
    /// <summary>202 Accepted pointing at <paramref name="statusPath"/> (relative to the host, e.g. <c>/api/publications/42</c>).</summary>
    public static IActionResult Accepted(HttpRequest request, string idName, string id, string statusPath)
    {
        var statusUrl = $"{request.Scheme}://{request.Host}{statusPath}";
        return new AcceptedResult(statusUrl, new Dictionary<string, string> { [idName] = id, ["statusUrl"] = statusUrl });
    }
}
