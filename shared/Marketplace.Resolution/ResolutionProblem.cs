namespace Marketplace.Resolution;

/// <summary>
/// A resolution problem, as in the resolver problem contract: the available versions, what the target
/// already holds (fixed), and what is being installed.
/// </summary>
/// <param name="Registry">Asset id to version string to that version's dependencies and conflicts.</param>
/// <param name="Installed">Asset id to the exact version the target holds; these never change.</param>
/// <param name="Root">Asset id to the npm-style range being installed.</param>
public sealed record ResolutionProblem(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>> Registry,
    IReadOnlyDictionary<string, string> Installed,
    IReadOnlyDictionary<string, string> Root);
