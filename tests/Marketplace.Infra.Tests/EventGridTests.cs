using System.Text.RegularExpressions;

namespace Marketplace.Infra.Tests;

/// <summary>
/// Blobs written to staging reach the blob trigger through Event Grid (the only blob trigger source on Flex
/// Consumption): a system topic from main.bicep, and a subscription the azd post-deploy hook deploys.
/// </summary>
public partial class EventGridTests
{
    private static ArmResource Subscription => CompiledInfra.BlobEvents.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");

    [Fact]
    public void SystemTopic_Source_IsTheStorageAccount()
    {
        var topic = CompiledInfra.Main.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.StringAt("properties", "topicType"));
        Assert.Contains("Microsoft.Storage/storageAccounts", topic.StringAt("properties", "source"), StringComparison.Ordinal);
    }

    [Fact]
    public void BlobSubscription_Destination_IsTheBlobExtensionWebhook()
    {
        var url = Subscription.StringAt("properties", "destination", "properties", "endpointUrl") ?? "";

        Assert.Equal("WebHook", Subscription.StringAt("properties", "destination", "endpointType"));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", url, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", url, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobSubscription_Filter_IsBlobCreatedUnderStagingIncoming()
    {
        var prefix = InfraFacts.Literal(Subscription.Owner, Subscription.StringAt("properties", "filter", "subjectBeginsWith") ?? "");
        var types = Subscription.At("properties", "filter", "includedEventTypes")?.EnumerateArray().Select(t => t.GetString());

        Assert.Equal("/blobServices/default/containers/staging/blobs/incoming/", prefix);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], types!);
    }

    [Fact]
    public void BlobSubscription_DeadLetters_ToAContainerOfMain()
    {
        var container = InfraFacts.Literal(
            Subscription.Owner,
            Subscription.StringAt("properties", "deadLetterWithResourceIdentity", "deadLetterDestination", "properties", "blobContainerName") ?? "");
        var containers = CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(InfraFacts.LeafName);

        Assert.Contains(container, containers);
    }

    [Theory]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("infra/hooks/postdeploy.ps1")]
    public void PostDeployHook_Script_IsWiredInAzureYamlAndDeploysBlobEvents(string script)
    {
        var yaml = RepoPaths.ReadText("azure.yaml");
        var text = RepoPaths.ReadText(script);

        Assert.Contains("postdeploy:", yaml, StringComparison.Ordinal);
        Assert.Contains($"run: ./{script}", yaml, StringComparison.Ordinal);
        Assert.Contains("./infra/blob-events.bicep", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("infra/hooks/postdeploy.ps1")]
    public void PostDeployHook_Script_PassesEveryRequiredParameter(string script)
    {
        var text = RepoPaths.ReadText(script);
        var required = CompiledInfra.BlobEvents.ParameterNames()
            .Where(p => CompiledInfra.BlobEvents.Parameter(p) is { } declared && !declared.TryGetProperty("defaultValue", out _));

        Expect.None(required.Where(p => !text.Contains(p + "=", StringComparison.Ordinal)), $"Parameters {script} does not pass");
    }

    [Theory]
    [InlineData("infra/hooks/postdeploy.sh")]
    [InlineData("infra/hooks/postdeploy.ps1")]
    public void PostDeployHook_AzdVariables_AreOutputsOfMain(string script)
    {
        // azd sets AZURE_SUBSCRIPTION_ID itself; the rest must come from main.bicep's outputs.
        var used = AzdVariable().Matches(RepoPaths.ReadText(script)).Select(m => m.Groups[1].Value).Distinct();

        Expect.None(used.Where(v => v != "AZURE_SUBSCRIPTION_ID" && CompiledInfra.Main.Output(v) is null), $"Variables {script} reads that main.bicep does not output");
    }

    [GeneratedRegex(@"\b((?:AZURE|APP)_[A-Z_]+)\b")]
    private static partial Regex AzdVariable();
}
