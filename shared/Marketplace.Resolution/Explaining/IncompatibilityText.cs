using Marketplace.Resolution.Solving;

namespace Marketplace.Resolution.Explaining;

/// <summary>
/// Words incompatibilities as sentences, after dart pub's failure reports: "foo &gt;=1.1.0 depends on bar ^3.0.0",
/// "foo &lt;1.1.0 is forbidden", and joined pairs such as "foo depends on bar ^2.0.0 which depends on baz ^3.0.0".
/// </summary>
internal sealed class IncompatibilityText(PackageUniverse universe)
{
    /// <summary>The incompatibility on its own.</summary>
    public string Describe(Incompatibility incompatibility)
    {
        var terms = incompatibility.Terms;
        switch (incompatibility.Cause)
        {
            case RequirementCause { Requirement: var requirement }:
                return DescribeRequirement(terms[0], requirement);
            case SelfRequirementCause { Requirement: var requirement }:
                return requirement.IsConflict
                    ? $"{Terse(terms[0])} conflicts with itself ({requirement.Range.Text})"
                    : $"{Terse(terms[0])} depends on itself at {requirement.Range.Text}";
            case NoVersionsCause { PackageExists: false }:
                return $"{Name(terms[0].Package)} does not exist";
            case NoVersionsCause:
                return $"no versions of {Name(terms[0].Package)} match {terms[0].Versions}";
            case RootCause:
                return "root is required";
            default:
                return DescribeDerived(terms);
        }
    }

    /// <summary>Two incompatibilities joined into one clause, with line references where given.</summary>
    public string And(Incompatibility first, Incompatibility second, int? firstLine = null, int? secondLine = null) =>
        RequiresBoth(first, second, firstLine, secondLine)
        ?? RequiresThrough(first, second, firstLine, secondLine)
        ?? RequiresForbidden(first, second, firstLine, secondLine)
        ?? $"{Describe(first)}{Ref(firstLine)} and {Describe(second)}{Ref(secondLine)}";

    private string DescribeRequirement(Term depender, Requirement requirement)
    {
        var target = $"{Name(requirement.Package)} {requirement.Range.Text}";
        return requirement.Source switch
        {
            RequirementSource.Installed => $"{Name(requirement.Package)} {universe.Installed[requirement.Package]} is installed",
            RequirementSource.Conflict => $"{Terse(depender, allowEvery: true)} conflicts with {target}",
            _ => $"{Terse(depender, allowEvery: true)} depends on {target}",
        };
    }

    private string DescribeDerived(IReadOnlyList<Term> terms)
    {
        if (terms.Count == 0) return "version solving failed";
        if (terms.Count == 1)
        {
            var term = terms[0];
            if (term.Package == PackageUniverse.Root) return "version solving failed";
            return term.Positive ? $"{Terse(term, allowEvery: true)} is forbidden" : $"{Terse(term)} is required";
        }

        var positives = terms.Where(term => term.Positive).ToList();
        var negatives = terms.Where(term => !term.Positive).ToList();
        if (terms.Count == 2 && positives.Count == 2) return $"{Terse(positives[0], allowEvery: true)} is incompatible with {Terse(positives[1])}";
        if (positives.Count == 1 && negatives.Count == 1) return $"{Terse(positives[0], allowEvery: true)} requires {Terse(negatives[0])}";
        if (negatives.Count == 0) return $"one of {string.Join(" or ", positives.Select(t => Terse(t)))} must be false";
        if (positives.Count == 0) return $"one of {string.Join(" or ", negatives.Select(t => Terse(t)))} must be true";
        return $"if {string.Join(" and ", positives.Select(t => Terse(t)))} then {string.Join(" or ", negatives.Select(t => Terse(t)))}";
    }

    /// <summary>"root depends on both a ^1.0.0 and b ^2.0.0".</summary>
    private string? RequiresBoth(Incompatibility first, Incompatibility second, int? firstLine, int? secondLine)
    {
        if (!IsRequires(first, out var firstPositive, out var firstNegative)
            || !IsRequires(second, out var secondPositive, out var secondNegative)
            || firstPositive.Package != secondPositive.Package || !firstPositive.Versions.Equals(secondPositive.Versions))
        {
            return null;
        }

        var verb = IsDependency(first) && IsDependency(second) ? "depends on" : "requires";
        return $"{Terse(firstPositive, allowEvery: true)} {verb} both {Target(first, firstNegative)}{Ref(firstLine)} and {Target(second, secondNegative)}{Ref(secondLine)}";
    }

    /// <summary>"foo depends on bar ^2.0.0 which depends on baz ^3.0.0".</summary>
    private string? RequiresThrough(Incompatibility first, Incompatibility second, int? firstLine, int? secondLine)
    {
        if (!IsRequires(first, out var firstPositive, out var firstNegative)
            || !IsRequires(second, out var secondPositive, out var secondNegative))
        {
            return null;
        }

        if (Leads(firstNegative, secondPositive)) return Through(first, firstPositive, firstNegative, firstLine, second, secondNegative, secondLine);
        if (Leads(secondNegative, firstPositive)) return Through(second, secondPositive, secondNegative, secondLine, first, firstNegative, firstLine);
        return null;

        static bool Leads(Term required, Term next) => required.Package == next.Package && required.Versions.IsSubsetOf(next.Versions);
    }

    private string Through(Incompatibility prior, Term priorPositive, Term priorNegative, int? priorLine, Incompatibility latter, Term latterNegative, int? latterLine) =>
        $"{Terse(priorPositive, allowEvery: true)} {Verb(prior)} {Target(prior, priorNegative)}{Ref(priorLine)} which {Verb(latter)} {Target(latter, latterNegative)}{Ref(latterLine)}";

    /// <summary>"foo depends on bar ^2.0.0 which is forbidden" (or "which matches no versions").</summary>
    private string? RequiresForbidden(Incompatibility first, Incompatibility second, int? firstLine, int? secondLine)
    {
        var (prior, latter, priorLine, latterLine) = first.Terms.Count == 1 ? (second, first, secondLine, firstLine) : (first, second, firstLine, secondLine);
        if (latter.Terms.Count != 1 || !latter.Terms[0].Positive || !IsRequires(prior, out var positive, out var negative)
            || negative.Package != latter.Terms[0].Package || !negative.Versions.IsSubsetOf(latter.Terms[0].Versions))
        {
            return null;
        }

        var fate = latter.Cause switch
        {
            NoVersionsCause { PackageExists: false } => "does not exist",
            NoVersionsCause => "matches no versions",
            _ => "is forbidden",
        };
        return $"{Terse(positive, allowEvery: true)} {Verb(prior)} {Target(prior, negative)}{Ref(priorLine)} which {fate}{Ref(latterLine)}";
    }

    /// <summary>True for "P requires N" shapes: one positive and one negative term, not an installed pin.</summary>
    private static bool IsRequires(Incompatibility incompatibility, out Term positive, out Term negative)
    {
        positive = negative = null!;
        if (incompatibility.Terms.Count != 2 || incompatibility.Cause is RequirementCause { Requirement.Source: RequirementSource.Installed }) return false;
        var (a, b) = (incompatibility.Terms[0], incompatibility.Terms[1]);
        if (a.Positive == b.Positive) return false;
        (positive, negative) = a.Positive ? (a, b) : (b, a);
        return true;
    }

    private static bool IsDependency(Incompatibility incompatibility) =>
        incompatibility.Cause is RequirementCause { Requirement.Source: RequirementSource.Dependency };

    private static string Verb(Incompatibility incompatibility) => IsDependency(incompatibility) ? "depends on" : "requires";

    /// <summary>The required side, in the words of the manifest where there are some.</summary>
    private string Target(Incompatibility incompatibility, Term negative) =>
        incompatibility.Cause is RequirementCause { Requirement: var requirement }
            ? $"{Name(requirement.Package)} {requirement.Range.Text}"
            : Terse(negative);

    /// <summary>"foo ^1.0.0", or "foo" / "every version of foo" for the whole package.</summary>
    public string Terse(Term term, bool allowEvery = false)
    {
        var name = Name(term.Package);
        if (term.Package == PackageUniverse.Root) return name;
        if (term.Versions.IsAll) return allowEvery ? $"every version of {name}" : name;
        return $"{name} {term.Versions}";
    }

    private string Name(int package) => universe.NameOf(package);

    private static string Ref(int? line) => line is { } number ? $" ({number})" : "";
}
