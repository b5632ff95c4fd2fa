namespace Marketplace.Infrastructure.Tests.Signing;

/// <summary>A fact that is skipped, and says so, when a command-line tool it runs is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        Tools = tools;
        var missing = tools.Where(tool => !IsOnPath(tool)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Needs {string.Join(", ", missing)} on PATH.";
        }
    }

    public IReadOnlyList<string> Tools { get; }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)) || File.Exists(Path.Combine(directory, tool + ".exe")));
}
