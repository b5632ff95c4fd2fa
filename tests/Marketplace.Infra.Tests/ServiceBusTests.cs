using System.Text.Json;

namespace Marketplace.Infra.Tests;

/// <summary>The events topic exists under the name the app uses, and its subscriptions dead-letter what they cannot take.</summary>
public class ServiceBusTests
{
    [Fact]
    public void Topic_Name_IsTheEventsTopicSetting()
    {
        var topic = CompiledInfra.Main.Single("Microsoft.ServiceBus/namespaces/topics");

        Assert.Equal(LocalSettings.Values["Marketplace__Events__TopicName"], InfraFacts.LeafName(topic));
    }

    [Fact]
    public void Subscriptions_DeadLettering_IsOn()
    {
        var subscription = CompiledInfra.Main.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions");

        Assert.Equal(true, subscription.At("properties", "deadLetteringOnMessageExpiration")?.GetBoolean());
        Assert.Equal(true, subscription.At("properties", "deadLetteringOnFilterEvaluationExceptions")?.GetBoolean());
    }

    [Fact]
    public void Subscriptions_ByDefault_AreAtLeastOne()
    {
        var subscription = CompiledInfra.Main.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions");
        // copy.count is "[length(parameters('subscriptionNames'))]": resolve the array it counts.
        var count = subscription.StringAt("copy", "count") ?? "";
        var start = count.IndexOf("parameters(", StringComparison.Ordinal);
        var names = ExpressionTracer.Resolve(subscription.Owner, "[" + count[start..(count.IndexOf(')', start) + 1)] + "]");

        Assert.Equal(JsonValueKind.Array, names.Value.ValueKind);
        Assert.NotEqual(0, names.Value.GetArrayLength());
    }

    [Fact]
    public void DeadLetterAlert_WatchesTheNamespace()
    {
        var alert = CompiledInfra.Main.Single("Microsoft.Insights/metricAlerts");
        var criteria = alert.At("properties", "criteria", "allOf")?.GetRawText() ?? "";

        Assert.Contains("DeadletteredMessages", criteria, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ServiceBus/namespaces", alert.At("properties", "scopes")?.GetRawText() ?? "", StringComparison.Ordinal);
    }
}
