using System.Text.Json;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Functions.Orchestrations.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Diagnostics;

/// <summary>Governance's self-test of the durable engine: start one, read its state.</summary>
public sealed class SelfTestFunctions
{
    private const int MaxDelaySeconds = 3600;

    /// <summary><c>POST /api/diagnostics/selftest</c> with <c>{ "message", "delaySeconds" }</c>: 202 with the instance.</summary>
    [Function("StartSelfTest")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "diagnostics/selftest")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied)
        {
            return denied;
        }

        SelfTestInput? input = null;
        try
        {
            // No body means the defaults: a ping with no timer.
            if (request.ContentLength is null or > 0)
            {
                input = await JsonSerializer.DeserializeAsync<SelfTestInput>(request.Body, JsonDefaults.Web, cancellationToken);
            }
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not a self-test request: {ex.Message}");
        }

        input ??= new SelfTestInput("ping", 0);
        if (input.DelaySeconds is < 0 or > MaxDelaySeconds)
        {
            return Problems.BadRequest($"delaySeconds must be between 0 and {MaxDelaySeconds}.");
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SelfTestOrchestrator), input with { Message = input.Message ?? "ping" }, cancellationToken);
        return AcceptedResults.Accepted(request, "instanceId", instanceId, $"/api/diagnostics/selftest/{instanceId}");
    }

    /// <summary><c>GET /api/diagnostics/selftest/{instanceId}</c>: runtime status and output.</summary>
    [Function("GetSelfTest")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "diagnostics/selftest/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied)
        {
            return denied;
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null || metadata.Name != nameof(SelfTestOrchestrator))
        {
            return Problems.NotFound($"No self-test '{instanceId}'.");
        }

        return new OkObjectResult(new
        {
            instanceId,
            status = metadata.RuntimeStatus.ToString(),
            output = metadata.IsCompleted ? metadata.ReadOutputAs<SelfTestResult>() : null,
            failure = metadata.FailureDetails?.ErrorMessage,
        });
    }
}
