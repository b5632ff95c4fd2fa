using System.Numerics;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Ranges;

/// <summary>
/// Parses npm range syntax (node-semver, non-loose): <c>||</c> unions, hyphen ranges, comparators
/// (<c>&lt; &lt;= &gt; &gt;= =</c>), caret, tilde (and <c>~&gt;</c>), x-ranges and bare versions, desugared as node-semver does.
/// </summary>
internal static class NpmRangeParser
{
    private static readonly string[] Operators = ["~>", ">=", "<=", ">", "<", "=", "~", "^"];

    public static IReadOnlyList<ComparatorSet>? TryParse(string text, out string? error)
    {
        var alternatives = new List<ComparatorSet>();
        foreach (var alternative in text.Split("||"))
        {
            var set = TryParseAlternative(alternative.Trim(), out error);
            if (set is null) return null;
            alternatives.Add(set);
        }

        error = null;
        return alternatives;
    }

    private static ComparatorSet? TryParseAlternative(string text, out string? error)
    {
        var tuples = new HashSet<(BigInteger, BigInteger, BigInteger)>();
        var tokens = Tokenize(text);
        if (tokens.Count == 3 && tokens[1] == "-")
        {
            var from = PartialVersion.TryParse(tokens[0]);
            var to = PartialVersion.TryParse(tokens[2]);
            if (from is null || to is null)
            {
                error = $"'{(from is null ? tokens[0] : tokens[2])}' in hyphen range '{text}' is not a version";
                return null;
            }

            NotePrerelease(from, tuples);
            NotePrerelease(to, tuples);
            error = null;
            return new ComparatorSet(Comparator(">=", from).Intersect(Comparator("<=", to)), tuples);
        }

        var versions = VersionSet.All;
        foreach (var token in tokens)
        {
            var op = Operators.FirstOrDefault(o => token.StartsWith(o, StringComparison.Ordinal)) ?? "";
            var partial = PartialVersion.TryParse(token[op.Length..]);
            if (partial is null)
            {
                error = token == "-"
                    ? $"'{text}' is not a valid hyphen range (expected 'A - B')"
                    : $"'{token}' is not a valid comparator";
                return null;
            }

            NotePrerelease(partial, tuples);
            versions = versions.Intersect(Comparator(op, partial));
        }

        error = null;
        return new ComparatorSet(versions, tuples);
    }

    /// <summary>Splits on whitespace and glues a lone operator to the version after it (<c>&gt;= 1.2.3</c>).</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var pendingOperator = "";
        foreach (var piece in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Operators.Contains(piece))
            {
                pendingOperator += piece;
                continue;
            }

            tokens.Add(pendingOperator + piece);
            pendingOperator = "";
        }

        // A dangling operator is kept so it fails to parse with its own text in the message.
        if (pendingOperator.Length > 0) tokens.Add(pendingOperator);
        return tokens;
    }

    private static void NotePrerelease(PartialVersion partial, HashSet<(BigInteger, BigInteger, BigInteger)> tuples)
    {
        if (partial.Full is { IsPrerelease: true } full) tuples.Add((full.Major, full.Minor, full.Patch));
    }

    /// <summary>One comparator as a set, following node-semver's desugaring of carets, tildes and x-ranges.</summary>
    private static VersionSet Comparator(string op, PartialVersion v)
    {
        if (v.Major is not { } major)
        {
            // "*", "x": everything, except that "<*" and ">*" match nothing.
            return op is "<" or ">" ? VersionSet.Empty : VersionSet.All;
        }

        return op switch
        {
            "" or "=" => v switch
            {
                { Minor: null } => Between(major, 0, 0, major + 1, 0, 0),
                { Patch: null } => Between(major, v.Minor.Value, 0, major, v.Minor.Value + 1, 0),
                _ => VersionSet.Exactly(v.Full!),
            },
            "~" or "~>" => v switch
            {
                { Minor: null } => Between(major, 0, 0, major + 1, 0, 0),
                _ => VersionSet.Interval(Lower(v), Below(major, v.Minor.Value + 1, 0)),
            },
            "^" => Caret(v, major),
            ">=" => VersionSet.AtLeast(Lower(v)),
            ">" => v switch
            {
                { Minor: null } => VersionSet.AtLeast(Release(major + 1, 0, 0)),
                { Patch: null } => VersionSet.AtLeast(Release(major, v.Minor.Value + 1, 0)),
                _ => VersionSet.AtLeast(VersionOrder.Successor(v.Full!)),
            },
            "<" => VersionSet.LessThan(v.IsFull ? v.Full! : Below(major, v.Minor ?? 0, 0)),
            "<=" => v switch
            {
                { Minor: null } => VersionSet.LessThan(Below(major + 1, 0, 0)),
                { Patch: null } => VersionSet.LessThan(Below(major, v.Minor.Value + 1, 0)),
                _ => VersionSet.LessThan(VersionOrder.Successor(v.Full!)),
            },
            _ => throw new InvalidOperationException($"Unknown operator '{op}'."),
        };
    }

    private static VersionSet Caret(PartialVersion v, BigInteger major)
    {
        var minor = v.Minor ?? 0;
        var patch = v.Patch ?? 0;
        var lower = Lower(v);
        if (v.Minor is null || major > 0) return VersionSet.Interval(lower, Below(major + 1, 0, 0));
        if (v.Patch is null || minor > 0) return VersionSet.Interval(lower, Below(0, minor + 1, 0));
        return VersionSet.Interval(lower, Below(0, 0, patch + 1));
    }

    private static SemVersion Lower(PartialVersion v) => v.Full ?? Release(v.Major!.Value, v.Minor ?? 0, v.Patch ?? 0);

    private static VersionSet Between(BigInteger major, BigInteger minor, BigInteger patch, BigInteger toMajor, BigInteger toMinor, BigInteger toPatch) =>
        VersionSet.Interval(Release(major, minor, patch), Below(toMajor, toMinor, toPatch));

    private static SemVersion Release(BigInteger major, BigInteger minor, BigInteger patch) => new(major, minor, patch);

    private static SemVersion Below(BigInteger major, BigInteger minor, BigInteger patch) => VersionOrder.FirstPrereleaseOf(major, minor, patch);
}
