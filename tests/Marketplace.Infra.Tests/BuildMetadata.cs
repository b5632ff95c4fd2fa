using System.Reflection;

namespace Marketplace.Infra.Tests;

/// <summary>Values the build bakes into this assembly (see the AssemblyMetadata items in the csproj).</summary>
internal static class BuildMetadata
{
    public static string Get(string key) =>
        typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not record '{key}'; rebuild the test project.");
}
