using Grpc.Net.Client;
using Marketplace.Functions.Configuration;
using Marketplace.Functions.Identity;
using Marketplace.LocalRuntime.Blobs;
using Marketplace.LocalRuntime.Catalog;
using Marketplace.LocalRuntime.Configuration;
using Marketplace.LocalRuntime.Durable;
using Marketplace.LocalRuntime.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.LocalRuntime;

/// <summary>
/// The embedded local runtime: hosts the Functions app's own function classes without Core Tools. HTTP functions on
/// ASP.NET Core, orchestrators and activities on the Durable Task worker over a durable backend on Azurite, blob
/// triggers from a container scan, all with the app's own <see cref="MarketplaceServiceCollectionExtensions.AddMarketplace"/>.
/// </summary>
public sealed class LocalRuntimeHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DurableSidecar sidecar;
    private readonly GrpcChannel channel;

    private LocalRuntimeHost(WebApplication app, DurableSidecar sidecar, GrpcChannel channel, Uri baseAddress, FunctionCatalog catalog)
    {
        this.app = app;
        this.sidecar = sidecar;
        this.channel = channel;
        this.BaseAddress = baseAddress;
        this.Catalog = catalog;
    }

    /// <summary>Where the HTTP functions answer (e.g. http://127.0.0.1:7071/).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The functions this runtime hosts.</summary>
    public FunctionCatalog Catalog { get; }

    /// <summary>The app's services (for tests that need a client or a store).</summary>
    public IServiceProvider Services => this.app.Services;

    /// <summary>Builds and starts the runtime.</summary>
    public static async Task<LocalRuntimeHost> StartAsync(LocalRuntimeOptions options, CancellationToken cancellationToken = default)
    {
        var catalog = FunctionCatalog.FromAssembly(typeof(MarketplaceServiceCollectionExtensions).Assembly);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddEmbeddedDefaults()
            .AddLocalSettingsFile(options.LocalSettingsPath)
            .AddEnvironmentVariables()
            .AddCommandLine(options.Args.ToArray())
            .AddFunctionsSettings(options.Settings);
        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls);

        var channelHolder = new ChannelHolder();
        var providerHolder = new ServiceProviderHolder();
        builder.Services.AddMarketplace(configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(options);
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(o => o.Channel = channelHolder.Channel);
            client.RegisterDirectly();
        });
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(o => o.Channel = channelHolder.Channel);
            worker.AddTasks(registry => FunctionTaskRegistrar.Register(registry, catalog, providerHolder));
        });
        builder.Services.AddHostedService<BlobTriggerDispatcher>();
        builder.Services.AddHostedService<Queues.QueueTriggerDispatcher>();

        var app = builder.Build();
        providerHolder.Services = app.Services;
        var identity = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        app.Use((context, next) =>
        {
            CallerResolver.Attach(context, identity);
            return next(context);
        });
        HttpFunctionEndpoints.Map(app, catalog, configuration["AzureFunctionsJobHost:extensions:http:routePrefix"] ?? "api");

        var backend = new DurableBackendOptions
        {
            StorageConnectionString = configuration["AzureWebJobsStorage"]
                ?? throw new InvalidOperationException("AzureWebJobsStorage is not set: the durable backend needs a storage connection string."),
            TaskHub = configuration["Marketplace:TaskHub"] ?? "MarketplaceHub",
            WorkerId = options.WorkerId,
        };
        var sidecar = await DurableSidecar.StartAsync(backend, app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        channelHolder.Channel = channel;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await sidecar.DisposeAsync();
            channel.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.Logger.LogInformation("Marketplace local runtime on {Address}: {Count} functions, task hub {TaskHub}",
            address, catalog.Functions.Count, backend.TaskHub);
        return new LocalRuntimeHost(app, sidecar, channel, new Uri(address.EndsWith('/') ? address : address + "/"), catalog);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl-C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => this.app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the functions, then the durable backend.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await this.app.StopAsync(timeout.Token);
        }
        finally
        {
            await this.app.DisposeAsync();
            await this.channel.ShutdownAsync();
            this.channel.Dispose();
            await this.sidecar.DisposeAsync();
        }
    }

    private sealed class ChannelHolder
    {
        public GrpcChannel? Channel { get; set; }
    }
}
