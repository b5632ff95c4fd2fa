using Marketplace.Domain.Installation;

namespace Marketplace.Domain.Tests.Installation;

/// <summary>Builders for compatibility requests: a clean baseline that each test breaks in one way.</summary>
internal static class CompatibilityRequests
{
    public static CandidateAsset Candidate(
        string assetId = "contoso.http-api",
        string version = "1.2.0",
        string? runtime = ">=8.0.0 <11.0.0",
        string[]? projectTypes = null,
        Dictionary<string, string>? conflicts = null,
        string[]? paths = null) =>
        new(assetId, version, runtime, projectTypes ?? ["webapi", "worker"], conflicts ?? [], paths ?? ["src/Program.cs"]);

    public static InstalledAsset Installed(string assetId, string version, Dictionary<string, string>? conflicts = null) =>
        new(assetId, version, conflicts ?? []);

    public static CompatibilityRequest Request(
        CandidateAsset[]? candidates = null,
        InstalledAsset[]? installed = null,
        string runtime = "9.0.0",
        string projectType = "webapi",
        string[]? suspended = null,
        Dictionary<string, string>? owners = null) =>
        new(
            new CompatibilityTarget(runtime, projectType),
            candidates ?? [Candidate()],
            installed ?? [],
            new HashSet<string>(suspended ?? [], StringComparer.Ordinal),
            owners ?? []);
}
