using Marketplace.Resolution.Tests.Support;

namespace Marketplace.Resolution.Tests;

/// <summary>The worked examples of PubGrub's solver documentation (dart pub, doc/solver.md).</summary>
public class PubGrubExamplesTests
{
    [Fact]
    public void Resolve_NoConflict_PicksNewestCompatibleVersions()
    {
        var problem = new ProblemBuilder()
            .Root("foo", "^1.0.0")
            .Add("foo 1.0.0", "bar ^1.0.0")
            .Add("bar 1.0.0")
            .Add("bar 2.0.0")
            .Build();

        AssertSolution(problem, ("bar", "1.0.0"), ("foo", "1.0.0"));
    }

    [Fact]
    public void Resolve_AvoidingConflictDuringDecisionMaking_FallsBackToOlderFoo()
    {
        var problem = new ProblemBuilder()
            .Root("foo", "^1.0.0")
            .Root("bar", "^1.0.0")
            .Add("foo 1.1.0", "bar ^2.0.0")
            .Add("foo 1.0.0")
            .Add("bar 1.0.0")
            .Add("bar 1.1.0")
            .Add("bar 2.0.0")
            .Build();

        AssertSolution(problem, ("bar", "1.1.0"), ("foo", "1.0.0"));
    }

    [Fact]
    public void Resolve_PerformingConflictResolution_DropsBar()
    {
        var problem = new ProblemBuilder()
            .Root("foo", ">=1.0.0")
            .Add("foo 2.0.0", "bar ^1.0.0")
            .Add("foo 1.0.0")
            .Add("bar 1.0.0", "foo ^1.0.0")
            .Build();

        AssertSolution(problem, ("foo", "1.0.0"));
    }

    [Fact]
    public void Resolve_ConflictResolutionWithPartialSatisfier_KeepsNewestTarget()
    {
        var problem = new ProblemBuilder()
            .Root("foo", "^1.0.0")
            .Root("target", "^2.0.0")
            .Add("foo 1.1.0", "left ^1.0.0", "right ^1.0.0")
            .Add("foo 1.0.0")
            .Add("left 1.0.0", "shared >=1.0.0")
            .Add("right 1.0.0", "shared <2.0.0")
            .Add("shared 2.0.0")
            .Add("shared 1.0.0", "target ^1.0.0")
            .Add("target 2.0.0")
            .Add("target 1.0.0")
            .Build();

        AssertSolution(problem, ("foo", "1.0.0"), ("target", "2.0.0"));
    }

    [Fact]
    public void Resolve_LinearError_ExplainsTheChainAndNamesBothBazRanges()
    {
        var problem = new ProblemBuilder()
            .Root("foo", "^1.0.0")
            .Root("baz", "^1.0.0")
            .Add("foo 1.0.0", "bar ^2.0.0")
            .Add("bar 2.0.0", "baz ^3.0.0")
            .Add("baz 1.0.0")
            .Add("baz 3.0.0")
            .Build();

        var failure = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(problem));

        Assert.Equal(
            """
            Because every version of foo depends on bar ^2.0.0 which depends on baz ^3.0.0, every version of foo requires baz ^3.0.0.
            So, because root depends on both baz ^1.0.0 and foo ^1.0.0, version solving failed.
            """,
            failure.Explanation);
        var baz = Assert.Single(failure.Conflicts);
        Assert.Equal("baz", baz.AssetId);
        Assert.Equal(
            [new RangeRequirement("^3.0.0", "root > foo 1.0.0 > bar 2.0.0"), new RangeRequirement("^1.0.0", "root")],
            baz.Ranges.OrderBy(range => range.Range, StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Resolve_BranchingError_ExplainsBothBranchesWithNumberedLines()
    {
        var problem = new ProblemBuilder()
            .Root("foo", "^1.0.0")
            .Add("foo 1.0.0", "a ^1.0.0", "b ^1.0.0")
            .Add("foo 1.1.0", "x ^1.0.0", "y ^1.0.0")
            .Add("a 1.0.0", "b ^2.0.0")
            .Add("b 1.0.0")
            .Add("b 2.0.0")
            .Add("x 1.0.0", "y ^2.0.0")
            .Add("y 1.0.0")
            .Add("y 2.0.0")
            .Build();

        var failure = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(problem));

        Assert.Equal(
            """
                Because foo <1.1.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo <1.1.0 requires b ^2.0.0.
            (1) So, because foo <1.1.0 depends on b ^1.0.0, foo <1.1.0 is forbidden.

                Because foo >=1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo >=1.1.0 requires y ^2.0.0.
                And because foo >=1.1.0 depends on y ^1.0.0, foo >=1.1.0 is forbidden.
                And because foo <1.1.0 is forbidden (1), every version of foo is forbidden.
                So, because root depends on foo ^1.0.0, version solving failed.
            """,
            failure.Explanation);
        Assert.Equal(["b", "y"], failure.Conflicts.Select(conflict => conflict.AssetId));
        Assert.Contains(new RangeRequirement("^2.0.0", "root > foo 1.0.0 > a 1.0.0"), failure.Conflicts[0].Ranges);
        Assert.Contains(new RangeRequirement("^1.0.0", "root > foo 1.0.0"), failure.Conflicts[0].Ranges);
        Assert.Contains(new RangeRequirement("^2.0.0", "root > foo 1.1.0 > x 1.0.0"), failure.Conflicts[1].Ranges);
        Assert.Contains(new RangeRequirement("^1.0.0", "root > foo 1.1.0"), failure.Conflicts[1].Ranges);
    }

    private static void AssertSolution(ResolutionProblem problem, params (string Id, string Version)[] expected)
    {
        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));
        Assert.Equal(expected.Select(pair => $"{pair.Id} {pair.Version}"), solved.Solution.Select(pair => $"{pair.Key} {pair.Value}"));
    }
}
