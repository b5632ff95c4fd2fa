using Marketplace.Resolution.Explaining;
using Marketplace.Resolution.Solving;

namespace Marketplace.Resolution;

/// <summary>
/// Resolves which version of each asset a target gets, with PubGrub: newest versions first, complete
/// (finds a solution whenever one exists), and on failure a list of conflicting ranges with who asked
/// for them plus a derivation that explains why.
/// </summary>
public static class DependencyResolver
{
    /// <summary>Resolves <paramref name="problem"/> with the default step budget.</summary>
    /// <exception cref="InvalidResolutionProblemException">A version or range in the problem is invalid.</exception>
    /// <exception cref="ResolutionBudgetExceededException">The problem needed more steps than the budget allows.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ResolutionResult Resolve(ResolutionProblem problem, CancellationToken cancellationToken = default) =>
        Resolve(problem, ResolutionOptions.Default, cancellationToken);

    /// <summary>Resolves <paramref name="problem"/> within the limits of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidResolutionProblemException">A version or range in the problem is invalid.</exception>
    /// <exception cref="ResolutionBudgetExceededException">The problem needed more steps than <see cref="ResolutionOptions.MaxSteps"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ResolutionResult Resolve(ResolutionProblem problem, ResolutionOptions options, CancellationToken cancellationToken = default)
    {
        var universe = PackageUniverse.Build(problem);
        var (decisions, failure) = new PubGrubSolver(universe, options.MaxSteps, cancellationToken).Solve();
        if (failure is not null)
        {
            return new ResolutionFailed(ConflictReport.Build(universe, failure), ExplanationWriter.Write(universe, failure));
        }

        var solution = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var package = 0; package < decisions!.Count; package++)
        {
            if (package == PackageUniverse.Root || decisions[package] < 0) continue;
            solution[universe.NameOf(package)] = universe[package].Texts[decisions[package]];
        }

        return new ResolutionSucceeded(solution);
    }
}
