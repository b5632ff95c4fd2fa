using System.Text.RegularExpressions;

namespace Marketplace.Infra.Tests;

/// <summary>The Function App: Flex Consumption, .NET isolated on the repo's framework, its own identity, azd wiring.</summary>
public partial class FunctionAppTests
{
    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var plan = CompiledInfra.Main.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.StringAt("sku", "name"));
        Assert.Equal("FlexConsumption", plan.StringAt("sku", "tier"));
    }

    [Fact]
    public void Site_Identity_IsSystemAssigned()
    {
        Assert.Equal("SystemAssigned", InfraFacts.FunctionApp.StringAt("identity", "type"));
    }

    [Fact]
    public void Site_Runtime_IsDotnetIsolatedOnTheRepoFramework()
    {
        // Directory.Build.props sets net10.0 for every project; Flex Consumption wants "10.0".
        var framework = TargetFramework().Match(RepoPaths.ReadText("Directory.Build.props")).Groups[1].Value;
        var runtime = InfraFacts.FunctionApp;

        Assert.Equal(LocalSettings.Values["FUNCTIONS_WORKER_RUNTIME"], runtime.StringAt("properties", "functionAppConfig", "runtime", "name"));
        Assert.Equal(framework, runtime.StringAt("properties", "functionAppConfig", "runtime", "version"));
    }

    [Fact]
    public void Site_DeploymentStorage_IsAContainerReachedWithTheAppIdentity()
    {
        var storage = InfraFacts.FunctionApp.At("properties", "functionAppConfig", "deployment", "storage");
        Assert.NotNull(storage);
        var containers = CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(InfraFacts.LeafName)
            .ToList();
        var value = storage.Value.GetProperty("value").GetString() ?? "";
        var containerReference = DeploymentContainer().Match(value).Groups[1].Value;

        Assert.Equal("blobContainer", storage.Value.GetProperty("type").GetString());
        Assert.Equal("SystemAssignedIdentity", storage.Value.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Contains(InfraFacts.Literal(InfraFacts.FunctionApp.Owner, $"[{containerReference}]"), containers);
    }

    [Fact]
    public void Site_Https_IsRequired()
    {
        Assert.Equal(true, InfraFacts.FunctionApp.At("properties", "httpsOnly")?.GetBoolean());
    }

    [Fact]
    public void Outputs_AppUrl_IsTheSiteHostNameOverHttps()
    {
        var url = CompiledInfra.Main.Output("APP_URL")?.GetProperty("value").GetString() ?? "";
        var trace = ExpressionTracer.Trace(CompiledInfra.Main, url);

        Assert.Contains("https://", url, StringComparison.Ordinal);
        Assert.True(trace.Mentions("Microsoft.Web/sites") && trace.Mentions("defaultHostName"), url);
    }

    [Fact]
    public void AzureYaml_ApiService_IsTheTaggedFunctionApp()
    {
        var yaml = RepoPaths.ReadText("azure.yaml");
        var tags = InfraFacts.FunctionApp.At("tags")?.GetString() ?? "";
        var service = ServiceBlock().Match(yaml);

        Assert.True(service.Success, "azure.yaml has no 'api' service");
        Assert.Contains("host: function", service.Value, StringComparison.Ordinal);
        Assert.Contains("project: ./functions", service.Value, StringComparison.Ordinal);
        Assert.True(Directory.Exists(RepoPaths.Of("functions")));
        Assert.Contains("'azd-service-name'", tags, StringComparison.Ordinal);
        Assert.Equal("api", InfraFacts.Literal(InfraFacts.FunctionApp.Owner, "[parameters('serviceName')]"));
    }

    [GeneratedRegex(@"<TargetFramework>net(\d+\.\d+)</TargetFramework>")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"\{1\}', [^,]+, ((?:parameters|variables)\('[^']+'\))\)\]$")]
    private static partial Regex DeploymentContainer();

    [GeneratedRegex(@"(?m)^  api:\n(?:    .*\n)+")]
    private static partial Regex ServiceBlock();
}
