using System.Text.Json;
using Azure.Storage.Queues.Models;
using Marketplace.Functions.Configuration;
using Marketplace.LocalRuntime.Catalog;
using Marketplace.LocalRuntime.Queues;
using Marketplace.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Functions.Tests.Commands;

public sealed class QueueTriggerTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.FromAssembly(typeof(MarketplaceServiceCollectionExtensions).Assembly);

    private static readonly QueueMessage Message = QueuesModelFactory.QueueMessage(
        "m-1", "pop-1", new BinaryData("{\"a\":1}"u8.ToArray()), 3, DateTimeOffset.UnixEpoch.AddDays(1), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7));

    [Fact]
    public void Catalog_QueueFunctionsInFunctionsMetadata_AreDispatchedByTheLocalRuntime()
    {
        var metadataPath = Path.Combine(RepositoryPaths.Root, "functions", "bin");
        var file = Directory.EnumerateFiles(metadataPath, "functions.metadata", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var metadata = JsonDocument.Parse(File.ReadAllText(file));
        var hostQueueFunctions = metadata.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "queueTrigger"))
            .Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("ProcessCommand", hostQueueFunctions);
        Assert.Equal(hostQueueFunctions, Catalog.OfKind(FunctionKind.Queue).Select(f => f.Name).Order(StringComparer.Ordinal));
        var command = Catalog.OfKind(FunctionKind.Queue).Single(f => f.Name == "ProcessCommand");
        Assert.Equal("marketplace-commands", ((QueueTriggerAttribute)command.Trigger).QueueName);
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(BinaryData))]
    [InlineData(typeof(byte[]))]
    public void BindBody_SupportedType_GivesTheDecodedMessage(Type type)
    {
        var value = QueueBinding.BindBody(type, Message.Body);

        var text = value switch { string s => s, BinaryData b => b.ToString(), byte[] b => System.Text.Encoding.UTF8.GetString(b), _ => null };
        Assert.Equal("{\"a\":1}", text);
    }

    [Fact]
    public void BindBody_OtherType_Throws()
    {
        Assert.Throws<NotSupportedException>(() => QueueBinding.BindBody(typeof(int), Message.Body));
    }

    [Theory]
    [InlineData("id", typeof(string), "m-1")]
    [InlineData("dequeueCount", typeof(long), 3L)]
    [InlineData("DequeueCount", typeof(int), 3)]
    [InlineData("popReceipt", typeof(string), "pop-1")]
    public void TryBindData_KnownName_ConvertsToParameterType(string name, Type type, object expected)
    {
        Assert.True(QueueBinding.TryBindData(Message, name, type, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryBindData_InsertionTimeAndUnknownName_BindsTimeAndRefusesOther()
    {
        Assert.True(QueueBinding.TryBindData(Message, "insertionTime", typeof(DateTimeOffset), out var inserted));
        Assert.Equal(DateTimeOffset.UnixEpoch, inserted);
        Assert.False(QueueBinding.TryBindData(Message, "durable", typeof(object), out _));
    }

    [Fact]
    public void ResolveQueueName_LiteralOrSetting_GivesTheQueue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Marketplace:Commands:QueueName"] = "cmds" }).Build();

        Assert.Equal("marketplace-commands", QueueBinding.ResolveQueueName("marketplace-commands", configuration));
        Assert.Equal("cmds", QueueBinding.ResolveQueueName("%Marketplace__Commands__QueueName%", configuration));
        Assert.Throws<InvalidOperationException>(() => QueueBinding.ResolveQueueName("%Missing%", configuration));
    }

    [Fact]
    public void NextPollDelay_EmptyThenMessage_BacksOffToOneSecondAndResets()
    {
        var delay = QueueBinding.MinPollDelay;
        for (var i = 0; i < 10; i++) delay = QueueBinding.NextPollDelay(delay, receivedAny: false);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Equal(TimeSpan.FromMilliseconds(200), QueueBinding.NextPollDelay(QueueBinding.MinPollDelay, receivedAny: false));
        Assert.Equal(QueueBinding.MinPollDelay, QueueBinding.NextPollDelay(delay, receivedAny: true));
    }
}
