using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Marketplace.LocalRuntime.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Http;

/// <summary>
/// Serves each <c>[HttpTrigger]</c> function on its route and methods, binding parameters as the Functions host does:
/// the request, route values by name, <c>[DurableClient]</c>, and the cancellation token.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.OfKind(FunctionKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var route = trigger.Route ?? function.Name;
            var pattern = string.IsNullOrEmpty(routePrefix) ? $"/{route}" : $"/{routePrefix}/{route}";
            var methods = trigger.Methods is { Length: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToArray() : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
            endpoints.MapMethods(pattern, methods, context => InvokeAsync(function, context)).WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + function.Name);
        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, p => Bind(function, p, context));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // As the Functions host does: log the failure, answer 500 without leaking the exception.
            logger.LogError(ex, "Function {Function} failed", function.Name);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(
                    new ProblemDetails { Status = 500, Title = "Internal Server Error", Detail = $"Function '{function.Name}' failed." },
                    options: null, contentType: "application/problem+json");
            }

            return;
        }

        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }

                break;
            default:
                await context.Response.WriteAsJsonAsync(result, result.GetType());
                break;
        }
    }

    private static object? Bind(FunctionDescriptor function, ParameterInfo parameter, HttpContext context)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest)) return context.Request;
        if (type == typeof(HttpContext)) return context;
        if (type == typeof(CancellationToken)) return context.RequestAborted;
        if (type == typeof(DurableTaskClient) || parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return context.RequestServices.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var routeValue))
        {
            return Convert(routeValue?.ToString(), type, function, name);
        }

        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null) return null;
        throw new InvalidOperationException($"Function '{function.Name}' has parameter '{parameter.Name}' that cannot be bound.");
    }

    private static object? Convert(string? value, Type type, FunctionDescriptor function, string name)
    {
        if (value is null || type == typeof(string)) return value;
        var converter = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type);
        try
        {
            return converter.ConvertFromString(null, CultureInfo.InvariantCulture, value);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
        {
            throw new BadHttpRequestException($"Route value '{name}' of function '{function.Name}' is not a valid {type.Name}.", ex);
        }
    }
}
