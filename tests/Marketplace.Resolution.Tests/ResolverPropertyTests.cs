using CsCheck;
using Marketplace.Resolution.Tests.Support;

namespace Marketplace.Resolution.Tests;

/// <summary>The resolver against a brute-force search on random small registries.</summary>
public class ResolverPropertyTests
{
    [Fact]
    public void Resolve_RandomSmallRegistries_AgreesWithBruteForceOnSolvability() =>
        Generators.Problem.Sample(problem =>
        {
            var result = DependencyResolver.Resolve(problem);
            Assert.Equal(BruteForceResolver.IsSolvable(problem), result.IsSolved);
        }, iter: 4000, print: ResolutionProblemJsonText);

    [Fact]
    public void Resolve_RandomSmallRegistries_SolutionsSatisfyEveryRule() =>
        Generators.Problem.Sample(problem =>
        {
            if (DependencyResolver.Resolve(problem) is ResolutionSucceeded solved)
            {
                Assert.Null(SolutionChecker.FindViolation(problem, solved.Solution));
            }
        }, iter: 4000, print: ResolutionProblemJsonText);

    [Fact]
    public void Resolve_RandomSmallRegistries_FailuresNameConflictsAndEndTheExplanation() =>
        Generators.Problem.Sample(problem =>
        {
            if (DependencyResolver.Resolve(problem) is ResolutionFailed failed)
            {
                Assert.NotEmpty(failed.Conflicts);
                Assert.All(failed.Conflicts, conflict => Assert.NotEmpty(conflict.Ranges));
                Assert.EndsWith("version solving failed.", failed.Explanation, StringComparison.Ordinal);
                var lines = failed.Explanation.Split('\n').Where(line => line.Trim().Length > 0).Select(line => line.Trim()).ToList();
                Assert.Equal(lines.Count, lines.Distinct().Count());
            }
        }, iter: 4000, print: ResolutionProblemJsonText);

    private static string ResolutionProblemJsonText(ResolutionProblem problem) => Json.ResolutionProblemJson.Write(problem);
}
