using Marketplace.Domain.Installation;
using static Marketplace.Domain.Tests.Installation.CompatibilityRequests;

namespace Marketplace.Domain.Tests.Installation;

public sealed class CompatibilityEvaluatorTests
{
    [Fact]
    public void Evaluate_CleanRequest_IsCompatibleWithNoReasons()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            installed: [Installed("contoso.logging", "2.1.0", new() { ["fabrikam.other"] = "*" })],
            owners: new() { ["src/Logging.cs"] = "contoso.logging" }));

        Assert.True(verdict.Compatible);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void Evaluate_RuntimeOutsideRange_ReportsRuntimeNamingBoth()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(runtime: "12.0.0"));

        var reason = Assert.Single(verdict.Reasons);
        Assert.False(verdict.Compatible);
        Assert.Equal(InstallationFindingCodes.Runtime, reason.Code);
        Assert.Contains(">=8.0.0 <11.0.0", reason.Message, StringComparison.Ordinal);
        Assert.Contains("12.0.0", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^9.0.0", "9.4.1", true)]
    [InlineData("~9.1", "9.2.0", false)]
    [InlineData("8.x || 10.x", "10.0.3", true)]
    [InlineData("8.x || 10.x", "9.0.0", false)]
    [InlineData(">=8.0.0", "9.0.0-preview.1", false)]
    public void Evaluate_NpmRuntimeRanges_MatchLikeNpm(string range, string runtime, bool compatible)
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates: [Candidate(runtime: range)], runtime: runtime));

        Assert.Equal(compatible, verdict.Compatible);
    }

    [Fact]
    public void Evaluate_NoRuntimeRange_AcceptsAnyRuntime()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates: [Candidate(runtime: null)], runtime: "1.0.0"));

        Assert.True(verdict.Compatible);
    }

    [Theory]
    [InlineData("9.0")]
    [InlineData("net9")]
    [InlineData("")]
    public void Evaluate_TargetRuntimeNotSemVer_ReportsInvalidRuntime(string runtime)
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(runtime: runtime));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.InvalidRuntime, reason.Code);
        Assert.False(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_ProjectTypeNotSupported_ReportsProjectType()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(projectType: "console"));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.ProjectType, reason.Code);
        Assert.Contains("console", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoProjectTypes_AcceptsAnyProjectType()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates: [Candidate(projectTypes: [])], projectType: "console"));

        Assert.True(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_SuspendedCandidate_ReportsSuspended()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(suspended: ["contoso.http-api"]));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.Suspended, reason.Code);
        Assert.Contains("contoso.http-api", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SuspendedAssetOnlyInstalled_IsCompatible()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            installed: [Installed("fabrikam.tool", "1.0.0")], suspended: ["fabrikam.tool"]));

        Assert.True(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_CandidateConflictsWithInstalledVersion_ReportsConflictFromCandidate()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            candidates: [Candidate(conflicts: new() { ["fabrikam.legacy-logging"] = "<2.0.0" })],
            installed: [Installed("fabrikam.legacy-logging", "1.4.0")]));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.Conflict, reason.Code);
        Assert.Contains("candidate contoso.http-api@1.2.0", reason.Message, StringComparison.Ordinal);
        Assert.Contains("installed fabrikam.legacy-logging@1.4.0", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InstalledConflictsWithCandidateVersion_ReportsConflictFromInstalled()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            installed: [Installed("fabrikam.legacy-logging", "1.4.0", new() { ["contoso.http-api"] = "^1.0.0" })]));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.Conflict, reason.Code);
        Assert.Contains("installed fabrikam.legacy-logging@1.4.0", reason.Message, StringComparison.Ordinal);
        Assert.Contains("candidate contoso.http-api@1.2.0", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ConflictRangeNotMatchingInstalledVersion_IsCompatible()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            candidates: [Candidate(conflicts: new() { ["fabrikam.legacy-logging"] = "<2.0.0" })],
            installed: [Installed("fabrikam.legacy-logging", "2.0.0", new() { ["contoso.http-api"] = ">=2.0.0" })]));

        Assert.True(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_StarConflictWithPrereleaseInstalled_ReportsConflict()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            candidates: [Candidate(conflicts: new() { ["fabrikam.legacy-logging"] = "*" })],
            installed: [Installed("fabrikam.legacy-logging", "3.0.0-beta.1")]));

        Assert.Equal(InstallationFindingCodes.Conflict, Assert.Single(verdict.Reasons).Code);
    }

    [Fact]
    public void Evaluate_TwoCandidatesConflict_ReportsConflict()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates:
        [
            Candidate(conflicts: new() { ["contoso.logging"] = "*" }),
            Candidate("contoso.logging", "2.0.0", paths: ["src/Logging.cs"]),
        ]));

        Assert.Equal(InstallationFindingCodes.Conflict, Assert.Single(verdict.Reasons).Code);
    }

    [Fact]
    public void Evaluate_UpgradeOfInstalledAssetWithConflictOnCandidate_IgnoresReplacedVersionsConflicts()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            installed: [Installed("contoso.http-api", "1.0.0", new() { ["contoso.http-api"] = "*" })],
            owners: new() { ["src/Program.cs"] = "contoso.http-api" }));

        Assert.True(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_PathOwnedByAnotherInstalledAsset_ReportsFileOwnedWithPath()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(owners: new() { ["src/Program.cs"] = "fabrikam.starter" }));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.FileOwned, reason.Code);
        Assert.Equal("src/Program.cs", reason.Path);
        Assert.Contains("fabrikam.starter", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PathOwnedBySameAsset_IsCompatible()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            installed: [Installed("contoso.http-api", "1.1.0")],
            owners: new() { ["src/Program.cs"] = "contoso.http-api" }));

        Assert.True(verdict.Compatible);
    }

    [Fact]
    public void Evaluate_TwoCandidatesWriteSamePath_ReportsFileCollision()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates:
            [Candidate(), Candidate("contoso.logging", "2.0.0")]));

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(InstallationFindingCodes.FileCollision, reason.Code);
        Assert.Equal("src/Program.cs", reason.Path);
    }

    [Fact]
    public void Evaluate_InvalidManifestRanges_ReportInvalidRange()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            candidates: [Candidate(runtime: "not a range", conflicts: new() { ["fabrikam.x"] = "??" })],
            installed: [Installed("fabrikam.x", "1.0.0")]));

        Assert.Equal(2, verdict.Reasons.Count);
        Assert.All(verdict.Reasons, r => Assert.Equal(InstallationFindingCodes.InvalidRange, r.Code));
    }

    [Fact]
    public void Evaluate_CandidateVersionNotSemVer_ReportsInvalidVersion()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(candidates: [Candidate(version: "1.2")]));

        Assert.Equal(InstallationFindingCodes.InvalidVersion, Assert.Single(verdict.Reasons).Code);
    }

    [Fact]
    public void Evaluate_SeveralProblems_ReportsEveryOne()
    {
        var verdict = CompatibilityEvaluator.Evaluate(Request(
            runtime: "7.0.0", projectType: "console", suspended: ["contoso.http-api"],
            owners: new() { ["src/Program.cs"] = "fabrikam.starter" }));

        Assert.Equal(
            [InstallationFindingCodes.Suspended, InstallationFindingCodes.Runtime, InstallationFindingCodes.ProjectType, InstallationFindingCodes.FileOwned],
            verdict.Reasons.Select(r => r.Code));
    }
}
