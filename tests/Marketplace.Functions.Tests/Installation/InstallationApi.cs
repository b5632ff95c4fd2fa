using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Functions.Tests.Publishing;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Installation;

/// <summary>A test's own publisher, tenant and target, with the calls the installation tests share.</summary>
internal sealed class InstallationScenario(LocalRuntimeFixture fixture)
{
    public string Publisher { get; } = MarketplaceApi.NewPublisherId();

    public string Tenant { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    public string Target { get; } = "web";

    public HttpClient Http => fixture.Http;

    public string Id(string name) => $"{this.Publisher}.{name}";

    public async Task<InstallationScenario> StartAsync(string runtime = "9.0.0", string projectType = "webapi")
    {
        await MarketplaceApi.RegisterPublisherAsync(this.Http, this.Publisher);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{this.Tenant}/targets/{this.Target}")
            .WithJson(JsonSerializer.Serialize(new { runtime, projectType })).AsConsumer(this.Tenant);
        using var response = await this.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return this;
    }

    public async Task PublishAsync(byte[] package, string assetId)
    {
        var publication = await MarketplaceApi.PublishAsync(this.Http, assetId, package);
        Assert.True(publication.GetProperty("state").GetString() == "Available", publication.ToString());
    }

    public async Task<HttpResponseMessage> PostAsync(string route, object body, string? idempotencyKey = null, string? asTenant = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route).WithJson(JsonSerializer.Serialize(body)).AsConsumer(asTenant ?? this.Tenant);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await this.Http.SendAsync(request);
    }

    public async Task<string> StartInstallAsync(string assetId, string? version = null, string? idempotencyKey = null)
    {
        using var response = await this.PostAsync("api/installations", new { tenantId = this.Tenant, targetId = this.Target, assetId, version }, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("installationId").GetString()!;
    }

    public async Task<JsonElement> InstallAsync(string assetId, string? version = null)
    {
        var id = await this.StartInstallAsync(assetId, version);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var installation = await this.GetJsonAsync($"api/installations/{id}");
            if (installation.GetProperty("state").GetString() is "Installed" or "Failed" or "RolledBack")
            {
                return installation;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Installation {id} did not end: {installation}");
            await Task.Delay(200);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string route, string? asTenant = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route).AsConsumer(asTenant ?? this.Tenant);
        using var response = await this.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Everything a user could observe of the target: installed rows, artifact rows, and every file's bytes.</summary>
    public async Task<string> SnapshotAsync()
    {
        var target = await this.GetJsonAsync($"api/tenants/{this.Tenant}/targets/{this.Target}");
        var container = new BlobServiceClient(fixture.Azurite!.ConnectionString).GetBlobContainerClient("targets");
        var files = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{this.Tenant}/{this.Target}/files/", default))
        {
            var bytes = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            files.Add($"{blob.Name}={Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))}");
        }

        return $"{target.GetProperty("installed")}|{target.GetProperty("artifacts")}|{string.Join(",", files)}";
    }

    public static IEnumerable<string> Codes(JsonElement installation) =>
        installation.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!);
}
