using System.Text.Json;
using Marketplace.LocalRuntime.Catalog;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Durable;

/// <summary>An <c>[OrchestrationTrigger]</c> function run by the Durable Task worker.</summary>
internal sealed class FunctionOrchestrator(FunctionDescriptor function, IServiceProvider services, DataConverter converter, ILoggerFactory loggerFactory)
    : ITaskOrchestrator
{
    // The raw JSON input is kept and deserialized by the function itself through GetInput<T>().
    public Type InputType => typeof(JsonElement?);

    public Type OutputType => FunctionInvoker.ResultType(function.Method);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var raw = input is JsonElement element ? element.GetRawText() : null;
        var wrapped = new FunctionOrchestrationContext(context, raw, converter, loggerFactory);
        return FunctionInvoker.InvokeAsync(function, services, parameter =>
            parameter.ParameterType == typeof(TaskOrchestrationContext) ? wrapped
            : throw new InvalidOperationException(
                $"Orchestrator '{function.Name}' has parameter '{parameter.Name}' that is not its TaskOrchestrationContext."));
    }
}
