using CsCheck;
using Marketplace.Resolution.Ranges;
using Marketplace.Resolution.Tests.Support;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Tests;

/// <summary>The version-set algebra against membership on sampled versions, prereleases included.</summary>
public class VersionSetPropertyTests
{
    private const int Iterations = 3000;

    /// <summary>Sets from ranges (their bounds, before the prerelease rule) mixed with single versions and complements.</summary>
    private static readonly Gen<VersionSet> Set = Gen.Frequency(
        (4, Generators.Range.Select(range => NpmRange.Parse(range).Versions)),
        (1, Generators.Version.Select(version => VersionSet.Exactly(Parse(version)))),
        (1, Generators.Range.Select(range => NpmRange.Parse(range).Versions.Complement())),
        (1, Gen.Const(VersionSet.Empty)),
        (1, Gen.Const(VersionSet.All)));

    private static readonly Gen<SemVersion[]> Samples = Generators.Version.Select(Parse).Array[20];

    [Fact]
    public void Intersect_AnySets_ContainsExactlyTheCommonVersions() =>
        Gen.Select(Set, Set, Samples).Sample((a, b, samples) =>
        {
            var both = a.Intersect(b);
            Assert.All(samples, v => Assert.Equal(a.Contains(v) && b.Contains(v), both.Contains(v)));
        }, iter: Iterations);

    [Fact]
    public void Union_AnySets_ContainsVersionsOfEither() =>
        Gen.Select(Set, Set, Samples).Sample((a, b, samples) =>
        {
            var either = a.Union(b);
            Assert.All(samples, v => Assert.Equal(a.Contains(v) || b.Contains(v), either.Contains(v)));
        }, iter: Iterations);

    [Fact]
    public void Complement_AnySet_ContainsExactlyTheOtherVersions() =>
        Gen.Select(Set, Samples).Sample((a, samples) =>
        {
            var complement = a.Complement();
            Assert.All(samples, v => Assert.NotEqual(a.Contains(v), complement.Contains(v)));
            Assert.True(a.Intersect(complement).IsEmpty);
            Assert.True(a.Union(complement).IsAll);
            Assert.Equal(a, complement.Complement());
        }, iter: Iterations);

    [Fact]
    public void Difference_AnySets_RemovesTheSecondSet() =>
        Gen.Select(Set, Set, Samples).Sample((a, b, samples) =>
        {
            var difference = a.Difference(b);
            Assert.All(samples, v => Assert.Equal(a.Contains(v) && !b.Contains(v), difference.Contains(v)));
        }, iter: Iterations);

    [Fact]
    public void IsSubsetOfAndIsDisjointFrom_AnySets_AgreeWithTheAlgebra() =>
        Gen.Select(Set, Set).Sample((a, b) =>
        {
            Assert.Equal(a.Difference(b).IsEmpty, a.IsSubsetOf(b));
            Assert.Equal(a.Intersect(b).IsEmpty, a.IsDisjointFrom(b));
            Assert.True(a.Intersect(b).IsSubsetOf(a));
            Assert.True(a.IsSubsetOf(a.Union(b)));
        }, iter: Iterations);

    [Fact]
    public void Equals_SameVersionsBuiltTwoWays_AreEqualWithEqualHashes() =>
        Gen.Select(Set, Set).Sample((a, b) =>
        {
            // (a ∩ b) ∪ (a \ b) is a again, built from different pieces: canonical form makes them equal.
            var rebuilt = a.Intersect(b).Union(a.Difference(b));
            Assert.Equal(a, rebuilt);
            Assert.Equal(a.GetHashCode(), rebuilt.GetHashCode());
            Assert.Equal(a.Union(b), b.Union(a));
        }, iter: Iterations);

    [Fact]
    public void IsEmpty_AnySet_MatchesWhetherItHasAWitness() =>
        Gen.Select(Set, Set, Samples).Sample((a, b, samples) =>
        {
            var set = a.Intersect(b);
            if (set.IsEmpty)
            {
                Assert.DoesNotContain(samples, set.Contains);
            }
            else
            {
                // Lower bounds are inclusive, so the first one is a member.
                Assert.True(set.Contains(set.Intervals[0].Lower));
            }
        }, iter: Iterations);

    [Theory]
    [InlineData(">1.0.0 <1.0.1-0")]
    [InlineData(">1.0.0-beta <1.0.0-beta.0")]
    [InlineData("<0.0.0-0")]
    [InlineData(">=2.0.0 <1.0.0")]
    public void IsEmpty_RangeWithNoVersionBetweenItsBounds_IsTrue(string range) =>
        Assert.True(NpmRange.Parse(range).Versions.IsEmpty);

    [Theory]
    [InlineData("^1.2.0", "^1.2.0")]
    [InlineData("1.x", "^1.0.0")]
    [InlineData(">=1.0.0 <1.1.0", ">=1.0.0 <1.1.0")]
    [InlineData(">1.2.3", ">1.2.3")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("<=1.2.3", "<1.2.4")]
    [InlineData("1.0.0 || 2.x", "1.0.0 || ^2.0.0")]
    [InlineData("*", "*")]
    public void ToString_RangeSet_ReadsLikeTheRange(string range, string expected) =>
        Assert.Equal(expected, NpmRange.Parse(range).Versions.ToString());

    private static SemVersion Parse(string version) => SemVersion.Parse(version, SemVersionStyles.Strict);
}
