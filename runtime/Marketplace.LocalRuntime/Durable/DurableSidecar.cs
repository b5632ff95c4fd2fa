using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Durable;

/// <summary>
/// The durable backend of local runs: the Durable Task gRPC sidecar (<see cref="TaskHubGrpcServer"/>) served over
/// HTTP/2 on a loopback port, over the Azure Storage orchestration service on Azurite: the same storage provider the
/// Functions host uses in Azure, so orchestrations, timers and retries behave as there and survive a restart.
/// </summary>
internal sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AzureStorageOrchestrationService service;

    private DurableSidecar(WebApplication app, AzureStorageOrchestrationService service, Uri address)
    {
        this.app = app;
        this.service = service;
        this.Address = address;
    }

    /// <summary>The gRPC address the worker and client connect to.</summary>
    public Uri Address { get; }

    public static async Task<DurableSidecar> StartAsync(DurableBackendOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            WorkerId = options.WorkerId,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);

        // Constructing the server registers its start-up hook (wait for a worker, then dispatch) with this host.
        app.Services.GetRequiredService<TaskHubGrpcServer>();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DurableSidecar(app, service, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await this.app.StopAsync(timeout.Token);
        }
        finally
        {
            // The sidecar stops its dispatchers without waiting; stop the storage service ourselves so its leases are
            // released now and no background loop of this process keeps taking work from the task hub.
            await this.service.StopAsync(isForced: true);
            await this.app.DisposeAsync();
        }
    }
}
