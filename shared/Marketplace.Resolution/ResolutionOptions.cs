namespace Marketplace.Resolution;

/// <summary>Limits for one resolution.</summary>
/// <param name="MaxSteps">Decisions plus conflict-resolution steps allowed before the resolver gives up.</param>
public sealed record ResolutionOptions(int MaxSteps = ResolutionOptions.DefaultMaxSteps)
{
    /// <summary>The default budget: far above what real registries need, low enough to stop in seconds.</summary>
    public const int DefaultMaxSteps = 1_000_000;

    /// <summary>The default options.</summary>
    public static ResolutionOptions Default { get; } = new();
}
