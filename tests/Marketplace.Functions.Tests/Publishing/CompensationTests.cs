using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Functions.Testing;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Publishing;

/// <summary>A step that fails after its retries ends Failed with nothing half-published, and the version can be submitted again.</summary>
[Collection(RuntimeTests.Name)]
public sealed class CompensationTests(LocalRuntimeFixture fixture)
{
    [Theory]
    [InlineData("SignPackage")]
    [InlineData("RecordVersion")]
    [InlineData("ReleasePackage")]
    [InlineData("MarkVersionAvailable")]
    [InlineData("IndexAsset")]
    public async Task Publish_StepFailsAfterRetries_CompensatesAndCanBeResubmitted(string step)
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher);
        var assetId = $"{publisher}.fragile";
        var package = TestPackages.Create(assetId, "1.0.0");
        var faults = fixture.Runtime.Services.GetRequiredService<StepFaults>();
        var key = step == "SignPackage" ? Convert.ToHexStringLower(SHA256.HashData(package)) : assetId;
        faults.Arm(step, key);

        var failed = await MarketplaceApi.PublishAsync(fixture.Http, assetId, package);

        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Contains("step.failed", MarketplaceApi.FindingCodes(failed));
        Assert.Equal("compensated", failed.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString());
        await AssertNothingPublishedAsync(assetId, publisher);

        faults.Disarm(step, key);
        var retried = await MarketplaceApi.PublishAsync(fixture.Http, assetId, package);
        Assert.Equal("Available", retried.GetProperty("state").GetString());
    }

    private async Task AssertNothingPublishedAsync(string assetId, string publisher)
    {
        var released = new BlobServiceClient(fixture.Azurite!.ConnectionString).GetBlobContainerClient("released");
        Assert.False(await released.GetBlobClient($"{assetId}/1.0.0.zip").ExistsAsync());
        using var version = await fixture.Http.GetAsync(new Uri($"api/assets/{assetId}/versions/1.0.0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        using var asset = await fixture.Http.GetAsync(new Uri($"api/assets/{assetId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        var search = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/assets?publisher={publisher}");
        Assert.Equal(0, search.GetProperty("total").GetInt64());
    }
}
