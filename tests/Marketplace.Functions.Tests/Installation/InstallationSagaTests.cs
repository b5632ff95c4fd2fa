using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Marketplace.Functions.Activities.Installation;
using Marketplace.Functions.Testing;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Installation;

/// <summary>The installation saga end to end: real HTTP, the real Durable engine, Azurite.</summary>
[Collection(RuntimeTests.Name)]
public sealed class InstallationSagaTests(LocalRuntimeFixture fixture)
{
    [Fact]
    public async Task Install_WithDependency_AppliesBothWithProvenance()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("base"), "1.0.0", contentFiles: new Dictionary<string, string> { ["lib/base.txt"] = "base 1.0.0" }), s.Id("base"));
        await s.PublishAsync(TestPackages.Create(s.Id("app"), "1.0.0", dependencies: new Dictionary<string, string> { [s.Id("base")] = "^1.0.0" },
            contentFiles: new Dictionary<string, string> { ["app/main.txt"] = "app 1.0.0" }), s.Id("app"));

        var installation = await s.InstallAsync(s.Id("app"));

        Assert.Equal("Installed", installation.GetProperty("state").GetString());
        Assert.Equal(["Requested", "Evaluating", "Resolving", "LicenseCheck", "Applying", "Installed"],
            installation.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()));
        var resolved = installation.GetProperty("resolved").EnumerateArray().Select(r => r.GetProperty("assetId").GetString()).ToList();
        Assert.Contains(s.Id("base"), resolved);
        var target = await s.GetJsonAsync($"api/tenants/{s.Tenant}/targets/{s.Target}");
        Assert.Equal(new[] { s.Id("app"), s.Id("base") }.Order(), target.GetProperty("installed").EnumerateArray().Select(i => i.GetProperty("assetId").GetString()!).Order());
        var artifact = target.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("path").GetString() == "lib/base.txt");
        Assert.Equal(s.Id("base"), artifact.GetProperty("assetId").GetString());
        Assert.Equal("base 1.0.0", await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/tenants/{s.Tenant}/targets/{s.Target}/files/lib/base.txt").AsConsumer(s.Tenant))
            .ContinueWith(r => r.Result.Content.ReadAsStringAsync()).Unwrap());
    }

    [Fact]
    public async Task Install_IncompatibleRuntimeOrProjectType_FailsWithoutChange()
    {
        var s = await new InstallationScenario(fixture).StartAsync(runtime: "9.0.0", projectType: "webapi");
        await s.PublishAsync(TestPackages.Create(s.Id("future"), "1.0.0", compatibility: new { runtime = ">=10.0.0" }), s.Id("future"));
        await s.PublishAsync(TestPackages.Create(s.Id("worker"), "1.0.0", compatibility: new { projectTypes = new[] { "worker" } }), s.Id("worker"));
        var before = await s.SnapshotAsync();

        var runtime = await s.InstallAsync(s.Id("future"));
        var projectType = await s.InstallAsync(s.Id("worker"));

        Assert.Equal("Failed", runtime.GetProperty("state").GetString());
        Assert.Contains("compat.runtime", InstallationScenario.Codes(runtime));
        Assert.Equal("Failed", projectType.GetProperty("state").GetString());
        Assert.Contains("compat.project-type", InstallationScenario.Codes(projectType));
        Assert.Equal(before, await s.SnapshotAsync());
    }

    [Fact]
    public async Task Install_ConflictOrFileClashWithInstalled_FailsWithoutChange()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("first"), "1.0.0", contentFiles: new Dictionary<string, string> { ["shared/config.json"] = "{}" }), s.Id("first"));
        await s.PublishAsync(TestPackages.Create(s.Id("rival"), "1.0.0", conflicts: new Dictionary<string, string> { [s.Id("first")] = "*" }), s.Id("rival"));
        await s.PublishAsync(TestPackages.Create(s.Id("clash"), "1.0.0", contentFiles: new Dictionary<string, string> { ["shared/config.json"] = "{\"x\":1}" }), s.Id("clash"));
        Assert.Equal("Installed", (await s.InstallAsync(s.Id("first"))).GetProperty("state").GetString());
        var before = await s.SnapshotAsync();

        var conflict = await s.InstallAsync(s.Id("rival"));
        var clash = await s.InstallAsync(s.Id("clash"));

        Assert.Contains("compat.conflict", InstallationScenario.Codes(conflict));
        Assert.Contains("compat.file-owned", InstallationScenario.Codes(clash));
        Assert.All(new[] { conflict, clash }, i => Assert.Equal("Failed", i.GetProperty("state").GetString()));
        Assert.Equal(before, await s.SnapshotAsync());
    }

    [Fact]
    public async Task Install_UnresolvableRanges_FailsNamingTheRanges_AndPlanSays409()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("log"), "1.0.0"), s.Id("log"));
        await s.PublishAsync(TestPackages.Create(s.Id("svc"), "1.0.0", dependencies: new Dictionary<string, string> { [s.Id("log")] = "^2.0.0" }), s.Id("svc"));
        var before = await s.SnapshotAsync();

        var installation = await s.InstallAsync(s.Id("svc"));
        using var plan = await s.PostAsync("api/installations/plan", new { tenantId = s.Tenant, targetId = s.Target, assetId = s.Id("svc") });

        Assert.Equal("Failed", installation.GetProperty("state").GetString());
        var finding = installation.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("code").GetString() == "dependency.conflict");
        Assert.Contains("^2.0.0", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, plan.StatusCode);
        Assert.Contains("^2.0.0", await plan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await s.SnapshotAsync());
    }

    [Fact]
    public async Task Plan_Resolvable_Returns200WithGraphAndChangesNothing()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("core"), "1.4.0"), s.Id("core"));
        await s.PublishAsync(TestPackages.Create(s.Id("ui"), "2.0.0", dependencies: new Dictionary<string, string> { [s.Id("core")] = "~1.4" }), s.Id("ui"));
        var before = await s.SnapshotAsync();

        using var plan = await s.PostAsync("api/installations/plan", new { tenantId = s.Tenant, targetId = s.Target, assetId = s.Id("ui") });

        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var body = await plan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2.0.0", body.GetProperty("version").GetString());
        Assert.Contains(body.GetProperty("resolved").EnumerateArray(), r => r.GetProperty("assetId").GetString() == s.Id("core") && r.GetProperty("version").GetString() == "1.4.0");
        Assert.Equal(before, await s.SnapshotAsync());
    }

    [Fact]
    public async Task Install_PaidAsset_NeedsLiveEntitlement()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        var paid = s.Id("premium");
        await s.PublishAsync(TestPackages.Create(paid, "1.0.0", pricing: "paid"), paid);
        var before = await s.SnapshotAsync();

        var missing = await s.InstallAsync(paid);
        await GrantAsync(s, paid, DateTimeOffset.UtcNow.AddDays(-1));
        var expired = await s.InstallAsync(paid);
        Assert.Equal(before, await s.SnapshotAsync());
        await GrantAsync(s, paid, DateTimeOffset.UtcNow.AddDays(30));
        var licensed = await s.InstallAsync(paid);

        Assert.Contains("license.missing", InstallationScenario.Codes(missing));
        Assert.Contains("license.expired", InstallationScenario.Codes(expired));
        Assert.Equal("Installed", licensed.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("first")]
    [InlineData("middle")]
    [InlineData("last")]
    [InlineData("last+rollback-retry")]
    public async Task Install_FileWriteFails_RollsBackTargetExactly(string where)
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("existing"), "1.0.0", contentFiles: new Dictionary<string, string> { ["keep/me.txt"] = "untouched" }), s.Id("existing"));
        Assert.Equal("Installed", (await s.InstallAsync(s.Id("existing"))).GetProperty("state").GetString());
        var files = new Dictionary<string, string> { [$"{s.Publisher}/a.txt"] = "a", [$"{s.Publisher}/b.txt"] = "b", [$"{s.Publisher}/c.txt"] = "c" };
        await s.PublishAsync(TestPackages.Create(s.Id("three"), "1.0.0", contentFiles: files), s.Id("three"));
        var before = await s.SnapshotAsync();
        var faults = fixture.Runtime.Services.GetRequiredService<StepFaults>();
        var path = where switch { "first" => $"{s.Publisher}/a.txt", "middle" => $"{s.Publisher}/b.txt", _ => $"{s.Publisher}/c.txt" };
        faults.Arm(ApplyInstallation.ApplyFileStep, path);
        if (where.EndsWith("rollback-retry", StringComparison.Ordinal))
        {
            faults.Arm(nameof(RollbackInstallation), s.Target, times: 1);
        }

        try
        {
            var installation = await s.InstallAsync(s.Id("three"));

            Assert.Equal("RolledBack", installation.GetProperty("state").GetString());
            Assert.Equal(before, await s.SnapshotAsync());
        }
        finally
        {
            faults.Disarm(ApplyInstallation.ApplyFileStep, path);
            faults.Disarm(nameof(RollbackInstallation), s.Target);
        }
    }

    [Fact]
    public async Task Install_TamperedReleasedPackage_IsRefused()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        var assetId = s.Id("tampered");
        await s.PublishAsync(TestPackages.Create(assetId, "1.0.0"), assetId);
        var released = new BlobServiceClient(fixture.Azurite!.ConnectionString).GetBlobContainerClient("released").GetBlobClient($"{assetId}/1.0.0.zip");
        var evil = TestPackages.Create(assetId, "1.0.0", contentFiles: new Dictionary<string, string> { ["evil.txt"] = "injected" });
        await released.UploadAsync(new BinaryData(evil), overwrite: true);
        var before = await s.SnapshotAsync();

        var installation = await s.InstallAsync(assetId);

        Assert.Equal("Failed", installation.GetProperty("state").GetString());
        Assert.Contains("package.tampered", InstallationScenario.Codes(installation));
        Assert.Equal(before, await s.SnapshotAsync());
    }

    [Fact]
    public async Task Tenants_OtherTenant_CannotSeeOrChangeTarget()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("mine"), "1.0.0"), s.Id("mine"));
        var id = await s.StartInstallAsync(s.Id("mine"));

        using var readTarget = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/tenants/{s.Tenant}/targets/{s.Target}").AsConsumer("intruder"));
        using var readInstallation = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/installations/{id}").AsConsumer("intruder"));
        using var install = await s.PostAsync("api/installations", new { tenantId = s.Tenant, targetId = s.Target, assetId = s.Id("mine") }, asTenant: "intruder");

        Assert.Equal(HttpStatusCode.Forbidden, readTarget.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readInstallation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, install.StatusCode);
    }

    [Fact]
    public async Task Install_SameIdempotencyKey_ReturnsSameInstallation()
    {
        var s = await new InstallationScenario(fixture).StartAsync();
        await s.PublishAsync(TestPackages.Create(s.Id("once"), "1.0.0"), s.Id("once"));

        var first = await s.StartInstallAsync(s.Id("once"), idempotencyKey: "order-42");
        var second = await s.StartInstallAsync(s.Id("once"), idempotencyKey: "order-42");

        Assert.Equal(first, second);
    }

    private static async Task GrantAsync(InstallationScenario s, string assetId, DateTimeOffset expiresAt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/tenants/{s.Tenant}/entitlements/{assetId}")
            .WithJson(JsonSerializer.Serialize(new { expiresAt })).As(["billing"], tenantId: s.Tenant);
        using var response = await s.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
