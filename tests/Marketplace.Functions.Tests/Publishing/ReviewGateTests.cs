using System.Net;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Publishing;

/// <summary>Restricted publishers wait in AwaitingApproval for a governance decision.</summary>
[Collection(RuntimeTests.Name)]
public sealed class ReviewGateTests(LocalRuntimeFixture fixture)
{
    [Theory]
    [InlineData(true, "Available")]
    [InlineData(false, "Rejected")]
    public async Task Restricted_GovernanceDecides_EndsAsDecided(bool approved, string expected)
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher, "restricted");
        var assetId = $"{publisher}.reviewed";
        var id = await MarketplaceApi.UploadAcceptedAsync(fixture.Http, assetId, TestPackages.Create(assetId, "1.0.0"));
        await MarketplaceApi.WaitForPublicationAsync(fixture.Http, id, "AwaitingApproval");

        using var decision = new HttpRequestMessage(HttpMethod.Post, $"api/publications/{id}/decision")
            .WithJson(JsonSerializer.Serialize(new { approved, reason = "checked by hand" })).AsGovernance();
        using var response = await fixture.Http.SendAsync(decision);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var publication = await MarketplaceApi.WaitForPublicationAsync(fixture.Http, id);
        Assert.Equal(expected, publication.GetProperty("state").GetString());
        if (!approved)
        {
            Assert.Contains("review.rejected", MarketplaceApi.FindingCodes(publication));
        }
    }

    [Fact]
    public async Task Decision_NotAwaitingApproval_Returns409()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher);
        var assetId = $"{publisher}.direct";
        var publication = await MarketplaceApi.PublishAsync(fixture.Http, assetId, TestPackages.Create(assetId, "1.0.0"));

        using var decision = new HttpRequestMessage(HttpMethod.Post, $"api/publications/{publication.GetProperty("publicationId").GetString()}/decision")
            .WithJson("""{"approved":true}""").AsGovernance();
        using var response = await fixture.Http.SendAsync(decision);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

/// <summary>Settings that need their own runtime: a short review window and a small package limit.</summary>
[Collection(RuntimeTests.Name)]
public sealed class ShortLimitsTests(LocalRuntimeFixture fixture)
{
    [Fact]
    public async Task Restricted_NoDecisionWithinWindow_IsRejectedTimedOut_AndOversizeGets413()
    {
        var data = Directory.CreateTempSubdirectory("marketplace-limits-").FullName;
        await using var runtime = await TestRuntime.StartAsync(fixture.Azurite!.ConnectionString, TestRuntime.NewTaskHub(), data,
            new Dictionary<string, string?>
            {
                ["Marketplace__Publishing__ReviewWindow"] = "00:00:03",
                ["Marketplace__Publishing__MaxPackageBytes"] = "20000",
            });
        using var http = new HttpClient { BaseAddress = runtime.BaseAddress };
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(http, publisher, "restricted");
        var assetId = $"{publisher}.waits";

        var publication = await MarketplaceApi.PublishAsync(http, assetId, TestPackages.Create(assetId, "1.0.0"));

        Assert.Equal("Rejected", publication.GetProperty("state").GetString());
        Assert.Contains("review.timed-out", MarketplaceApi.FindingCodes(publication));

        var big = TestPackages.Create(assetId, "1.0.1", contentFiles: new Dictionary<string, string>
        {
            ["big.txt"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(30000)),
        });
        using var response = await MarketplaceApi.UploadAsync(http, assetId, big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
