using BenchmarkDotNet.Attributes;
using Marketplace.Benchmarks.Scenarios;
using Marketplace.Resolution;

namespace Marketplace.Benchmarks;

/// <summary>The resolver on a large synthetic registry and on known worst cases (see docs/benchmarks.md).</summary>
[Config(typeof(ShortRunConfig))]
[MemoryDiagnoser]
public class ResolverBenchmarks
{
    private ResolutionProblem syntheticSolvable = null!;
    private ResolutionProblem syntheticUnsolvable = null!;
    private ResolutionProblem manyVersionsMissingDependency = null!;
    private ResolutionProblem deepChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        syntheticSolvable = SyntheticRegistry.Create(assetCount: 500, seed: 1, narrowness: 0.1);
        syntheticUnsolvable = SyntheticRegistry.Create(assetCount: 500, seed: 1, narrowness: 0.1, splitRuntime: true);
        Expect(syntheticSolvable, solvable: true);
        Expect(syntheticUnsolvable, solvable: false);
        manyVersionsMissingDependency = PathologicalRegistries.ManyVersionsNeedingAMissingAsset();
        deepChain = PathologicalRegistries.DeepChain();
        Expect(manyVersionsMissingDependency, solvable: false);
        Expect(deepChain, solvable: true);
    }

    [Benchmark(Description = "synthetic 500x20, solvable")]
    public ResolutionResult SyntheticSolvable() => DependencyResolver.Resolve(syntheticSolvable);

    [Benchmark(Description = "synthetic 500x20, unsolvable")]
    public ResolutionResult SyntheticUnsolvable() => DependencyResolver.Resolve(syntheticUnsolvable);

    [Benchmark(Description = "500 versions -> missing asset")]
    public ResolutionResult ManyVersionsMissingDependency() => DependencyResolver.Resolve(manyVersionsMissingDependency);

    [Benchmark(Description = "deep chain 60x20, backtracking")]
    public ResolutionResult DeepChain() => DependencyResolver.Resolve(deepChain);

    private static void Expect(ResolutionProblem problem, bool solvable)
    {
        if (DependencyResolver.Resolve(problem).IsSolved != solvable) throw new InvalidOperationException("A benchmark scenario no longer has its expected outcome.");
    }
}
