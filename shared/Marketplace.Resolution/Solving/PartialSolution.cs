using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// PubGrub's partial solution: the ordered assignments so far, with per-package running intersections
/// (one positive term, or else one negative term) and the decided version indices.
/// </summary>
internal sealed class PartialSolution(int packageCount)
{
    private readonly List<Assignment> assignments = [];
    private readonly Term?[] positive = new Term?[packageCount];
    private readonly Term?[] negative = new Term?[packageCount];
    private readonly int[] decisions = Enumerable.Repeat(-1, packageCount).ToArray();
    private readonly List<int> positivePackages = [];
    private readonly bool[] listedPositive = new bool[packageCount];

    public int DecisionLevel { get; private set; }

    /// <summary>The decided version index of each package, or -1.</summary>
    public IReadOnlyList<int> Decisions => decisions;

    /// <summary>Packages with a positive term, in the order they first got one (may include decided ones).</summary>
    public IReadOnlyList<int> PositivePackages => positivePackages;

    public Term? PositiveTerm(int package) => positive[package];

    public bool IsDecided(int package) => decisions[package] >= 0;

    public void Decide(int package, int versionIndex, VersionSet version)
    {
        decisions[package] = versionIndex;
        DecisionLevel++;
        Assign(new Assignment(new Term(package, Positive: true, version), DecisionLevel, assignments.Count, Cause: null));
    }

    public void Derive(Term term, Incompatibility cause) =>
        Assign(new Assignment(term, DecisionLevel, assignments.Count, cause));

    /// <summary>Undoes every assignment made above <paramref name="level"/>.</summary>
    public void Backtrack(int level)
    {
        var touched = new HashSet<int>();
        while (assignments.Count > 0 && assignments[^1].DecisionLevel > level)
        {
            var removed = assignments[^1];
            assignments.RemoveAt(assignments.Count - 1);
            touched.Add(removed.Term.Package);
            if (removed.IsDecision) decisions[removed.Term.Package] = -1;
        }

        DecisionLevel = level;
        foreach (var package in touched)
        {
            positive[package] = null;
            negative[package] = null;
        }

        foreach (var assignment in assignments)
        {
            if (touched.Contains(assignment.Term.Package)) Register(assignment.Term);
        }

        foreach (var package in touched)
        {
            if (positive[package] is null) listedPositive[package] = false;
        }

        positivePackages.RemoveAll(package => !listedPositive[package]);
    }

    public TermRelation RelationTo(Term term)
    {
        var assigned = positive[term.Package] ?? negative[term.Package];
        return assigned is null ? TermRelation.Inconclusive : assigned.RelationTo(term);
    }

    public bool Satisfies(Term term) => RelationTo(term) == TermRelation.Satisfied;

    /// <summary>The earliest assignment after which the partial solution satisfies <paramref name="term"/>.</summary>
    public Assignment Satisfier(Term term)
    {
        Term? accumulated = null;
        foreach (var assignment in assignments)
        {
            if (assignment.Term.Package != term.Package) continue;
            accumulated = accumulated is null ? assignment.Term : accumulated.Intersect(assignment.Term);
            if (accumulated is not null && accumulated.Satisfies(term)) return assignment;
        }

        throw new InvalidOperationException("No assignment satisfies the term; this is a solver bug.");
    }

    private void Assign(Assignment assignment)
    {
        assignments.Add(assignment);
        Register(assignment.Term);
    }

    private void Register(Term term)
    {
        var package = term.Package;
        if (positive[package] is { } oldPositive)
        {
            positive[package] = Required(oldPositive.Intersect(term));
            return;
        }

        var combined = negative[package] is { } oldNegative ? Required(term.Intersect(oldNegative)) : term;
        if (!combined.Positive)
        {
            negative[package] = combined;
            return;
        }

        negative[package] = null;
        positive[package] = combined;
        if (!listedPositive[package])
        {
            listedPositive[package] = true;
            positivePackages.Add(package);
        }
    }

    private static Term Required(Term? term) =>
        term ?? throw new InvalidOperationException("An assignment contradicts the partial solution; this is a solver bug.");
}
