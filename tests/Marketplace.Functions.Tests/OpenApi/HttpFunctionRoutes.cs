using System.Reflection;
using Marketplace.Functions.OpenApi;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Tests.OpenApi;

/// <summary>One HTTP operation: function name, method and route as the API serves it.</summary>
internal sealed record HttpOperation(string FunctionName, string Method, string Path)
{
    /// <summary>The path with every <c>{placeholder}</c> reduced to <c>{}</c>, so names and constraints compare equal.</summary>
    public string Shape => OpenApiDocument.Shape(this.Path);

    public override string ToString() => $"{this.Method} {this.Path} ({this.FunctionName})";
}

/// <summary>The HTTP functions of the functions assembly, found by reflection as the Functions SDK finds them.</summary>
internal static class HttpFunctionRoutes
{
    public const string RoutePrefix = "/api/";

    public static IReadOnlyList<HttpOperation> All { get; } = Read(typeof(OpenApiFunction).Assembly);

    private static List<HttpOperation> Read(Assembly assembly)
    {
        var operations = new List<HttpOperation>();
        var methods = assembly.GetTypes().SelectMany(t => t.GetMethods(
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null);
            if (function is null || trigger is null)
            {
                continue;
            }

            Assert.True(trigger.Methods is { Length: > 0 }, $"Function {function.Name} accepts every method; name them so they can be documented.");
            var route = RoutePrefix + (trigger.Route ?? function.Name).TrimStart('/');
            operations.AddRange(trigger.Methods!.Select(m => new HttpOperation(function.Name, m.ToUpperInvariant(), route)));
        }

        return operations;
    }
}
