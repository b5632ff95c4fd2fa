using System.Text.Json;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Domain.Installation;
using Marketplace.Infrastructure.Installation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Installation;

/// <summary>Installations: start one, plan one without changing anything, read one.</summary>
public sealed class InstallationFunctions(InstallationSubmitter submitter, InstallationPlanner planner, TableTargetStore targets, IInstallationStore installations)
{
    /// <summary>The body of an installation request.</summary>
    public sealed record InstallRequest(string? TenantId, string? TargetId, string? AssetId, string? Version);

    /// <summary><c>POST /api/installations</c> (consumer of the tenant): 202 with the installation.</summary>
    [Function("StartInstallation")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "installations")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ReadAsync(request, cancellationToken);
        if (invalid is not null) return invalid;
        if (request.RequireTenant(Roles.Consumer, body!.TenantId!, out _) is { } denied) return denied;

        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        InstallationSubmission result;
        try
        {
            result = await submitter.SubmitAsync(body.TenantId!, body.TargetId!, body.AssetId!, body.Version, key, durable, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }

        return result switch
        {
            InstallationSubmission.Accepted a => AcceptedResults.Accepted(request, "installationId", a.Installation.InstallationId, $"/api/installations/{a.Installation.InstallationId}"),
            InstallationSubmission.TargetNotFound => Problems.NotFound($"No target '{body.TargetId}' for tenant '{body.TenantId}'."),
            InstallationSubmission.TargetBusy b => Problems.Conflict($"Installation {b.Holder.InstallationId} is changing this target; try again when it ends.",
                new Dictionary<string, object?> { ["installationId"] = b.Holder.InstallationId }),
            _ => throw new InvalidOperationException("Unknown submission result."),
        };
    }

    /// <summary><c>POST /api/installations/plan</c> (consumer): Evaluating and Resolving, no change; 200 or 409.</summary>
    [Function("PlanInstallation")]
    public async Task<IActionResult> PlanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "installations/plan")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await ReadAsync(request, cancellationToken);
        if (invalid is not null) return invalid;
        if (request.RequireTenant(Roles.Consumer, body!.TenantId!, out _) is { } denied) return denied;

        TargetRecord? target;
        try
        {
            target = await targets.GetTargetAsync(body.TenantId!, body.TargetId!, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }

        if (target is null) return Problems.NotFound($"No target '{body.TargetId}' for tenant '{body.TenantId}'.");

        var evaluation = await planner.EvaluateAsync(target, body.AssetId!, body.Version, cancellationToken);
        if (evaluation.Version is null || !evaluation.Verdict.Compatible)
        {
            return Problems.Conflict($"{body.AssetId} is not compatible with the target.", new Dictionary<string, object?>
            {
                ["compatibility"] = evaluation.Verdict, ["findings"] = evaluation.Verdict.Reasons,
            });
        }

        var resolution = await planner.ResolveAsync(target, body.AssetId!, evaluation.Version, cancellationToken);
        if (resolution.Findings.Count > 0)
        {
            return Problems.Conflict(resolution.Explanation ?? "The resolved set does not fit the target.", new Dictionary<string, object?>
            {
                ["compatibility"] = evaluation.Verdict, ["findings"] = resolution.Findings, ["explanation"] = resolution.Explanation,
            });
        }

        return new OkObjectResult(new
        {
            body.AssetId, version = evaluation.Version, compatibility = evaluation.Verdict,
            resolved = resolution.Resolved, toInstall = resolution.ToInstall,
        });
    }

    /// <summary><c>GET /api/installations/{installationId}</c> (consumer of its tenant).</summary>
    [Function("GetInstallation")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "installations/{installationId}")] HttpRequest request,
        string installationId,
        CancellationToken cancellationToken)
    {
        if (request.HttpContext.GetCaller() is null) return Problems.Unauthorized();
        var installation = await installations.GetAsync(installationId, cancellationToken);
        if (installation is null) return Problems.NotFound($"No installation '{installationId}'.");
        if (request.RequireTenant(Roles.Consumer, installation.TenantId, out _) is { } denied) return denied;
        return new OkObjectResult(InstallationView.From(installation));
    }

    private static async Task<(InstallRequest? Body, IActionResult? Invalid)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.GetCaller() is null) return (null, Problems.Unauthorized());
        InstallRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<InstallRequest>(request.Body, JsonDefaults.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The body is not an installation request: {ex.Message}"));
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.TenantId)) errors["tenantId"] = ["Required."];
        if (string.IsNullOrWhiteSpace(body?.TargetId)) errors["targetId"] = ["Required."];
        if (string.IsNullOrWhiteSpace(body?.AssetId)) errors["assetId"] = ["Required."];
        return errors.Count > 0 ? (null, Problems.BadRequest("The installation request is not valid.", errors)) : (body, null);
    }
}
