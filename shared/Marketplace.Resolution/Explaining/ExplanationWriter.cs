using System.Text;
using Marketplace.Resolution.Solving;

namespace Marketplace.Resolution.Explaining;

/// <summary>
/// Writes the derivation of a failure as numbered prose, following dart pub's report algorithm: each
/// derived incompatibility is written once, and gets a number only when it is referred to again.
/// </summary>
internal sealed class ExplanationWriter
{
    private readonly Incompatibility root;
    private readonly IncompatibilityText text;
    private readonly Dictionary<Incompatibility, int> derivations = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Incompatibility, int> lineNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string Message, int? Number)> lines = [];

    private ExplanationWriter(PackageUniverse universe, Incompatibility root)
    {
        this.root = root;
        text = new IncompatibilityText(universe);
    }

    /// <summary>The explanation of why <paramref name="failure"/> holds.</summary>
    public static string Write(PackageUniverse universe, Incompatibility failure) =>
        new ExplanationWriter(universe, failure).Write();

    private string Write()
    {
        CountDerivations(root);
        if (root.IsDerived) Visit(root);
        else Add(root, $"Because {text.Describe(root)}, version solving failed.", numbered: false);

        var padding = lineNumbers.Count == 0 ? 0 : $"({lineNumbers.Values.Max()}) ".Length;
        var builder = new StringBuilder();
        foreach (var (message, number) in lines)
        {
            if (builder.Length > 0) builder.Append('\n');
            if (message.Length == 0) continue;
            builder.Append(number is { } n ? $"({n}) ".PadRight(padding) : new string(' ', padding)).Append(message);
        }

        return builder.ToString();
    }

    private void CountDerivations(Incompatibility incompatibility)
    {
        if (derivations.TryGetValue(incompatibility, out var count))
        {
            derivations[incompatibility] = count + 1;
            return;
        }

        derivations[incompatibility] = 1;
        if (incompatibility.Cause is DerivedCause cause)
        {
            CountDerivations(cause.Conflict);
            CountDerivations(cause.Other);
        }
    }

    private void Visit(Incompatibility incompatibility, bool conclusion = false)
    {
        var numbered = conclusion || derivations[incompatibility] > 1;
        var conjunction = conclusion || ReferenceEquals(incompatibility, root) ? "So," : "And";
        var statement = text.Describe(incompatibility);
        var cause = (DerivedCause)incompatibility.Cause;
        var (conflict, other) = (cause.Conflict, cause.Other);

        if (conflict.IsDerived && other.IsDerived)
        {
            var conflictLine = LineOf(conflict);
            var otherLine = LineOf(other);
            if (conflictLine is not null && otherLine is not null)
            {
                Add(incompatibility, $"Because {text.And(conflict, other, conflictLine, otherLine)}, {statement}.", numbered);
            }
            else if (conflictLine is not null || otherLine is not null)
            {
                var (withLine, withoutLine, line) = conflictLine is not null ? (conflict, other, conflictLine) : (other, conflict, otherLine);
                Visit(withoutLine);
                Add(incompatibility, $"{conjunction} because {text.Describe(withLine)} ({line}), {statement}.", numbered);
            }
            else if (IsSingleLine(conflict) || IsSingleLine(other))
            {
                var (first, second) = IsSingleLine(other) ? (conflict, other) : (other, conflict);
                Visit(first);
                Visit(second);
                Add(incompatibility, $"Thus, {statement}.", numbered);
            }
            else
            {
                Visit(conflict, conclusion: true);
                lines.Add(("", null));
                Visit(other);
                Add(incompatibility, $"{conjunction} because {text.Describe(conflict)} ({LineOf(conflict)}), {statement}.", numbered);
            }
        }
        else if (conflict.IsDerived || other.IsDerived)
        {
            var (derived, external) = conflict.IsDerived ? (conflict, other) : (other, conflict);
            if (LineOf(derived) is { } derivedLine)
            {
                Add(incompatibility, $"Because {text.And(external, derived, null, derivedLine)}, {statement}.", numbered);
            }
            else if (IsCollapsible(derived))
            {
                var derivedCause = (DerivedCause)derived.Cause;
                var (collapsedDerived, collapsedExternal) = derivedCause.Conflict.IsDerived
                    ? (derivedCause.Conflict, derivedCause.Other)
                    : (derivedCause.Other, derivedCause.Conflict);
                Visit(collapsedDerived);
                Add(incompatibility, $"{conjunction} because {text.And(collapsedExternal, external)}, {statement}.", numbered);
            }
            else
            {
                Visit(derived);
                Add(incompatibility, $"{conjunction} because {text.Describe(external)}, {statement}.", numbered);
            }
        }
        else
        {
            Add(incompatibility, $"Because {text.And(conflict, other)}, {statement}.", numbered);
        }
    }

    /// <summary>A derived incompatibility whose only derived parent can be folded into this step's sentence.</summary>
    private bool IsCollapsible(Incompatibility incompatibility)
    {
        if (derivations[incompatibility] > 1) return false;
        var cause = (DerivedCause)incompatibility.Cause;
        if (cause.Conflict.IsDerived == cause.Other.IsDerived) return false;
        var complex = cause.Conflict.IsDerived ? cause.Conflict : cause.Other;
        return LineOf(complex) is null;
    }

    private static bool IsSingleLine(Incompatibility incompatibility) =>
        incompatibility.Cause is DerivedCause cause && !cause.Conflict.IsDerived && !cause.Other.IsDerived;

    private int? LineOf(Incompatibility incompatibility) =>
        lineNumbers.TryGetValue(incompatibility, out var line) ? line : null;

    private void Add(Incompatibility incompatibility, string message, bool numbered)
    {
        if (numbered)
        {
            var number = lineNumbers.Count + 1;
            lineNumbers[incompatibility] = number;
            lines.Add((message, number));
        }
        else
        {
            lines.Add((message, null));
        }
    }
}
