using System.Reflection;

namespace Marketplace.LocalRuntime.Catalog;

/// <summary>What kind of trigger starts a function.</summary>
public enum FunctionKind
{
    /// <summary><c>[HttpTrigger]</c>.</summary>
    Http,

    /// <summary><c>[OrchestrationTrigger]</c>.</summary>
    Orchestration,

    /// <summary><c>[ActivityTrigger]</c>.</summary>
    Activity,

    /// <summary><c>[BlobTrigger]</c>.</summary>
    Blob,

    /// <summary><c>[QueueTrigger]</c>.</summary>
    Queue,
}

/// <summary>One <c>[Function]</c> method, as the Functions host would load it.</summary>
/// <param name="Name">The function name from <c>[Function(name)]</c>.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="Kind">Its trigger kind.</param>
/// <param name="Trigger">The trigger attribute instance (route, path, queue name...).</param>
/// <param name="TriggerParameter">The parameter that carries the trigger.</param>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, FunctionKind Kind, Attribute Trigger, ParameterInfo TriggerParameter)
{
    /// <summary>The class that declares the function.</summary>
    public Type DeclaringType => this.Method.DeclaringType!;
}
