using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Marketplace.Domain.Events;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Commands;

/// <summary>Puts command messages on the fixture's <c>marketplace-commands</c> queue and reads the dead letters they leave.</summary>
internal sealed class CommandQueue(LocalRuntimeFixture fixture)
{
    public const string QueueName = "marketplace-commands";

    private readonly QueueClient queue = new(fixture.Azurite!.ConnectionString, QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public HttpClient Http => fixture.Http;

    /// <summary>A CloudEvents 1.0 command envelope, written by hand as another platform would.</summary>
    public static string Envelope(string type, object data, string? id = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["specversion"] = "1.0",
        ["id"] = id ?? Guid.NewGuid().ToString("D"),
        ["type"] = type,
        ["source"] = "/platforms/test",
        ["time"] = "2026-12-03T12:00:00Z",
        ["datacontenttype"] = "application/json",
        ["data"] = data,
    });

    public static string InstallCommand(string tenantId, string targetId, string assetId, string? id = null) =>
        Envelope("marketplace.command.install-asset", new { tenantId, targetId, assetId }, id);

    public static string EventId(string envelope) => JsonDocument.Parse(envelope).RootElement.GetProperty("id").GetString()!;

    /// <summary>Sends a message; returns the dead-letter id it would get.</summary>
    public async Task<string> SendAsync(string message)
    {
        await this.queue.CreateIfNotExistsAsync();
        var sent = await this.queue.SendMessageAsync(message);
        return DeadLetterIds.Derive(QueueName, sent.Value.MessageId);
    }

    public async Task<HttpResponseMessage> GovernanceAsync(HttpMethod method, string route)
    {
        using var request = new HttpRequestMessage(method, route).AsGovernance();
        return await this.Http.SendAsync(request);
    }

    /// <summary>Waits until the dead letter exists (with the given status) and returns it with its raw message.</summary>
    public async Task<JsonElement> WaitForDeadLetterAsync(string id, string status = "Pending")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await this.GovernanceAsync(HttpMethod.Get, $"api/governance/deadletters/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (entry.GetProperty("status").GetString() == status) return entry;
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            Assert.True(DateTime.UtcNow < deadline, $"Dead letter {id} did not appear as {status}.");
            await Task.Delay(200);
        }
    }

    public async Task<JsonElement> ListAsync(string? status = null, int take = 500)
    {
        using var response = await this.GovernanceAsync(HttpMethod.Get, $"api/governance/deadletters?take={take}{(status is null ? "" : $"&status={status}")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
    }

    /// <summary>
    /// The id of the installation a command starts: the installation whose idempotency key (per tenant) is the command's
    /// event id, as <c>InstallationSubmitter</c> derives it.
    /// </summary>
    public static string InstallationId(string tenantId, string eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{eventId}")))[..32];

    /// <summary>Waits until the installation a command started has ended.</summary>
    public async Task<JsonElement> WaitForInstallationAsync(string tenantId, string eventId)
    {
        var id = InstallationId(tenantId, eventId);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/installations/{id}").AsConsumer(tenantId);
            using var response = await this.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var installation = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (installation.GetProperty("state").GetString() is "Installed" or "Failed" or "RolledBack") return installation;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Installation {id} for command {eventId} did not end ({response.StatusCode}).");
            await Task.Delay(300);
        }
    }
}
