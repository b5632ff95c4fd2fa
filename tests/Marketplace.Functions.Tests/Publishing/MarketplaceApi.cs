using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Publishing;

/// <summary>Calls of the HTTP API that the end-to-end tests share.</summary>
internal static class MarketplaceApi
{
    public static readonly string[] Terminal = ["Available", "Rejected", "Failed"];

    public static string NewPublisherId() => "p" + Guid.NewGuid().ToString("N")[..10];

    public static async Task RegisterPublisherAsync(HttpClient http, string publisherId, string trustTier = "standard")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/publishers/{publisherId}")
            .WithJson(JsonSerializer.Serialize(new { displayName = $"Publisher {publisherId}", trustTier })).AsGovernance();
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string assetId, byte[] package, string? asPublisher = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/assets/{assetId}/versions")
            .AsPublisher(asPublisher ?? assetId.Split('.')[0]);
        request.Content = new ByteArrayContent(package);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await http.SendAsync(request);
    }

    public static async Task<string> UploadAcceptedAsync(HttpClient http, string assetId, byte[] package)
    {
        using var response = await UploadAsync(http, assetId, package);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("publicationId").GetString()!;
    }

    public static async Task<JsonElement> GetPublicationAsync(HttpClient http, string publicationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/publications/{publicationId}").AsGovernance();
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> WaitForPublicationAsync(HttpClient http, string publicationId, params string[] states)
    {
        var wanted = states.Length > 0 ? states : Terminal;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetPublicationAsync(http, publicationId);
            if (wanted.Contains(last.GetProperty("state").GetString()))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Publication {publicationId} did not reach {string.Join("/", wanted)}; last: {last}");
    }

    public static async Task<JsonElement> PublishAsync(HttpClient http, string assetId, byte[] package)
    {
        var id = await UploadAcceptedAsync(http, assetId, package);
        return await WaitForPublicationAsync(http, id);
    }

    public static IEnumerable<string> FindingCodes(JsonElement publication) =>
        publication.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!);
}
