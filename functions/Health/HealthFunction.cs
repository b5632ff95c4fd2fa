using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Health;

/// <summary><c>GET /api/health</c>: the state of each dependency; 200 when all are healthy, 503 otherwise.</summary>
public sealed class HealthFunction(IEnumerable<IHealthProbe> probes)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs every probe in parallel, each with a timeout.</summary>
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken)
    {
        var all = probes.Append(new DurableBackendProbe(durableClient)).ToList();
        var results = await Task.WhenAll(all.Select(p => RunProbeAsync(p, cancellationToken)));
        var dependencies = all.Zip(results).ToDictionary(x => x.First.Name, x => x.Second, StringComparer.Ordinal);
        var healthy = results.All(r => r.IsHealthy);
        return new ObjectResult(new { status = healthy ? "healthy" : "unhealthy", dependencies })
        {
            StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }

    private static async Task<HealthProbeResult> RunProbeAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var result = await probe.CheckAsync(timeout.Token);
            return result with { DurationMs = watch.ElapsedMilliseconds };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Unhealthy($"{ex.GetType().Name}: {ex.Message}") with { DurationMs = watch.ElapsedMilliseconds };
        }
    }

    /// <summary>The Durable Task backend answers a status query.</summary>
    private sealed class DurableBackendProbe(DurableTaskClient client) : IHealthProbe
    {
        public string Name => "durable";

        public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
        {
            await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, cancellationToken);
            return HealthProbeResult.Healthy("the task hub answers status queries");
        }
    }
}
