using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Marketplace.Domain.Events;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Events;
using Marketplace.Infrastructure.Governance;
using Marketplace.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Configuration;

/// <summary>Events (Storage queue locally, Service Bus in Azure), dead letters and governance stores.</summary>
internal static class EventRegistrations
{
    public static IServiceCollection AddEventsAndGovernance(this IServiceCollection services, IConfiguration configuration, StorageLayout layout)
    {
        foreach (var table in EventStorageNames.Tables) layout.Tables.Add(table);
        foreach (var container in EventStorageNames.Containers) layout.Containers.Add(container);
        foreach (var queue in EventStorageNames.Queues) layout.Queues.Add(queue);

        var options = configuration.GetSection(EventPublisherOptions.SectionName).Get<EventPublisherOptions>() ?? new EventPublisherOptions();
        options.ServiceBusFullyQualifiedNamespace ??= configuration[$"{EventPublisherOptions.ServiceBusConnectionName}:fullyQualifiedNamespace"];
        if (options.Transport == EventTransport.ServiceBus)
        {
            options.Validate();
            services.AddSingleton(_ => new ServiceBusClient(options.ServiceBusFullyQualifiedNamespace, new DefaultAzureCredential()));
            services.AddSingleton<IEventPublisher>(sp => new ServiceBusEventPublisher(sp.GetRequiredService<ServiceBusClient>(), options.TopicName));
        }
        else
        {
            layout.Queues.Add(options.QueueName);
            services.AddSingleton<IEventPublisher>(sp => new StorageQueueEventPublisher(sp.GetRequiredService<QueueServiceClient>(), options.QueueName));
        }

        var escalation = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
        escalation.Validate();
        services.AddSingleton(escalation);
        services.AddSingleton<EscalationEvaluator>();
        services.AddSingleton<IFailureLedger, TableFailureLedger>(sp => ActivatorUtilities.CreateInstance<TableFailureLedger>(sp));
        services.AddSingleton<FailureEscalation>();
        services.AddSingleton<IGovernanceSignalStore>(sp => ActivatorUtilities.CreateInstance<TableGovernanceSignalStore>(sp));
        services.AddSingleton<IAuditLog>(sp => ActivatorUtilities.CreateInstance<TableAuditLog>(sp));
        services.AddSingleton<IProcessedEventStore>(sp => ActivatorUtilities.CreateInstance<TableProcessedEventStore>(sp));
        services.AddSingleton<IDeadLetterStore>(sp => ActivatorUtilities.CreateInstance<TableDeadLetterStore>(sp));
        return services;
    }
}
