using Marketplace.Resolution.Versions;

namespace Marketplace.Resolution.Solving;

/// <summary>
/// A PubGrub term: "package is selected at a version in <see cref="Versions"/>" when positive, or
/// "package is not selected at a version in <see cref="Versions"/>" when negative.
/// </summary>
internal sealed record Term(int Package, bool Positive, VersionSet Versions)
{
    public Term Inverse => this with { Positive = !Positive };

    /// <summary>The term both terms imply, or null when no assignment satisfies both (an empty positive term).</summary>
    public Term? Intersect(Term other)
    {
        if (Positive != other.Positive)
        {
            var (positive, negative) = Positive ? (this, other) : (other, this);
            return NonEmpty(positive.Versions.Difference(negative.Versions), positive: true);
        }

        return Positive
            ? NonEmpty(Versions.Intersect(other.Versions), positive: true)
            : NonEmpty(Versions.Union(other.Versions), positive: false);
    }

    /// <summary>This term without what <paramref name="other"/> allows, or null when nothing is left.</summary>
    public Term? Difference(Term other) => Intersect(other.Inverse);

    /// <summary>How this term (an assignment) relates to <paramref name="other"/> (a term of an incompatibility).</summary>
    public TermRelation RelationTo(Term other)
    {
        if (other.Positive)
        {
            if (Positive)
            {
                if (Versions.IsSubsetOf(other.Versions)) return TermRelation.Satisfied;
                return Versions.IsDisjointFrom(other.Versions) ? TermRelation.Contradicted : TermRelation.Inconclusive;
            }

            // "Not selected" stays possible, so a negative assignment never satisfies a positive term.
            return other.Versions.IsSubsetOf(Versions) ? TermRelation.Contradicted : TermRelation.Inconclusive;
        }

        if (Positive)
        {
            if (Versions.IsDisjointFrom(other.Versions)) return TermRelation.Satisfied;
            return Versions.IsSubsetOf(other.Versions) ? TermRelation.Contradicted : TermRelation.Inconclusive;
        }

        return other.Versions.IsSubsetOf(Versions) ? TermRelation.Satisfied : TermRelation.Inconclusive;
    }

    public bool Satisfies(Term other) => RelationTo(other) == TermRelation.Satisfied;

    /// <summary>For debugging only; explanations use <see cref="Explaining.IncompatibilityText"/>.</summary>
    public override string ToString() => $"{(Positive ? "" : "not ")}#{Package} {Versions}";

    // A negative term over no versions is "always true", not impossible, so only positive terms can vanish.
    private Term? NonEmpty(VersionSet versions, bool positive) =>
        positive && versions.IsEmpty ? null : new Term(Package, positive, versions);
}

/// <summary>How an assignment relates to a term.</summary>
internal enum TermRelation
{
    /// <summary>Every version the assignment allows satisfies the term.</summary>
    Satisfied,

    /// <summary>No version the assignment allows satisfies the term.</summary>
    Contradicted,

    /// <summary>Some do, some do not.</summary>
    Inconclusive,
}
