using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Marketplace.Testing;

/// <summary>Builds asset packages (zip) for tests, valid by default.</summary>
public static class TestPackages
{
    /// <summary>A valid package with a manifest, README, LICENSE and content files.</summary>
    public static byte[] Create(
        string assetId,
        string version,
        IDictionary<string, string>? dependencies = null,
        IDictionary<string, string>? contentFiles = null,
        string pricing = "free",
        string kind = "component",
        IDictionary<string, string>? extraEntries = null,
        IDictionary<string, string>? conflicts = null,
        object? compatibility = null,
        string[]? tags = null)
    {
        var manifest = new Dictionary<string, object?>
        {
            ["id"] = assetId,
            ["version"] = version,
            ["publisher"] = assetId.Split('.')[0],
            ["kind"] = kind,
            ["displayName"] = $"{assetId} display",
            ["description"] = $"Test asset {assetId}",
            ["license"] = "MIT",
            ["pricing"] = pricing,
            ["tags"] = tags ?? ["test"],
            ["dependencies"] = dependencies ?? new Dictionary<string, string>(),
            ["conflicts"] = conflicts ?? new Dictionary<string, string>(),
        };
        if (compatibility is not null)
        {
            manifest["compatibility"] = compatibility;
        }

        var entries = new Dictionary<string, string>
        {
            ["marketplace.json"] = JsonSerializer.Serialize(manifest),
            ["README.md"] = $"# {assetId}\n",
            ["LICENSE"] = "MIT License\n",
        };
        foreach (var (path, text) in contentFiles ?? new Dictionary<string, string> { [$"{assetId}/readme.txt"] = $"{assetId} {version}\n" })
        {
            entries[$"content/{path}"] = text;
        }

        foreach (var (path, text) in extraEntries ?? new Dictionary<string, string>())
        {
            entries[path] = text;
        }

        return Zip(entries);
    }

    /// <summary>A zip of the given entries, in order.</summary>
    public static byte[] Zip(IDictionary<string, string> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in entries)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
