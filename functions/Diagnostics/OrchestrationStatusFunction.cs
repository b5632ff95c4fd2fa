using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Diagnostics;

/// <summary><c>GET /api/diagnostics/orchestrations/{instanceId}</c> (governance): the durable engine's view of a saga.</summary>
public static class OrchestrationStatusFunction
{
    /// <summary>Runtime status, timestamps, custom status and failure details of one orchestration instance.</summary>
    [Function("GetOrchestrationStatus")]
    public static async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "diagnostics/orchestrations/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (request.RequireRole(Roles.Governance, out _) is { } denied)
        {
            return denied;
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return Problems.NotFound($"No orchestration '{instanceId}'.");
        }

        return new OkObjectResult(new
        {
            metadata.InstanceId,
            metadata.Name,
            status = metadata.RuntimeStatus.ToString(),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            customStatus = metadata.SerializedCustomStatus,
            output = metadata.SerializedOutput,
            failure = metadata.FailureDetails is { } f ? new { f.ErrorType, f.ErrorMessage, f.StackTrace } : null,
        });
    }
}
