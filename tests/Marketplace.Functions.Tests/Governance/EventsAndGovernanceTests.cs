using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Marketplace.Domain.Events;
using Marketplace.Functions.Tests.Installation;
using Marketplace.Functions.Tests.Publishing;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Governance;

/// <summary>Events on the local queue, escalation by threshold, suspension effects and the audit log.</summary>
[Collection(RuntimeTests.Name)]
public sealed class EventsAndGovernanceTests(LocalRuntimeFixture fixture)
{
    [Fact]
    public async Task PublishThenInstall_EventsOnLocalQueue_InOrderWithDeterministicIds()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        var assetId = s.Id("evented");
        var publication = await MarketplaceApi.PublishAsync(fixture.Http, assetId, TestPackages.Create(assetId, "1.0.0"));
        var installation = await s.InstallAsync(assetId);
        Assert.Equal("Installed", installation.GetProperty("state").GetString());
        var publicationId = publication.GetProperty("publicationId").GetString()!;
        var installationId = installation.GetProperty("installationId").GetString()!;

        var events = await ReadEventsAsync(e => e.CorrelationId == publicationId || e.CorrelationId == installationId);

        Assert.Equal(
            [EventTypes.AssetQualityScanned, EventTypes.AssetVersionReleased, EventTypes.AssetIndexed, EventTypes.AssetPublished,
             EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.AssetInstalled],
            events.Select(e => e.Type));
        var released = events.Single(e => e.Type == EventTypes.AssetVersionReleased);
        Assert.Equal(EventIds.Derive(publicationId, "version-released").ToString(), released.Id);
        Assert.Equal(assetId, released.Data.GetProperty("assetId").GetString());
        Assert.Equal(s.Tenant, events.Single(e => e.Type == EventTypes.AssetInstalled).TenantId);
    }

    [Fact]
    public async Task RepeatedRejections_CrossThreshold_SuspendAssetWithSignalAuditAndEffects()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        var assetId = s.Id("flaky");
        await s.PublishAsync(TestPackages.Create(assetId, "1.0.0"), assetId);
        Assert.Equal("Installed", (await s.InstallAsync(assetId)).GetProperty("state").GetString());

        // Three rejections of the same asset within the window (the default rule: 3 in 1 hour suspends the asset).
        for (var i = 1; i <= 3; i++)
        {
            var bad = TestPackages.Create(assetId, $"1.0.{i}", extraEntries: new Dictionary<string, string> { ["../escape.txt"] = "x" });
            Assert.Equal("Rejected", (await MarketplaceApi.PublishAsync(fixture.Http, assetId, bad)).GetProperty("state").GetString());
        }

        var signals = await GetAsGovernanceAsync("api/governance/signals");
        Assert.Contains(signals.GetProperty("items").EnumerateArray(), x => x.GetProperty("subjectId").GetString() == assetId);
        var asset = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/assets/{assetId}");
        Assert.True(asset.GetProperty("suspended").GetBoolean());
        var search = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/assets?publisher={s.Publisher}");
        Assert.Equal(0, search.GetProperty("total").GetInt64());
        var target = await s.GetJsonAsync($"api/tenants/{s.Tenant}/targets/{s.Target}");
        Assert.Contains(target.GetProperty("installed").EnumerateArray(), i => i.GetProperty("assetId").GetString() == assetId);
        var other = await new InstallationScenario(fixture).StartAsync();
        var install = await other.InstallAsync(assetId);
        Assert.Contains("compat.suspended", InstallationScenario.Codes(install));
        var publish = await MarketplaceApi.PublishAsync(fixture.Http, assetId, TestPackages.Create(assetId, "1.1.0"));
        Assert.Contains("asset.suspended", MarketplaceApi.FindingCodes(publish));
        var raised = await ReadEventsAsync(e => e.Type == EventTypes.GovernanceSignalRaised && e.Subject == EventSubjects.Asset(assetId));
        Assert.Single(raised);

        using var reinstate = new HttpRequestMessage(HttpMethod.Delete, $"api/governance/assets/{assetId}/suspension").AsGovernance();
        using var response = await fixture.Http.SendAsync(reinstate);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await GetAsGovernanceAsync($"api/governance/audit?subjectId={assetId}");
        Assert.Equal(["asset.reinstated", "asset.suspended"], audit.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        var again = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/assets?publisher={s.Publisher}");
        Assert.Equal(1, again.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task RepeatedFailuresOfOnePublisher_CrossThreshold_RestrictPublisherSoNextPublicationWaitsForReview()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher);

        // Five rejections across five assets of one publisher (the default rule: 5 in 1 hour restricts the publisher).
        for (var i = 1; i <= 5; i++)
        {
            var assetId = $"{publisher}.broken{i}";
            var bad = TestPackages.Create(assetId, "1.0.0", extraEntries: new Dictionary<string, string> { ["run.ps1"] = "Write-Host hi" });
            Assert.Equal("Rejected", (await MarketplaceApi.PublishAsync(fixture.Http, assetId, bad)).GetProperty("state").GetString());
        }

        var view = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/publishers/{publisher}");
        Assert.Equal("restricted", view.GetProperty("trustTier").GetString());
        var good = $"{publisher}.fixed";
        var id = await MarketplaceApi.UploadAcceptedAsync(fixture.Http, good, TestPackages.Create(good, "1.0.0"));
        Assert.Equal("AwaitingApproval", (await MarketplaceApi.WaitForPublicationAsync(fixture.Http, id, "AwaitingApproval", "Available")).GetProperty("state").GetString());
        var audit = await GetAsGovernanceAsync($"api/governance/audit?subjectId={publisher}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "publisher.restricted");
    }

    [Fact]
    public async Task PublisherSuspension_ByGovernance_BlocksPublishingAndIsAudited()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher);
        using (var suspend = new HttpRequestMessage(HttpMethod.Post, $"api/governance/publishers/{publisher}/suspension")
            .WithJson("""{"reason":"terms of use"}""").AsGovernance())
        using (var response = await fixture.Http.SendAsync(suspend))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var publication = await MarketplaceApi.PublishAsync(fixture.Http, $"{publisher}.blocked", TestPackages.Create($"{publisher}.blocked", "1.0.0"));

        Assert.Contains("publisher.suspended", MarketplaceApi.FindingCodes(publication));
        var audit = await GetAsGovernanceAsync($"api/governance/audit?subjectId={publisher}");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("terms of use", entry.GetProperty("reason").GetString());
        Assert.Equal("test", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Suspension_WithoutReasonOrRole_IsRefused()
    {
        using var noReason = new HttpRequestMessage(HttpMethod.Post, "api/governance/assets/x.y/suspension").WithJson("{}").AsGovernance();
        using var notGovernance = new HttpRequestMessage(HttpMethod.Post, "api/governance/assets/x.y/suspension").WithJson("""{"reason":"r"}""").AsConsumer("t");

        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Http.SendAsync(noReason)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.SendAsync(notGovernance)).StatusCode);
    }

    private async Task<JsonElement> GetAsGovernanceAsync(string route)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route).AsGovernance();
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Reads the whole local events queue (base64 messages, as the publisher writes them) and keeps the matching events.
    private async Task<List<EventEnvelope>> ReadEventsAsync(Func<EventEnvelope, bool> match)
    {
        var queue = new QueueClient(fixture.Azurite!.ConnectionString, "marketplace-events", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var all = new List<EventEnvelope>();
        for (var page = 0; page < 200; page++)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                all.Add(EventEnvelopeJson.Deserialize(message.Body.ToString()));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return all.Where(match).ToList();
    }
}
