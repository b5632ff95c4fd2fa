using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Domain.Installation;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// Table keys and blob names of installation storage. Every key starts with the tenant id, and ids are restricted
/// to characters that cannot forge a separator (<c>|</c>, <c>/</c>), so one tenant's keys never reach another's.
/// </summary>
internal static partial class InstallationKeys
{
    public const string MetadataSha256 = "sha256";

    public static string Target(string tenantId, string targetId) =>
        $"{Id(tenantId, nameof(tenantId))}|{Id(targetId, nameof(targetId))}";

    public static string Journal(string tenantId, string targetId, string installationId) =>
        $"{Target(tenantId, targetId)}|{Id(installationId, nameof(installationId))}";

    public static string FilesPrefix(string tenantId, string targetId) =>
        $"{Id(tenantId, nameof(tenantId))}/{Id(targetId, nameof(targetId))}/files/";

    public static string FileBlob(string tenantId, string targetId, string path) =>
        FilesPrefix(tenantId, targetId) + TargetPaths.Require(path);

    public static string RollbackPrefix(string tenantId, string targetId, string installationId) =>
        $"{Id(tenantId, nameof(tenantId))}/{Id(targetId, nameof(targetId))}/rollback/{Id(installationId, nameof(installationId))}/";

    /// <summary>Lowercase hex SHA-256 of a path: a fixed-length key free of characters tables refuse.</summary>
    public static string PathKey(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TargetPaths.Require(path))));

    /// <summary>Returns <paramref name="value"/> when it is a valid id, else throws <see cref="ArgumentException"/>.</summary>
    public static string Id(string value, string name) =>
        !string.IsNullOrEmpty(value) && IdPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid {name}: use 1-128 of [A-Za-z0-9._-], starting with a letter or digit.", name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
