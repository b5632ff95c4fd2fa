using Marketplace.Resolution.Tests.Support;

namespace Marketplace.Resolution.Tests;

/// <summary>The rules of the resolver contract: installed pins, conflicts, prereleases, newest-first, guards.</summary>
public class ResolverBehaviourTests
{
    private static ProblemBuilder SpecExample() => new ProblemBuilder()
        .Add("contoso.app 1.0.0", "contoso.log ^2.0.0")
        .Add("contoso.app 1.1.0", "contoso.log ^3.0.0")
        .Add("contoso.log 2.0.0")
        .Add("contoso.log 2.4.1")
        .Add("contoso.log 3.0.0", "!fabrikam.x *")
        .Add("fabrikam.x 1.0.0")
        .Installed("fabrikam.x", "1.0.0");

    [Fact]
    public void Resolve_SpecExample_AvoidsTheLogVersionThatConflictsWithTheInstalledAsset()
    {
        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(SpecExample().Root("contoso.app", "*").Build()));

        Assert.Equal(
            new Dictionary<string, string> { ["contoso.app"] = "1.0.0", ["contoso.log"] = "2.4.1", ["fabrikam.x"] = "1.0.0" },
            solved.Solution);
    }

    [Fact]
    public void Resolve_SpecExampleForcedToNewApp_ExplainsTheConflictWithTheInstalledAsset()
    {
        var failed = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(SpecExample().Root("contoso.app", "^1.1.0").Build()));

        Assert.Contains("contoso.app >=1.1.0 depends on contoso.log ^3.0.0", failed.Explanation, StringComparison.Ordinal);
        Assert.Contains("conflicts with fabrikam.x *", failed.Explanation, StringComparison.Ordinal);
        Assert.Contains("fabrikam.x 1.0.0 is installed", failed.Explanation, StringComparison.Ordinal);
        var fabrikam = Assert.Single(failed.Conflicts, conflict => conflict.AssetId == "fabrikam.x");
        Assert.Contains(new RangeRequirement("1.0.0", "installed"), fabrikam.Ranges);
        Assert.Contains(new RangeRequirement("*", "root > contoso.app 1.1.0 > contoso.log 3.0.0", RequirementKind.Excludes), fabrikam.Ranges);
    }

    [Fact]
    public void Resolve_InstalledVersionOutsideTheRootRange_FailsNamingBothRanges()
    {
        var problem = new ProblemBuilder().Add("x 1.0.0").Add("x 2.0.0").Installed("x", "1.0.0").Root("x", "^2.0.0").Build();

        var failed = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(problem));

        var x = Assert.Single(failed.Conflicts);
        Assert.Equal("x", x.AssetId);
        Assert.Equal([new RangeRequirement("1.0.0", "installed"), new RangeRequirement("^2.0.0", "root")], x.Ranges.OrderBy(r => r.RequiredBy, StringComparer.Ordinal));
    }

    [Fact]
    public void Resolve_InstalledAssetWithDependencies_SelectsWhatItNeeds()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0", "b ^1.0.0").Add("b 1.0.0").Add("b 1.5.0").Add("c 1.0.0")
            .Installed("a", "1.0.0").Root("c", "*").Build();

        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1.0.0", ["b"] = "1.5.0", ["c"] = "1.0.0" }, solved.Solution);
    }

    [Fact]
    public void Resolve_InstalledVersionNoLongerListed_StaysInTheSolution()
    {
        var problem = new ProblemBuilder().Add("a 2.0.0").Add("c 1.0.0", "a >=1.0.0").Installed("a", "1.0.0").Root("c", "*").Build();

        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));

        Assert.Equal("1.0.0", solved.Solution["a"]);
    }

    [Theory]
    [InlineData("^1.0.0", "1.0.0")]
    [InlineData("^1.1.0-beta", "1.1.0-beta.2")]
    [InlineData(">=1.1.0-beta.1 <1.1.0", "1.1.0-beta.2")]
    [InlineData("*", "1.0.0")]
    public void Resolve_PrereleaseInRegistry_ChosenOnlyWhenTheRangeNamesItsTuple(string range, string expected)
    {
        var problem = new ProblemBuilder().Add("a 1.0.0").Add("a 1.1.0-beta.2").Add("a 1.2.0-rc.1").Root("a", range).Build();

        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));

        Assert.Equal(expected, solved.Solution["a"]);
    }

    [Fact]
    public void Resolve_OnlyPrereleasesAvailable_FailsForAPlainRange()
    {
        var problem = new ProblemBuilder().Add("a 2.0.0-rc.1").Root("a", ">=1.0.0").Build();

        Assert.False(DependencyResolver.Resolve(problem).IsSolved);
    }

    [Fact]
    public void Resolve_SeveralMatchingVersions_PrefersTheNewest()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0").Add("a 1.2.0").Add("a 1.10.0").Add("a 2.0.0").Root("a", "^1.0.0").Build();

        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));

        Assert.Equal("1.10.0", solved.Solution["a"]);
    }

    [Fact]
    public void Resolve_DependencyOnUnknownAsset_SaysItDoesNotExistAndWhoAskedForIt()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0", "ghost ^1.0.0").Root("a", "*").Build();

        var failed = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(problem));

        Assert.Contains("ghost ^1.0.0 which does not exist", failed.Explanation, StringComparison.Ordinal);
        var ghost = Assert.Single(failed.Conflicts);
        Assert.Equal(new AssetConflict("ghost", ghost.Ranges), ghost);
        Assert.Equal([new RangeRequirement("^1.0.0", "root > a 1.0.0")], ghost.Ranges);
    }

    [Fact]
    public void Resolve_ManyVersionsAllNeedingAMissingAsset_ExplainsInOneStep()
    {
        var builder = new ProblemBuilder().Root("a", "*");
        for (var i = 0; i < 500; i++) builder.Add($"a 1.{i}.0", "ghost ^1.0.0");

        var failed = Assert.IsType<ResolutionFailed>(DependencyResolver.Resolve(builder.Build()));

        Assert.Equal(
            "Because every version of a depends on ghost ^1.0.0 which does not exist, every version of a is forbidden.\n"
            + "So, because root depends on a *, version solving failed.",
            failed.Explanation);
    }

    [Fact]
    public void Resolve_ConflictsRangeNotMatchingTheSelectedVersion_IsAllowed()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0", "!b <1.0.0").Add("b 1.0.0").Root("a", "*").Root("b", "*").Build();

        Assert.True(DependencyResolver.Resolve(problem).IsSolved);
    }

    [Fact]
    public void Resolve_SelfDependencyMissingItself_RejectsThatVersion()
    {
        var problem = new ProblemBuilder().Add("a 2.0.0", "a ^1.0.0").Add("a 1.0.0").Root("a", "*").Build();

        var solved = Assert.IsType<ResolutionSucceeded>(DependencyResolver.Resolve(problem));

        Assert.Equal("1.0.0", solved.Solution["a"]);
    }

    [Theory]
    [InlineData("a", "1.0", "'1.0'")]
    [InlineData("a", "1.0.0+x", "same version twice")]
    public void Resolve_InvalidVersion_ThrowsNamingTheAsset(string asset, string version, string expectedFragment)
    {
        var problem = new ProblemBuilder().Add($"{asset} 1.0.0").Add($"{asset} {version}").Root(asset, "*").Build();

        var exception = Assert.Throws<InvalidResolutionProblemException>(() => DependencyResolver.Resolve(problem));

        Assert.Contains($"'{asset}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_InvalidRange_ThrowsNamingTheAssetAndTheRange()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0", "b >>2").Add("b 1.0.0").Root("a", "*").Build();

        var exception = Assert.Throws<InvalidResolutionProblemException>(() => DependencyResolver.Resolve(problem));

        Assert.Contains("'a' version 1.0.0 depends on 'b' with range '>>2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_StepBudgetTooSmall_ThrowsBudgetExceeded()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0", "b *").Add("b 1.0.0", "c *").Add("c 1.0.0").Root("a", "*").Build();

        var exception = Assert.Throws<ResolutionBudgetExceededException>(() => DependencyResolver.Resolve(problem, new ResolutionOptions(MaxSteps: 2)));

        Assert.Equal(2, exception.MaxSteps);
        Assert.True(DependencyResolver.Resolve(problem, new ResolutionOptions(MaxSteps: 100)).IsSolved);
    }

    [Fact]
    public void Resolve_CancelledToken_ThrowsOperationCanceled()
    {
        var problem = new ProblemBuilder().Add("a 1.0.0").Root("a", "*").Build();

        Assert.ThrowsAny<OperationCanceledException>(() => DependencyResolver.Resolve(problem, new CancellationToken(canceled: true)));
    }
}
