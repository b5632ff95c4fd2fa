using CsCheck;
using Marketplace.Resolution.Ranges;
using Marketplace.Resolution.Tests.Support;
using Semver;

namespace Marketplace.Resolution.Tests;

/// <summary>npm range semantics: a table of node-semver behaviours, and agreement with an independent implementation.</summary>
public class NpmRangeConformanceTests
{
    [Theory]
    // Caret: changes that do not modify the left-most non-zero part.
    [InlineData("^1.2.3", "1.2.3", true)]
    [InlineData("^1.2.3", "1.9.9", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^1.x", "1.9.0", true)]
    [InlineData("^0.x", "0.9.0", true)]
    [InlineData("^0.x", "1.0.0", false)]
    [InlineData("^0.0.x", "0.0.9", true)]
    [InlineData("^0.0.x", "0.1.0", false)]
    [InlineData("^0.1.x", "0.1.5", true)]
    [InlineData("^*", "3.0.0", true)]
    // Tilde: patch-level changes (minor-level when only a major is given); ~> is accepted too.
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2", "1.2.0", true)]
    [InlineData("~1", "1.9.9", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~0.2.3", "0.2.5", true)]
    [InlineData("~>1.2", "1.2.5", true)]
    // X-ranges and partial versions.
    [InlineData("1.x", "1.0.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("1.2.x", "1.2.9", true)]
    [InlineData("1.2.X", "1.3.0", false)]
    [InlineData("1.2.*", "1.2.0", true)]
    [InlineData("1", "1.5.0", true)]
    [InlineData("1.2", "1.2.7", true)]
    [InlineData("1.2", "1.3.0", false)]
    [InlineData("*", "1.2.3", true)]
    [InlineData("x", "0.0.1", true)]
    [InlineData("", "1.0.0", true)]
    // Primitive comparators, with and without partial versions.
    [InlineData(">1.2.3", "1.2.4", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData(">=1.2.3", "1.2.3", true)]
    [InlineData("<1.2.3", "1.2.2", true)]
    [InlineData("<=1.2.3", "1.2.3", true)]
    [InlineData("<=1.2.3", "1.2.4", false)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">1", "1.9.9", false)]
    [InlineData("<1", "0.9.9", true)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData(">=1", "1.0.0", true)]
    [InlineData("<*", "1.0.0", false)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("v1.2.3", "1.2.3", true)]
    [InlineData(">= 1.2.3", "1.2.3", true)]
    [InlineData(">=1.2.3   <2", "1.5.0", true)]
    [InlineData(">=1.2.3 <2", "2.0.0", false)]
    [InlineData("  ^1.2.3  ", "1.3.0", true)]
    // Hyphen ranges: inclusive; a partial upper bound covers its whole major or minor.
    [InlineData("1.2.3 - 2.3.4", "2.3.4", true)]
    [InlineData("1.2.3 - 2.3.4", "2.3.5", false)]
    [InlineData("1.2.3 - 2.3.4", "1.2.2", false)]
    [InlineData("1.2 - 2.3.4", "1.2.0", true)]
    [InlineData("1.2.3 - 2.3", "2.3.9", true)]
    [InlineData("1.2.3 - 2.3", "2.4.0", false)]
    [InlineData("1.2.3 - 2", "2.9.9", true)]
    [InlineData("1.2.3 - 2", "3.0.0", false)]
    [InlineData("* - 2", "0.1.0", true)]
    // Unions.
    [InlineData("1.2.7 || >=1.2.9 <2.0.0", "1.2.7", true)]
    [InlineData("1.2.7 || >=1.2.9 <2.0.0", "1.2.8", false)]
    [InlineData("1.2.7 || >=1.2.9 <2.0.0", "1.4.6", true)]
    [InlineData("1.x || 3.x", "2.0.0", false)]
    [InlineData("1.x || 3.x", "3.1.0", true)]
    [InlineData("1.x ||", "7.0.0", true)]
    // Prereleases: only when a comparator of the same alternative names the same major.minor.patch.
    [InlineData("*", "1.2.3-beta", false)]
    [InlineData(">=0.0.0", "1.0.0-beta", false)]
    [InlineData("^1.0.0", "1.0.1-beta", false)]
    [InlineData("<1.2.3", "1.2.3-beta", false)]
    [InlineData("<1", "1.0.0-beta", false)]
    [InlineData("^1.2.3-beta.2", "1.2.3-beta.4", true)]
    [InlineData("^1.2.3-beta.2", "1.2.3-beta.1", false)]
    [InlineData("^1.2.3-beta.2", "1.2.4-beta.2", false)]
    [InlineData("^1.2.3-beta.2", "1.5.0", true)]
    [InlineData("~1.2.3-beta.2", "1.2.3-beta.4", true)]
    [InlineData("~1.2.3-beta.2", "1.2.4-beta.2", false)]
    [InlineData(">1.2.3-alpha.3", "1.2.3-alpha.7", true)]
    [InlineData(">1.2.3-alpha.3", "3.4.5-alpha.9", false)]
    [InlineData(">=1.2.3-alpha.3", "1.2.3", true)]
    [InlineData("1.2.3-beta", "1.2.3-beta", true)]
    [InlineData("1.2.3-beta", "1.2.3", false)]
    [InlineData("^1.0.0-0", "1.0.0-beta", true)]
    [InlineData("^1.0.0-0", "1.0.1-beta", false)]
    [InlineData("1.2.3-beta - 2.0.0", "1.2.3-beta.1", true)]
    [InlineData("1.2.3-beta - 2.0.0", "2.0.0-rc.1", false)]
    [InlineData("1.2.3-beta || 2.x", "1.2.3-rc", false)]
    [InlineData(">=1.2.3-beta <1.2.3 || 2.x", "1.2.3-rc", true)]
    // Build metadata never counts.
    [InlineData("1.2.3", "1.2.3+build.7", true)]
    [InlineData("1.2.3+build", "1.2.3", true)]
    [InlineData("<1.2.3+build", "1.2.3", false)]
    public void IsSatisfiedBy_NpmRangeTable_MatchesNodeSemver(string range, string version, bool expected) =>
        Assert.Equal(expected, NpmRange.Parse(range).IsSatisfiedBy(SemVersion.Parse(version, SemVersionStyles.Strict)));

    [Theory]
    [InlineData(">>1")]
    [InlineData("1.2.3.4")]
    [InlineData("abc")]
    [InlineData("^")]
    [InlineData(">=")]
    [InlineData("1.2.3 -")]
    [InlineData("- 1.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("01.2.3")]
    [InlineData("1.2-beta")]
    [InlineData(">=1.2.3 garbage")]
    [InlineData("1.2.3 - 2.0.0 - 3.0.0")]
    [InlineData("1.2.3-beta..1")]
    public void TryParse_InvalidRange_FailsWithMessageNamingTheText(string range)
    {
        Assert.False(NpmRange.TryParse(range, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Throws<FormatException>(() => NpmRange.Parse(range));
    }

    [Fact]
    public void TryParse_Null_Fails() =>
        Assert.False(NpmRange.TryParse(null, out _));

    [Fact]
    public void IsSatisfiedBy_RandomRangesAndVersions_AgreesWithSemverPackageNpmMatching() =>
        Gen.Select(Generators.Range, Generators.Version).Sample((range, version) =>
        {
            var semVersion = SemVersion.Parse(version, SemVersionStyles.Strict);
            Assert.Equal(semVersion.SatisfiesNpm(range), NpmRange.Parse(range).IsSatisfiedBy(semVersion));
        }, iter: 20_000);

    [Fact]
    public void IsSatisfiedBy_ReleaseVersions_MatchesTheVersionSet() =>
        Gen.Select(Generators.Range, Generators.Version).Sample((range, version) =>
        {
            // The prerelease rule only ever removes prereleases: for releases the set alone decides.
            var parsed = NpmRange.Parse(range);
            var semVersion = SemVersion.Parse(version, SemVersionStyles.Strict);
            if (semVersion.IsRelease) Assert.Equal(parsed.Versions.Contains(semVersion), parsed.IsSatisfiedBy(semVersion));
            else if (parsed.IsSatisfiedBy(semVersion)) Assert.True(parsed.Versions.Contains(semVersion));
        }, iter: 10_000);
}
