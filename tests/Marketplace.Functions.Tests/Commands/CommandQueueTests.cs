using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Functions.Tests.Installation;
using Marketplace.Functions.Tests.Publishing;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Commands;

/// <summary>The commands queue end to end: real queue trigger dispatch, real sagas, Azurite.</summary>
[Collection(RuntimeTests.Name)]
public sealed class CommandQueueTests(LocalRuntimeFixture fixture)
{
    private readonly CommandQueue commands = new(fixture);

    [Fact]
    public async Task InstallAsset_ValidCommand_InstallationReachesInstalled()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("queued"), "1.0.0"), s.Id("queued"));
        var command = CommandQueue.InstallCommand(s.Tenant, s.Target, s.Id("queued"));

        await this.commands.SendAsync(command);
        var installation = await this.commands.WaitForInstallationAsync(s.Tenant, CommandQueue.EventId(command));

        Assert.Equal("Installed", installation.GetProperty("state").GetString());
        Assert.Equal(s.Id("queued"), installation.GetProperty("assetId").GetString());
    }

    [Fact]
    public async Task InstallAsset_SameCommandTwice_StartsOneInstallation()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("twice"), "1.0.0"), s.Id("twice"));
        var command = CommandQueue.InstallCommand(s.Tenant, s.Target, s.Id("twice"));

        var first = await this.commands.SendAsync(command);
        var second = await this.commands.SendAsync(command);
        var installation = await this.commands.WaitForInstallationAsync(s.Tenant, CommandQueue.EventId(command));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("Installed", installation.GetProperty("state").GetString());
        Assert.Single(installation.GetProperty("history").EnumerateArray(), h => h.GetProperty("state").GetString() == "Requested");
        var target = await s.GetJsonAsync($"api/tenants/{s.Tenant}/targets/{s.Target}");
        var installed = Assert.Single(target.GetProperty("installed").EnumerateArray());
        Assert.Equal(installation.GetProperty("installationId").GetString(), installed.GetProperty("installationId").GetString());
        foreach (var id in new[] { first, second })
        {
            using var response = await this.commands.GovernanceAsync(HttpMethod.Get, $"api/governance/deadletters/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("bad-json", "invalid-json")]
    [InlineData("unknown-type", "unknown-type")]
    [InlineData("invalid-data", "invalid-data")]
    [InlineData("no-target", "rejected")]
    public async Task ProcessCommand_UnprocessableMessage_DeadLetteredWholeWithReason(string cause, string reason)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..10];
        var message = cause switch
        {
            "bad-json" => "{ \"specversion\": \"1.0\", \"id\": " + Guid.NewGuid().ToString("N"),
            "unknown-type" => CommandQueue.Envelope("marketplace.command.uninstall-everything", new { tenantId = tenant }),
            "invalid-data" => CommandQueue.Envelope("marketplace.command.install-asset", new { tenantId = tenant, targetId = "web", assetId = "Not An Asset Id" }),
            _ => CommandQueue.InstallCommand(tenant, "missing", "contoso.anything"),
        };

        var id = await this.commands.SendAsync(message);
        var entry = await this.commands.WaitForDeadLetterAsync(id);
        var listed = (await this.commands.ListAsync("Pending")).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

        Assert.Equal(message, entry.GetProperty("rawMessage").GetString());
        Assert.Equal(reason, entry.GetProperty("reasonCode").GetString());
        Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("errorDetail").GetString()));
        Assert.Equal("marketplace-commands", entry.GetProperty("sourceQueue").GetString());
        Assert.Equal(reason, listed.GetProperty("reasonCode").GetString());
        Assert.False(listed.TryGetProperty("rawMessage", out _));
        if (cause == "no-target")
        {
            Assert.Contains("target-not-found", entry.GetProperty("errorDetail").GetString(), StringComparison.Ordinal);
            Assert.Equal(CommandQueue.EventId(message), entry.GetProperty("eventId").GetString());
        }
    }

    [Fact]
    public async Task Replay_AfterCreatingMissingTarget_InstallsAndMarksReplayed()
    {
        var s = new InstallationScenario(fixture);
        await MarketplaceApi.RegisterPublisherAsync(s.Http, s.Publisher);
        await s.PublishAsync(TestPackages.Create(s.Id("late"), "1.0.0"), s.Id("late"));
        var command = CommandQueue.InstallCommand(s.Tenant, s.Target, s.Id("late"));
        var id = await this.commands.SendAsync(command);
        await this.commands.WaitForDeadLetterAsync(id);

        await s.StartAsync(); // registers the publisher again (idempotent) and creates the missing target
        using var replay = await this.commands.GovernanceAsync(HttpMethod.Post, $"api/governance/deadletters/{id}/replay");
        var installation = await this.commands.WaitForInstallationAsync(s.Tenant, CommandQueue.EventId(command));
        var entry = await this.commands.WaitForDeadLetterAsync(id, "Replayed");
        using var again = await this.commands.GovernanceAsync(HttpMethod.Post, $"api/governance/deadletters/{id}/replay");

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal("Installed", installation.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("replayedAt").ValueKind);
        Assert.Contains((await this.commands.ListAsync("Replayed")).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task DeadLetterRoutes_UnknownIdOrWrongRole_404Or403()
    {
        using var missing = await this.commands.GovernanceAsync(HttpMethod.Post, "api/governance/deadletters/00000000000000000000000000000000/replay");
        using var get = await this.commands.GovernanceAsync(HttpMethod.Get, "api/governance/deadletters/00000000000000000000000000000000");
        using var badStatus = await this.commands.GovernanceAsync(HttpMethod.Get, "api/governance/deadletters?status=Lost");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/governance/deadletters").AsConsumer("t1");
        using var consumer = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consumer.StatusCode);
    }

    [Fact]
    public async Task PublishAsset_StagedBlob_BecomesAvailable()
    {
        var publisher = MarketplaceApi.NewPublisherId();
        await MarketplaceApi.RegisterPublisherAsync(fixture.Http, publisher);
        var assetId = $"{publisher}.from-command";
        // Upper-case extension: the command accepts it, the staging blob intake's pattern (*.zip) does not, so only the
        // command can publish this blob.
        var blobName = $"incoming/{publisher}/command.ZIP";
        var container = new BlobServiceClient(fixture.Azurite!.ConnectionString).GetBlobContainerClient("staging");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(TestPackages.Create(assetId, "0.3.0")));

        await this.commands.SendAsync(CommandQueue.Envelope("marketplace.command.publish-asset", new { publisherId = publisher, blobName }));

        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement publication = default;
        string? state = null;
        while (DateTime.UtcNow < deadline && state != "Available")
        {
            await Task.Delay(300);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/publishers/{publisher}/publications").AsPublisher(publisher);
            using var response = await fixture.Http.SendAsync(request);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            publication = items.GetArrayLength() == 1 ? items[0] : default;
            state = items.GetArrayLength() == 1 ? publication.GetProperty("state").GetString() : null;
        }

        Assert.Equal("Available", state);
        Assert.Equal("command", publication.GetProperty("source").GetString());
        Assert.Equal(assetId, publication.GetProperty("assetId").GetString());
        Assert.False(await container.GetBlobClient(blobName).ExistsAsync());
    }
}
