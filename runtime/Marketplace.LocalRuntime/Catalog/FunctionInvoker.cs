using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.LocalRuntime.Catalog;

/// <summary>
/// Invokes a function method as the Functions worker does: a new instance of its class from DI per invocation (unless
/// static), arguments from a binder, the returned task awaited and its result unwrapped.
/// </summary>
public static class FunctionInvoker
{
    /// <summary>Invokes <paramref name="function"/>; <paramref name="bind"/> supplies each parameter's value.</summary>
    public static async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.DeclaringType);
        try
        {
            var arguments = function.Method.GetParameters().Select(bind).ToArray();
            var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return await UnwrapAsync(returned);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>The type a function produces once its task is awaited (<c>Task&lt;T&gt;</c> gives T; <c>Task</c> gives object).</summary>
    public static Type ResultType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void) ? typeof(object) : type;
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
        }

        var returnedType = returned.GetType();
        if (returnedType.IsGenericType && returnedType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = (Task)returnedType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
            return await UnwrapAsync(asTask);
        }

        return returned;
    }
}
