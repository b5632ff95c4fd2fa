using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.LocalRuntime.Catalog;

/// <summary>
/// Every function of an assembly, read from the same attributes the Functions SDK turns into functions.metadata,
/// so the local runtime has no second list of routes or tasks to keep in step.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => this.Functions = functions;

    /// <summary>All functions found.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The functions of one kind.</summary>
    public IEnumerable<FunctionDescriptor> OfKind(FunctionKind kind) => this.Functions.Where(f => f.Kind == kind);

    /// <summary>Reads the <c>[Function]</c> methods of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">When a function has no trigger the local runtime knows, or names repeat.</exception>
    public static FunctionCatalog FromAssembly(Assembly assembly)
    {
        var functions = new List<FunctionDescriptor>();
        var methods = assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            functions.Add(Describe(function.Name, method));
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Function name '{duplicate.Key}' is declared more than once.");
        }

        return new FunctionCatalog(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                FunctionKind? kind = attribute switch
                {
                    HttpTriggerAttribute => FunctionKind.Http,
                    OrchestrationTriggerAttribute => FunctionKind.Orchestration,
                    ActivityTriggerAttribute => FunctionKind.Activity,
                    BlobTriggerAttribute => FunctionKind.Blob,
                    QueueTriggerAttribute => FunctionKind.Queue,
                    _ => null,
                };
                if (kind is { } k)
                {
                    return new FunctionDescriptor(name, method, k, attribute, parameter);
                }
            }
        }

        throw new InvalidOperationException(
            $"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) has no trigger the local runtime supports " +
            "(HTTP, orchestration, activity, blob, queue).");
    }
}
