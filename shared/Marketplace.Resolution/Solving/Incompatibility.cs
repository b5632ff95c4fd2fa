namespace Marketplace.Resolution.Solving;

/// <summary>A set of terms that must not all be true at once, with the reason it is known.</summary>
internal sealed class Incompatibility
{
    private Incompatibility(IReadOnlyList<Term> terms, IncompatibilityCause cause)
    {
        Terms = terms;
        Cause = cause;
    }

    public IReadOnlyList<Term> Terms { get; }

    public IncompatibilityCause Cause { get; }

    public bool IsDerived => Cause is DerivedCause;

    /// <summary>True when the incompatibility says resolution fails outright: no terms, or only "root is selected".</summary>
    public bool IsFailure =>
        Terms.Count == 0 || (Terms.Count == 1 && Terms[0].Positive && Terms[0].Package == PackageUniverse.Root);

    /// <summary>An incompatibility straight from the problem.</summary>
    public static Incompatibility External(IReadOnlyList<Term> terms, IncompatibilityCause cause) => new(terms, cause);

    /// <summary>
    /// An incompatibility learned in conflict resolution. Terms on the same package are merged, and
    /// "root is selected" is dropped because it always holds (which also keeps explanations clear).
    /// </summary>
    public static Incompatibility Derived(IEnumerable<Term> terms, Incompatibility conflict, Incompatibility other)
    {
        var merged = new List<Term>();
        foreach (var term in terms)
        {
            var index = merged.FindIndex(existing => existing.Package == term.Package);
            if (index < 0)
            {
                merged.Add(term);
                continue;
            }

            merged[index] = merged[index].Intersect(term)
                ?? throw new InvalidOperationException("Conflict resolution merged two terms that cannot both hold; this is a solver bug.");
        }

        if (merged.Count > 1) merged.RemoveAll(term => term.Positive && term.Package == PackageUniverse.Root);
        return new(merged, new DerivedCause(conflict, other));
    }
}
