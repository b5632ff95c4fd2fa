using System.Reflection;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Marketplace.Infrastructure.Storage;
using Marketplace.LocalRuntime.Catalog;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Queues;

/// <summary>
/// Dispatches <c>[QueueTrigger]</c> functions as the Functions host does: polls each queue (base64 messages), binds the
/// decoded message and its binding data (<c>id</c>, <c>dequeueCount</c>, <c>insertionTime</c>, <c>popReceipt</c>...),
/// deletes the message when the function succeeds, and leaves it to reappear after the visibility timeout when it throws,
/// until the <see cref="MaxDequeueCount"/>th failure moves it to <c>{queue}-poison</c>.
/// </summary>
internal sealed class QueueTriggerDispatcher(
    FunctionCatalog catalog,
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<QueueTriggerDispatcher> logger) : BackgroundService
{
    /// <summary>Failures of one message before it goes to the poison queue (host.json <c>maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>Messages taken per poll and processed at once, per queue.</summary>
    public const int BatchSize = 4;

    /// <summary>How long a received message stays invisible to other receivers; a failed one reappears after it.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listeners = catalog.OfKind(FunctionKind.Queue).Select(this.CreateListener).ToList();
        await Task.WhenAll(listeners.Select(l => this.ListenAsync(l, stoppingToken)));
    }

    private Listener CreateListener(FunctionDescriptor function)
    {
        var trigger = (QueueTriggerAttribute)function.Trigger;
        var queueName = QueueBinding.ResolveQueueName(trigger.QueueName, configuration);
        var connection = StorageConnection.FromConfiguration(configuration, trigger.Connection ?? "AzureWebJobsStorage");
        var client = connection.CreateQueueServiceClient();
        return new Listener(function, client.GetQueueClient(queueName), client.GetQueueClient($"{queueName}-poison"));
    }

    private async Task ListenAsync(Listener listener, CancellationToken stoppingToken)
    {
        var delay = QueueBinding.MinPollDelay;
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var received = false;
            try
            {
                if (!ready)
                {
                    await listener.Queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    ready = true;
                }

                var messages = (await listener.Queue.ReceiveMessagesAsync(BatchSize, VisibilityTimeout, stoppingToken)).Value;
                received = messages.Length > 0;
                await Task.WhenAll(messages.Select(m => this.ProcessAsync(listener, m, stoppingToken)));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Polling queue {Queue} for {Function} failed; retrying", listener.Queue.Name, listener.Function.Name);
            }

            delay = QueueBinding.NextPollDelay(delay, received);
            try
            {
                await Task.Delay(received ? TimeSpan.Zero : delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(Listener listener, QueueMessage message, CancellationToken stoppingToken)
    {
        var function = listener.Function;
        try
        {
            await FunctionInvoker.InvokeAsync(function, services, p => this.Bind(function, p, message, stoppingToken));
            await listener.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            logger.LogInformation("Queue trigger {Function} processed message {MessageId} from {Queue}", function.Name, message.MessageId, listener.Queue.Name);
            return;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Queue trigger {Function} failed on message {MessageId} from {Queue} (attempt {Attempt} of {Max})",
                function.Name, message.MessageId, listener.Queue.Name, message.DequeueCount, MaxDequeueCount);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message reappears after its visibility timeout.
            return;
        }

        if (message.DequeueCount < MaxDequeueCount)
        {
            return;
        }

        try
        {
            await listener.Poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await listener.Poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await listener.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            logger.LogError("Message {MessageId} moved to {Poison} after {Attempts} failed attempts", message.MessageId, listener.Poison.Name, message.DequeueCount);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Moving message {MessageId} to {Poison} failed; it will be retried", message.MessageId, listener.Poison.Name);
        }
    }

    private object? Bind(FunctionDescriptor function, ParameterInfo parameter, QueueMessage message, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (parameter.Position == function.TriggerParameter.Position) return QueueBinding.BindBody(type, message.Body);
        if (type == typeof(CancellationToken)) return cancellationToken;
        if (QueueBinding.TryBindData(message, parameter.Name, type, out var value)) return value;
        return services.GetService(type)
            ?? throw new InvalidOperationException($"Queue trigger '{function.Name}' has parameter '{parameter.Name}' that cannot be bound.");
    }

    private sealed record Listener(FunctionDescriptor Function, QueueClient Queue, QueueClient Poison);
}
