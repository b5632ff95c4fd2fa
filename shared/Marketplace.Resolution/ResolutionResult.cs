namespace Marketplace.Resolution;

/// <summary>The outcome of <see cref="DependencyResolver.Resolve(ResolutionProblem, CancellationToken)"/>: <see cref="ResolutionSucceeded"/> or <see cref="ResolutionFailed"/>.</summary>
public abstract record ResolutionResult
{
    private protected ResolutionResult()
    {
    }

    /// <summary>True for <see cref="ResolutionSucceeded"/>.</summary>
    public abstract bool IsSolved { get; }
}

/// <summary>A solution: every selected asset with its version, installed assets included.</summary>
/// <param name="Solution">Asset id to version string, ordered by asset id.</param>
public sealed record ResolutionSucceeded(IReadOnlyDictionary<string, string> Solution) : ResolutionResult
{
    /// <inheritdoc />
    public override bool IsSolved => true;
}

/// <summary>No assignment satisfies every rule; says which ranges conflict and why.</summary>
/// <param name="Conflicts">Each asset whose ranges cannot all hold, with every range and who asked for it.</param>
/// <param name="Explanation">A PubGrub-style derivation of the failure, one step per line.</param>
public sealed record ResolutionFailed(IReadOnlyList<AssetConflict> Conflicts, string Explanation) : ResolutionResult
{
    /// <inheritdoc />
    public override bool IsSolved => false;
}

/// <summary>An asset whose ranges cannot all hold at once.</summary>
/// <param name="AssetId">The asset.</param>
/// <param name="Ranges">Every range on the asset that takes part in the failure.</param>
public sealed record AssetConflict(string AssetId, IReadOnlyList<RangeRequirement> Ranges);

/// <summary>One range on an asset and the dependency path that asked for it.</summary>
/// <param name="Range">The range as written, or the exact version for an installed asset.</param>
/// <param name="RequiredBy">The dependency path, e.g. <c>root &gt; contoso.app 1.1.0</c>, or <c>installed</c>.</param>
/// <param name="Kind">Whether the range must match (<see cref="RequirementKind.Requires"/>) or must not (<see cref="RequirementKind.Excludes"/>).</param>
public sealed record RangeRequirement(string Range, string RequiredBy, RequirementKind Kind = RequirementKind.Requires);

/// <summary>How a range constrains its asset.</summary>
public enum RequirementKind
{
    /// <summary>A dependency, a root request or an installed pin: the selected version must match.</summary>
    Requires,

    /// <summary>A <c>conflicts</c> entry: no selected or installed version may match.</summary>
    Excludes,
}
