using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Domain.Signing;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Publishing;

/// <summary>The publishing saga end to end: real HTTP, the real Durable engine, Azurite, Lucene and the local key store.</summary>
[Collection(RuntimeTests.Name)]
public sealed class PublishingSagaTests(LocalRuntimeFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Publish_GoodPackage_IsAvailableSignedDownloadableAndSearchable()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);
        var assetId = $"{publisher}.widgets";
        var package = TestPackages.Create(assetId, "1.2.0", tags: ["widgets", "ui"]);

        var publication = await MarketplaceApi.PublishAsync(this.Http, assetId, package);

        Assert.Equal("Available", publication.GetProperty("state").GetString());
        var hash = Convert.ToHexStringLower(SHA256.HashData(package));
        Assert.Equal(hash, publication.GetProperty("contentHash").GetString());
        var states = publication.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()).ToList();
        Assert.Equal(["Submitted", "Scanning", "Signing", "Indexing", "Available"], states);

        var version = await this.Http.GetFromJsonAsync<JsonElement>($"api/assets/{assetId}/versions/1.2.0");
        Assert.Equal(hash, version.GetProperty("contentHash").GetString());
        var publisherView = await this.Http.GetFromJsonAsync<JsonElement>($"api/publishers/{publisher}");
        var key = publisherView.GetProperty("signingKeys").EnumerateArray()
            .Single(k => k.GetProperty("keyId").GetString() == version.GetProperty("signingKeyId").GetString());
        Assert.True(SignatureVerifier.Verify(key.GetProperty("publicKeyPem").GetString()!, SHA256.HashData(package), version.GetProperty("signature").GetString()!));

        var downloaded = await this.Http.GetByteArrayAsync($"api/assets/{assetId}/versions/1.2.0/package");
        Assert.Equal(package, downloaded);

        var search = await this.Http.GetFromJsonAsync<JsonElement>($"api/assets?q=widgets&publisher={publisher}");
        var item = Assert.Single(search.GetProperty("items").EnumerateArray());
        Assert.Equal(assetId, item.GetProperty("assetId").GetString());
        Assert.Equal("1.2.0", item.GetProperty("latestVersion").GetString());
    }

    [Fact]
    public async Task Submit_SameBytesTwice_ReturnsSamePublicationWithoutNewWork()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);
        var assetId = $"{publisher}.twice";
        var package = TestPackages.Create(assetId, "1.0.0");

        var first = await MarketplaceApi.UploadAcceptedAsync(this.Http, assetId, package);
        var done = await MarketplaceApi.WaitForPublicationAsync(this.Http, first);
        var second = await MarketplaceApi.UploadAcceptedAsync(this.Http, assetId, package);
        var again = await MarketplaceApi.GetPublicationAsync(this.Http, second);

        Assert.Equal(first, second);
        Assert.Equal("Available", again.GetProperty("state").GetString());
        Assert.Equal(done.GetProperty("history").GetArrayLength(), again.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Submit_OtherBytesForReleasedVersion_Returns409()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);
        var assetId = $"{publisher}.immutable";
        Assert.Equal("Available", (await MarketplaceApi.PublishAsync(this.Http, assetId, TestPackages.Create(assetId, "2.0.0"))).GetProperty("state").GetString());

        using var response = await MarketplaceApi.UploadAsync(this.Http, assetId,
            TestPackages.Create(assetId, "2.0.0", contentFiles: new Dictionary<string, string> { ["other.txt"] = "different bytes" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BlobIntake_PackageWrittenToStagingIncoming_BecomesAvailable()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);
        var assetId = $"{publisher}.from-blob";
        var package = TestPackages.Create(assetId, "0.1.0");
        var container = new BlobServiceClient(fixture.Azurite!.ConnectionString).GetBlobContainerClient("staging");

        await container.GetBlobClient($"incoming/{publisher}/drop.zip").UploadAsync(new BinaryData(package));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? state = null;
        while (DateTime.UtcNow < deadline && state != "Available")
        {
            await Task.Delay(300);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/publishers/{publisher}/publications").AsPublisher(publisher);
            using var response = await this.Http.SendAsync(request);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            state = items.GetArrayLength() == 1 ? items[0].GetProperty("state").GetString() : null;
            Assert.NotEqual("Rejected", state);
            Assert.NotEqual("Failed", state);
        }

        Assert.Equal("Available", state);
        Assert.False(await container.GetBlobClient($"incoming/{publisher}/drop.zip").ExistsAsync());
    }

    [Fact]
    public async Task Publish_UnregisteredPublisher_IsRejectedWithFinding()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        var assetId = $"{publisher}.orphan";

        var publication = await MarketplaceApi.PublishAsync(this.Http, assetId, TestPackages.Create(assetId, "1.0.0"));

        Assert.Equal("Rejected", publication.GetProperty("state").GetString());
        Assert.Contains("publisher.unregistered", MarketplaceApi.FindingCodes(publication));
    }

    [Theory]
    [InlineData("../evil.txt", "entry.zip-slip")]
    [InlineData("tools/run.sh", "entry.executable-outside-content")]
    public async Task Publish_HostilePackage_IsRejectedWithTheScannersFinding(string entry, string code)
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);
        var assetId = $"{publisher}.hostile";
        var package = TestPackages.Create(assetId, "1.0.0", extraEntries: new Dictionary<string, string> { [entry] = "echo hi" });

        var publication = await MarketplaceApi.PublishAsync(this.Http, assetId, package);

        Assert.Equal("Rejected", publication.GetProperty("state").GetString());
        Assert.Contains(code, MarketplaceApi.FindingCodes(publication));
        using var version = await this.Http.GetAsync(new Uri($"api/assets/{assetId}/versions/1.0.0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
    }

    [Fact]
    public async Task Publish_NotAZip_IsRejected()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(this.Http, publisher);

        var publication = await MarketplaceApi.PublishAsync(this.Http, $"{publisher}.junk", "definitely not a zip"u8.ToArray());

        Assert.Equal("Rejected", publication.GetProperty("state").GetString());
        Assert.Contains("archive.not-zip", MarketplaceApi.FindingCodes(publication));
    }

    [Fact]
    public async Task Submit_OtherPublishersAsset_Returns403AndAnonymous401()
    {
        var package = TestPackages.Create("contoso.app", "1.0.0");

        using var forbidden = await MarketplaceApi.UploadAsync(this.Http, "contoso.app", package, asPublisher: "fabrikam");
        using var anonymous = await this.Http.PostAsync(new Uri("api/assets/contoso.app/versions", UriKind.Relative), new ByteArrayContent(package));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
