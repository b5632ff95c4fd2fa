using Marketplace.LocalRuntime.Catalog;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.LocalRuntime.Durable;

/// <summary>Registers every orchestrator and activity of the catalog with the Durable Task worker, under its function name.</summary>
internal static class FunctionTaskRegistrar
{
    public static void Register(DurableTaskRegistry registry, FunctionCatalog catalog, ServiceProviderHolder holder)
    {
        foreach (var function in catalog.OfKind(FunctionKind.Orchestration))
        {
            // Orchestrators are created per execution; their dependencies come from the root provider (they should have none).
            registry.AddOrchestrator(function.Name, () => new DeferredOrchestrator(function, holder));
        }

        foreach (var function in catalog.OfKind(FunctionKind.Activity))
        {
            registry.AddActivity(function.Name, services => new FunctionActivity(function, services));
        }
    }

    /// <summary>
    /// The registry's orchestrator factory has no service provider, so the real orchestrator is built on first run
    /// from the runtime's provider, which exists only once the host is built.
    /// </summary>
    private sealed class DeferredOrchestrator(FunctionDescriptor function, ServiceProviderHolder holder) : ITaskOrchestrator
    {
        public Type InputType => typeof(System.Text.Json.JsonElement?);

        public Type OutputType => FunctionInvoker.ResultType(function.Method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var services = holder.Services
                ?? throw new InvalidOperationException("The local runtime's service provider is not set.");
            var converter = services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).DataConverter;
            var orchestrator = new FunctionOrchestrator(function, services, converter, services.GetRequiredService<ILoggerFactory>());
            return orchestrator.RunAsync(context, input);
        }
    }
}

/// <summary>Holds the runtime's root service provider, which exists only after the host that registers the tasks is built.</summary>
internal sealed class ServiceProviderHolder
{
    public IServiceProvider? Services { get; set; }
}
