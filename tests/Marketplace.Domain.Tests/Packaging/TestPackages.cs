using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Tests.Packaging;

/// <summary>Builders for well-formed packages and manifests; hostile variants start from these.</summary>
public static class TestPackages
{
    public const string Publisher = "contoso";
    public const string AssetId = "contoso.http-api";

    public static JsonObject ValidManifest() => new()
    {
        ["id"] = AssetId,
        ["version"] = "1.2.0",
        ["publisher"] = Publisher,
        ["kind"] = "template",
        ["displayName"] = "HTTP API template",
        ["description"] = "Minimal HTTP API with health checks.",
        ["license"] = "MIT",
        ["pricing"] = "free",
        ["tags"] = new JsonArray("http", "api"),
        ["dependencies"] = new JsonObject { ["contoso.logging"] = "^2.0.0" },
        ["compatibility"] = new JsonObject { ["runtime"] = ">=8.0.0 <11.0.0", ["projectTypes"] = new JsonArray("webapi", "worker") },
        ["conflicts"] = new JsonObject { ["fabrikam.legacy-logging"] = "*" },
    };

    public static Dictionary<string, byte[]> ValidFiles(JsonObject? manifest = null) => new()
    {
        ["marketplace.json"] = Encoding.UTF8.GetBytes((manifest ?? ValidManifest()).ToJsonString()),
        ["README.md"] = Encoding.UTF8.GetBytes("# HTTP API template\n"),
        ["LICENSE"] = Encoding.UTF8.GetBytes("MIT License\n"),
        ["content/Program.cs"] = Encoding.UTF8.GetBytes("Console.WriteLine(\"hello\");\n"),
        ["content/appsettings.json"] = Encoding.UTF8.GetBytes("{ \"Logging\": { } }\n"),
    };

    public static byte[] Valid() => Zip(ValidFiles());

    public static byte[] WithManifest(JsonObject manifest) => Zip(ValidFiles(manifest));

    public static byte[] With(string path, byte[] data)
    {
        var files = ValidFiles();
        files[path] = data;
        return Zip(files);
    }

    public static byte[] With(string path, string text) => With(path, Encoding.UTF8.GetBytes(text));

    public static byte[] Without(string path)
    {
        var files = ValidFiles();
        files.Remove(path);
        return Zip(files);
    }

    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    /// <summary>The valid files as raw entries, so one hostile entry can be added next to them.</summary>
    public static List<RawEntry> ValidRawEntries() => [.. ValidFiles().Select(f => new RawEntry(f.Key, f.Value))];

    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    public static PackageScanContext Context(PackageLimits? limits = null, string uploader = Publisher, string? expectedAssetId = AssetId) =>
        new(uploader, expectedAssetId, limits ?? PackageLimits.Default);

    public static async Task<IReadOnlyList<Finding>> ScanAsync(IPackageScanner scanner, byte[] package, PackageScanContext? context = null)
    {
        using var stream = new MemoryStream(package, writable: false);
        return await scanner.ScanAsync(stream, context ?? Context(), CancellationToken.None);
    }

    public static IEnumerable<string> Codes(this IEnumerable<Finding> findings) => findings.Select(f => f.Code);

    public static IEnumerable<Finding> Errors(this IEnumerable<Finding> findings) => findings.Where(f => f.IsError);
}
