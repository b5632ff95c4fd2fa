using System.Diagnostics;
using Marketplace.Resolution;

namespace Marketplace.Benchmarks;

/// <summary>Prints each benchmark scenario's size and outcome, with a single cold and warm timing, as a quick check.</summary>
public static class ScenarioDescription
{
    public static void Print(TextWriter output)
    {
        var benchmarks = new ResolverBenchmarks();
        benchmarks.Setup();
        Describe(output, "synthetic 500x20, solvable", benchmarks.SyntheticSolvable);
        Describe(output, "synthetic 500x20, unsolvable", benchmarks.SyntheticUnsolvable);
        Describe(output, "500 versions -> missing asset", benchmarks.ManyVersionsMissingDependency);
        Describe(output, "deep chain 60x20, backtracking", benchmarks.DeepChain);
    }

    private static void Describe(TextWriter output, string name, Func<ResolutionResult> run)
    {
        var cold = Stopwatch.StartNew();
        var result = run();
        cold.Stop();
        var warm = Stopwatch.StartNew();
        run();
        warm.Stop();
        var outcome = result switch
        {
            ResolutionSucceeded solved => $"solved, {solved.Solution.Count} assets selected",
            ResolutionFailed failed => $"no solution, {failed.Conflicts.Count} conflicting assets, {failed.Explanation.Split('\n').Length}-line explanation",
            _ => "?",
        };
        output.WriteLine($"{name}: {outcome}; first run {cold.Elapsed.TotalMilliseconds:F1} ms, second {warm.Elapsed.TotalMilliseconds:F1} ms");
    }
}
