using Marketplace.LocalRuntime.Catalog;
using Microsoft.DurableTask;

namespace Marketplace.LocalRuntime.Durable;

/// <summary>An <c>[ActivityTrigger]</c> function run by the Durable Task worker, its class built from DI.</summary>
internal sealed class FunctionActivity(FunctionDescriptor function, IServiceProvider services) : ITaskActivity
{
    public Type InputType => function.TriggerParameter.ParameterType;

    public Type OutputType => FunctionInvoker.ResultType(function.Method);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        FunctionInvoker.InvokeAsync(function, services, parameter =>
            parameter == function.TriggerParameter || parameter.Position == function.TriggerParameter.Position ? input
            : parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : parameter.ParameterType == typeof(TaskActivityContext) ? context
            : services.GetService(parameter.ParameterType)
              ?? throw new InvalidOperationException(
                  $"Activity '{function.Name}' has parameter '{parameter.Name}' ({parameter.ParameterType.Name}) that cannot be bound."));
}
