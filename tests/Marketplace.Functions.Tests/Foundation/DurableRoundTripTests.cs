using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Foundation;

/// <summary>Orchestrations through the real Durable Task engine on Azurite, via the HTTP API.</summary>
[Collection(RuntimeTests.Name)]
public sealed class DurableRoundTripTests(LocalRuntimeFixture fixture)
{
    [Fact]
    public async Task SelfTest_ActivityTimerActivity_CompletesWithBothEchoes()
    {
        var instanceId = await StartSelfTestAsync(fixture.Http, "round-trip", delaySeconds: 1);

        var state = await WaitForStatusAsync(fixture.Http, instanceId, "Completed", TimeSpan.FromSeconds(60));

        Assert.Equal("round-trip/echo/echo", state.GetProperty("output").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task SelfTest_RuntimeRestartedDuringTimer_CompletesAfterRestart()
    {
        var taskHub = TestRuntime.NewTaskHub();
        var data = Directory.CreateTempSubdirectory("marketplace-restart-").FullName;
        string instanceId;
        await using (var first = await TestRuntime.StartAsync(fixture.Azurite!.ConnectionString, taskHub, data))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            instanceId = await StartSelfTestAsync(http, "restart", delaySeconds: 4);
            await WaitForStatusAsync(http, instanceId, "Running", TimeSpan.FromSeconds(30));
        }

        // The first runtime is gone mid-flight, with its durable timer pending in the task hub.
        await using var second = await TestRuntime.StartAsync(fixture.Azurite!.ConnectionString, taskHub, data);
        using var secondHttp = new HttpClient { BaseAddress = second.BaseAddress };
        var state = await WaitForStatusAsync(secondHttp, instanceId, "Completed", TimeSpan.FromSeconds(90));

        Assert.Equal("restart/echo/echo", state.GetProperty("output").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task SelfTest_UnknownInstance_Returns404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/diagnostics/selftest/does-not-exist").AsGovernance();

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SelfTest_NegativeDelay_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/diagnostics/selftest")
            .WithJson("""{"message":"x","delaySeconds":-1}""").AsGovernance();

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> StartSelfTestAsync(HttpClient http, string message, int delaySeconds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/diagnostics/selftest")
            .WithJson(JsonSerializer.Serialize(new { message, delaySeconds })).AsGovernance();
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotNull(response.Headers.Location);
        return body.GetProperty("instanceId").GetString()!;
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string instanceId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/diagnostics/selftest/{instanceId}").AsGovernance();
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.Content.ReadFromJsonAsync<JsonElement>();
                var current = last.GetProperty("status").GetString();
                if (current == status)
                {
                    return last;
                }

                Assert.NotEqual("Failed", current);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Self-test {instanceId} did not reach {status} within {timeout}; last state: {last}");
    }
}
