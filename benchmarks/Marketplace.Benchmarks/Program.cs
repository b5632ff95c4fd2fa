using BenchmarkDotNet.Running;
using Marketplace.Benchmarks;

// dotnet run -c Release --project benchmarks/Marketplace.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/Marketplace.Benchmarks -- --describe     (what each scenario is, one timed run each)
if (args is ["--describe"])
{
    ScenarioDescription.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ResolverBenchmarks).Assembly).Run(args);
