using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// PubGrub (Natalie Weizenbaum's algorithm, as in dart pub): unit propagation over incompatibilities,
/// decisions that pick the newest allowed version, and conflict-driven learning that backjumps and
/// records why. Ends with the decided versions, or with the incompatibility that proves no solution exists.
/// </summary>
internal sealed class PubGrubSolver
{
    private readonly PackageUniverse universe;
    private readonly PartialSolution solution;
    private readonly List<Incompatibility>[] incompatibilities;
    private readonly RequirementIncompatibilities requirements;
    private readonly int maxSteps;
    private readonly CancellationToken cancellationToken;
    private readonly Term?[] countedTerms;
    private readonly int[] candidateCounts;
    private int steps;
    private Incompatibility? failure;

    public PubGrubSolver(PackageUniverse universe, int maxSteps, CancellationToken cancellationToken)
    {
        this.universe = universe;
        this.maxSteps = maxSteps;
        this.cancellationToken = cancellationToken;
        solution = new PartialSolution(universe.Count);
        incompatibilities = new List<Incompatibility>[universe.Count];
        for (var i = 0; i < incompatibilities.Length; i++) incompatibilities[i] = [];
        requirements = new RequirementIncompatibilities(universe);
        countedTerms = new Term?[universe.Count];
        candidateCounts = new int[universe.Count];
    }

    /// <summary>Solves: the decided version index per package (-1 when not selected), or the proof of failure.</summary>
    public (IReadOnlyList<int>? Decisions, Incompatibility? Failure) Solve()
    {
        var root = universe[PackageUniverse.Root];
        AddIncompatibility(Incompatibility.External(
            [new Term(PackageUniverse.Root, Positive: false, VersionSet.Exactly(root.Versions[0]))], new RootCause()));

        int? next = PackageUniverse.Root;
        while (next is { } package)
        {
            Propagate(package);
            if (failure is not null) return (null, failure);
            next = ChoosePackageVersion();
        }

        return (solution.Decisions, null);
    }

    private void Step()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++steps > maxSteps) throw new ResolutionBudgetExceededException(maxSteps);
    }

    private void AddIncompatibility(Incompatibility incompatibility)
    {
        foreach (var term in incompatibility.Terms) incompatibilities[term.Package].Add(incompatibility);
    }

    private void Propagate(int package)
    {
        var changed = new Stack<int>();
        var queued = new HashSet<int>();
        changed.Push(package);
        queued.Add(package);
        while (changed.Count > 0)
        {
            var current = changed.Pop();
            queued.Remove(current);
            var list = incompatibilities[current];
            // Newest first: learned incompatibilities are the most general ones.
            for (var i = list.Count - 1; i >= 0; i--)
            {
                var incompatibility = list[i];
                var result = PropagateIncompatibility(incompatibility, out var derivedPackage);
                if (result == PropagationResult.Conflict)
                {
                    var rootCause = ResolveConflict(incompatibility);
                    if (rootCause is null) return;
                    changed.Clear();
                    queued.Clear();
                    if (PropagateIncompatibility(rootCause, out derivedPackage) != PropagationResult.Derived)
                    {
                        throw new InvalidOperationException("A learned incompatibility did not propagate; this is a solver bug.");
                    }

                    changed.Push(derivedPackage);
                    queued.Add(derivedPackage);
                    break;
                }

                if (result == PropagationResult.Derived && queued.Add(derivedPackage)) changed.Push(derivedPackage);
            }
        }
    }

    private PropagationResult PropagateIncompatibility(Incompatibility incompatibility, out int derivedPackage)
    {
        derivedPackage = -1;
        Term? unsatisfied = null;
        foreach (var term in incompatibility.Terms)
        {
            var relation = solution.RelationTo(term);
            if (relation == TermRelation.Contradicted) return PropagationResult.None;
            if (relation == TermRelation.Inconclusive)
            {
                if (unsatisfied is not null) return PropagationResult.None;
                unsatisfied = term;
            }
        }

        if (unsatisfied is null) return PropagationResult.Conflict;
        solution.Derive(unsatisfied.Inverse, incompatibility);
        derivedPackage = unsatisfied.Package;
        return PropagationResult.Derived;
    }

    /// <summary>Learns from a satisfied incompatibility until it can backjump; null (and <see cref="failure"/> set) when the root is refuted.</summary>
    private Incompatibility? ResolveConflict(Incompatibility incompatibility)
    {
        var isNew = false;
        while (!incompatibility.IsFailure)
        {
            Step();
            Term? mostRecentTerm = null;
            Assignment? mostRecentSatisfier = null;
            Term? difference = null;
            var previousSatisfierLevel = 1;
            foreach (var term in incompatibility.Terms)
            {
                var satisfier = solution.Satisfier(term);
                if (mostRecentSatisfier is null)
                {
                    (mostRecentTerm, mostRecentSatisfier) = (term, satisfier);
                }
                else if (mostRecentSatisfier.Index < satisfier.Index)
                {
                    previousSatisfierLevel = Math.Max(previousSatisfierLevel, mostRecentSatisfier.DecisionLevel);
                    (mostRecentTerm, mostRecentSatisfier, difference) = (term, satisfier, null);
                }
                else
                {
                    previousSatisfierLevel = Math.Max(previousSatisfierLevel, satisfier.DecisionLevel);
                }

                if (ReferenceEquals(mostRecentTerm, term))
                {
                    // The satisfier may allow more than the term; what it allows beyond it was settled earlier.
                    difference = mostRecentSatisfier.Term.Difference(term);
                    if (difference is not null)
                    {
                        previousSatisfierLevel = Math.Max(previousSatisfierLevel, solution.Satisfier(difference.Inverse).DecisionLevel);
                    }
                }
            }

            if (previousSatisfierLevel < mostRecentSatisfier!.DecisionLevel || mostRecentSatisfier.Cause is null)
            {
                solution.Backtrack(previousSatisfierLevel);
                if (isNew) AddIncompatibility(incompatibility);
                return incompatibility;
            }

            var cause = mostRecentSatisfier.Cause;
            var satisfierPackage = mostRecentSatisfier.Term.Package;
            var terms = incompatibility.Terms.Where(term => !ReferenceEquals(term, mostRecentTerm))
                .Concat(cause.Terms.Where(term => term.Package != satisfierPackage));
            if (difference is not null) terms = terms.Append(difference.Inverse);
            incompatibility = Incompatibility.Derived(terms, incompatibility, cause);
            isNew = true;
        }

        failure = incompatibility;
        return null;
    }

    /// <summary>Decides the next package, or returns null when every required package is decided.</summary>
    private int? ChoosePackageVersion()
    {
        Step();
        var package = -1;
        var fewest = int.MaxValue;
        foreach (var candidate in solution.PositivePackages)
        {
            if (solution.IsDecided(candidate)) continue;
            // Fewest remaining versions first: a conflict, if any, shows up sooner.
            var count = CandidateCount(candidate);
            if (count < fewest) (package, fewest) = (candidate, count);
        }

        if (package < 0) return null;
        var term = solution.PositiveTerm(package)!;
        var versionIndex = NewestAllowed(package, term.Versions);
        if (versionIndex < 0)
        {
            AddIncompatibility(Incompatibility.External([term], new NoVersionsCause(universe[package].Exists)));
            return package;
        }

        var conflict = false;
        foreach (var incompatibility in requirements.For(package, versionIndex))
        {
            AddIncompatibility(incompatibility);
            conflict = conflict || incompatibility.Terms.All(t => t.Package == package || solution.Satisfies(t));
        }

        if (!conflict) solution.Decide(package, versionIndex, VersionSet.Exactly(universe[package].Versions[versionIndex]));
        return package;
    }

    private int CandidateCount(int package)
    {
        var term = solution.PositiveTerm(package)!;
        if (ReferenceEquals(countedTerms[package], term)) return candidateCounts[package];
        var versions = universe[package].Versions;
        var count = 0;
        foreach (var version in versions)
        {
            if (term.Versions.Contains(version)) count++;
        }

        countedTerms[package] = term;
        candidateCounts[package] = count;
        return count;
    }

    private int NewestAllowed(int package, VersionSet allowed)
    {
        var versions = universe[package].Versions;
        for (var i = versions.Length - 1; i >= 0; i--)
        {
            if (allowed.Contains(versions[i])) return i;
        }

        return -1;
    }

    private enum PropagationResult
    {
        None,
        Derived,
        Conflict,
    }
}
