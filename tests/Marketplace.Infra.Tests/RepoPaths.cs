namespace Marketplace.Infra.Tests;

/// <summary>Files of the repository, found by walking up to Marketplace.sln.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Infra(params string[] parts) => Path.Combine([Root, "infra", .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Of(parts));

    private static string FindRoot()
    {
        // The output folder is usually inside the repo; with an artifacts path elsewhere, start from the project.
        string[] starts = [AppContext.BaseDirectory, BuildMetadata.Get("ProjectDirectory")];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Marketplace.sln not found above " + string.Join(" or ", starts));
    }
}
