using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Functions.Http;
using Marketplace.Functions.Identity;
using Marketplace.Infrastructure.Installation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Semver;

namespace Marketplace.Functions.Installation;

/// <summary>A tenant's targets (projects), what is installed in them and their files. Consumers of that tenant only.</summary>
public sealed partial class TargetFunctions(TableTargetStore targets, TargetFileStore files)
{
    /// <summary>The body of <c>PUT .../targets/{targetId}</c>.</summary>
    public sealed record TargetRequest(string? Runtime, string? ProjectType);

    /// <summary><c>PUT /api/tenants/{tenantId}/targets/{targetId}</c>: create or update a target.</summary>
    [Function("PutTarget")]
    public async Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "tenants/{tenantId}/targets/{targetId}")] HttpRequest request,
        string tenantId,
        string targetId,
        CancellationToken cancellationToken)
    {
        if (request.RequireTenant(Roles.Consumer, tenantId, out _) is { } denied) return denied;
        TargetRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<TargetRequest>(request.Body, JsonDefaults.Web, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"The body is not a target: {ex.Message}");
        }

        var errors = new Dictionary<string, string[]>();
        if (body?.Runtime is null || !SemVersion.TryParse(body.Runtime, SemVersionStyles.Strict, out _)) errors["runtime"] = ["A SemVer version, e.g. 9.0.0."];
        if (body?.ProjectType is null || !ProjectTypePattern().IsMatch(body.ProjectType)) errors["projectType"] = ["Lowercase letters, digits and '-', e.g. webapi."];
        if (errors.Count > 0) return Problems.BadRequest("The target is not valid.", errors);

        try
        {
            var (target, created) = await targets.UpsertTargetAsync(tenantId, targetId, body!.Runtime!, body.ProjectType!, cancellationToken);
            return created ? new CreatedResult($"/api/tenants/{tenantId}/targets/{targetId}", target) : new OkObjectResult(target);
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }

    /// <summary><c>GET /api/tenants/{tenantId}/targets/{targetId}</c>: the target with installed assets and artifacts.</summary>
    [Function("GetTarget")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/targets/{targetId}")] HttpRequest request,
        string tenantId,
        string targetId,
        CancellationToken cancellationToken)
    {
        if (request.RequireTenant(Roles.Consumer, tenantId, out _) is { } denied) return denied;
        try
        {
            var target = await targets.GetTargetAsync(tenantId, targetId, cancellationToken);
            if (target is null) return Problems.NotFound($"No target '{targetId}' for tenant '{tenantId}'.");
            var installed = await targets.ListInstalledAssetsAsync(tenantId, targetId, cancellationToken);
            var artifacts = await targets.ListArtifactsAsync(tenantId, targetId, cancellationToken);
            return new OkObjectResult(new
            {
                target.TenantId, target.TargetId, target.Runtime, target.ProjectType, target.CreatedAt, target.UpdatedAt,
                installed = installed.Select(i => new { i.AssetId, i.Version, i.InstallationId, i.InstalledAt }),
                artifacts = artifacts.Select(a => new { a.Path, a.Sha256, a.AssetId, a.Version, a.InstallationId }),
            });
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }

    /// <summary><c>GET /api/tenants/{tenantId}/targets/{targetId}/files/{*path}</c>: an applied file's bytes.</summary>
    [Function("GetTargetFile")]
    public async Task<IActionResult> GetFileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tenants/{tenantId}/targets/{targetId}/files/{*path}")] HttpRequest request,
        string tenantId,
        string targetId,
        string path,
        CancellationToken cancellationToken)
    {
        if (request.RequireTenant(Roles.Consumer, tenantId, out _) is { } denied) return denied;
        try
        {
            var stream = await files.OpenReadAsync(tenantId, targetId, path, cancellationToken);
            return stream is null
                ? Problems.NotFound($"No file '{path}' in target '{targetId}'.")
                : new FileStreamResult(stream, "application/octet-stream");
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex ProjectTypePattern();
}
