namespace Marketplace.Infra.Tests;

/// <summary>The templates under infra/, compiled once per test run with the real Bicep compiler.</summary>
internal static class CompiledInfra
{
    /// <summary>The files deployed on their own; everything else is a module of main.bicep.</summary>
    public static readonly string[] EntryPoints = ["main.bicep", "blob-events.bicep"];

    private static readonly Dictionary<string, Lazy<BicepRun>> Builds = EntryPoints.ToDictionary(
        f => f, f => new Lazy<BicepRun>(() => BicepCli.Run("build", RepoPaths.Infra(f), "--stdout")), StringComparer.Ordinal);

    private static readonly Lazy<ArmTemplate> LazyMain = new(() => Compile("main.bicep"));
    private static readonly Lazy<ArmTemplate> LazyBlobEvents = new(() => Compile("blob-events.bicep"));

    public static ArmTemplate Main => LazyMain.Value;

    public static ArmTemplate BlobEvents => LazyBlobEvents.Value;

    /// <summary>The output of 'bicep build' for an entry point; built once, shared by every test.</summary>
    public static BicepRun Build(string file) => Builds[file].Value;

    private static ArmTemplate Compile(string file)
    {
        var run = Build(file);
        return run.ExitCode == 0
            ? ArmTemplate.Parse(run.StandardOutput, Path.GetFileNameWithoutExtension(file))
            : throw new InvalidOperationException($"bicep build {file} failed:\n{run.Diagnostics}");
    }
}
