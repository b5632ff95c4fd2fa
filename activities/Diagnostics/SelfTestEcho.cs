using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Diagnostics;

/// <summary>The self-test's activity: echoes its input with a mark, proving an activity ran in this worker.</summary>
public sealed class SelfTestEcho
{
    /// <summary>Returns <paramref name="message"/> with <c>/echo</c> appended.</summary>
    [Function(nameof(SelfTestEcho))]
    public string Run([ActivityTrigger] string message) => $"{message}/echo";
}
