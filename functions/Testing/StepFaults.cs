using System.Collections.Concurrent;

namespace Marketplace.Functions.Testing;

/// <summary>Thrown by an armed step.</summary>
public sealed class InjectedFaultException(string step, string key)
    : Exception($"Injected fault in {step} for {key}.");

/// <summary>
/// A test seam for the sagas' failure paths: a test arms a step for one key (an asset id) and that step's activity
/// throws, as a storage or signing outage would. Nothing arms it outside tests: it has no endpoint or setting.
/// </summary>
public sealed class StepFaults
{
    private readonly ConcurrentDictionary<(string Step, string Key), int> armed = new();

    /// <summary>Makes <paramref name="step"/> fail for <paramref name="key"/> the next <paramref name="times"/> calls.</summary>
    public void Arm(string step, string key, int times = int.MaxValue) => this.armed[(step, key)] = times;

    /// <summary>Stops failing <paramref name="step"/> for <paramref name="key"/>.</summary>
    public void Disarm(string step, string key) => this.armed.TryRemove((step, key), out _);

    /// <summary>Called by activities: throws when armed for this key.</summary>
    public void ThrowIfArmed(string step, string key)
    {
        if (this.armed.TryGetValue((step, key), out var remaining) && remaining > 0)
        {
            this.armed[(step, key)] = remaining == int.MaxValue ? remaining : remaining - 1;
            throw new InjectedFaultException(step, key);
        }
    }
}
