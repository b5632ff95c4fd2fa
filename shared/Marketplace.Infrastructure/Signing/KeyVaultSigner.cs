using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Marketplace.Domain.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Infrastructure.Signing;

/// <summary>
/// An <see cref="IPackageSigner"/> over Azure Key Vault: one EC P-256 key per publisher, named
/// <c>{KeyNamePrefix}{publisherId}</c>; a rotation creates a new key version. Private keys never leave the vault.
/// </summary>
/// <remarks>
/// Key ids are Key Vault's versioned key identifiers (<c>https://{vault}/keys/{name}/{version}</c>).
/// The caller's identity needs the keys get, list, create and sign permissions (the
/// "Key Vault Crypto Officer" role covers them). Public keys of versions are cached in memory;
/// a key version's public key never changes.
/// </remarks>
public sealed partial class KeyVaultSigner : IPackageSigner
{
    private const int MaxKeyNameLength = 127;

    private readonly KeyVaultKeysClient _client;
    private readonly string _keyNamePrefix;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, string> _publicKeys = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The vault URI and key naming.</param>
    /// <param name="credential">The identity to call Key Vault with (for example <c>DefaultAzureCredential</c>); tokens are requested for <c>https://vault.azure.net/.default</c>.</param>
    /// <param name="logger">Logs key creation and rotation.</param>
    /// <param name="clientOptions">Retries, diagnostics and transport of the HTTP pipeline; defaults apply when null.</param>
    /// <exception cref="ArgumentException">The vault URI is missing or not https, or the prefix or API version is invalid.</exception>
    public KeyVaultSigner(
        KeyVaultSignerOptions options,
        TokenCredential credential,
        ILogger<KeyVaultSigner>? logger = null,
        KeyVaultSignerClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        if (options.VaultUri is not { IsAbsoluteUri: true } vaultUri || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"KeyVaultSignerOptions.VaultUri must be an absolute https URI; it was '{options.VaultUri}'.", nameof(options));
        }

        if (options.KeyNamePrefix is null || !KeyNamePrefixPattern().IsMatch(options.KeyNamePrefix)
            || options.KeyNamePrefix.Length + PublisherIds.MaxLength > MaxKeyNameLength)
        {
            throw new ArgumentException(
                $"KeyVaultSignerOptions.KeyNamePrefix '{options.KeyNamePrefix}' must be letters, digits and '-', at most {MaxKeyNameLength - PublisherIds.MaxLength} characters.",
                nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            throw new ArgumentException("KeyVaultSignerOptions.ApiVersion must not be empty.", nameof(options));
        }

        _keyNamePrefix = options.KeyNamePrefix;
        _client = new KeyVaultKeysClient(vaultUri, options.ApiVersion, credential, clientOptions ?? new KeyVaultSignerClientOptions());
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<SigningKeyInfo> EnsureKeyAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        var name = KeyName(publisherId);
        using var existing = await _client.GetKeyAsync(name, version: null, cancellationToken);
        if (existing is not null)
        {
            return ToInfo(existing.RootElement, current: true);
        }

        // Two callers racing here each create a version; both keys stay valid and listed, the later one is current.
        return await CreateAsync(publisherId, name, "Created", cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PackageSignature> SignAsync(string publisherId, byte[] sha256Digest, CancellationToken cancellationToken = default)
    {
        var name = KeyName(publisherId);
        Digests.Validate(sha256Digest);
        using var current = await _client.GetKeyAsync(name, version: null, cancellationToken)
            ?? throw SigningException.KeyNotFound(publisherId);
        var kid = KeyIdOf(current.RootElement);
        var signature = await _client.SignAsync(name, VersionOf(kid), sha256Digest, cancellationToken);
        if (signature.Length != SignatureVerifier.SignatureLength)
        {
            throw new SigningException($"Key Vault returned a {signature.Length}-byte signature for '{kid}'; ES256 signatures are {SignatureVerifier.SignatureLength} bytes.");
        }

        return new PackageSignature(kid, Convert.ToBase64String(signature));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SigningKeyInfo>> GetKeysAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        var name = KeyName(publisherId);
        using var current = await _client.GetKeyAsync(name, version: null, cancellationToken);
        if (current is null)
        {
            return [];
        }

        var currentInfo = ToInfo(current.RootElement, current: true);
        var keys = new List<SigningKeyInfo> { currentInfo };
        foreach (var kid in await _client.ListVersionIdsAsync(name, cancellationToken))
        {
            if (kid != currentInfo.KeyId)
            {
                using var version = await _client.GetKeyAsync(name, VersionOf(kid), cancellationToken);
                if (version is not null)
                {
                    keys.Add(ToInfo(version.RootElement, current: false));
                }
            }
        }

        // Oldest first and the current version last, also when versions share a creation second.
        return keys.OrderBy(k => k.Current).ThenBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public Task<SigningKeyInfo> RotateKeyAsync(string publisherId, CancellationToken cancellationToken = default) =>
        CreateAsync(publisherId, KeyName(publisherId), "Rotated", cancellationToken);

    private async Task<SigningKeyInfo> CreateAsync(string publisherId, string name, string verb, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string> { ["marketplace-publisher"] = publisherId };
        using var created = await _client.CreateKeyAsync(name, tags, cancellationToken);
        var info = ToInfo(created.RootElement, current: true);
        _logger.LogInformation("{Verb} Key Vault signing key {KeyId} for publisher {PublisherId}.", verb, info.KeyId, publisherId);
        return info;
    }

    private string KeyName(string publisherId)
    {
        PublisherIds.Validate(publisherId);
        return _keyNamePrefix + publisherId;
    }

    private SigningKeyInfo ToInfo(JsonElement bundle, bool current)
    {
        var kid = KeyIdOf(bundle);
        var pem = _publicKeys.GetOrAdd(kid, _ => JsonWebKeys.ToPublicKeyPem(bundle.GetProperty("key")));
        var created = bundle.TryGetProperty("attributes", out var attributes)
            && attributes.TryGetProperty("created", out var seconds)
            && seconds.TryGetInt64(out var unix)
                ? DateTimeOffset.FromUnixTimeSeconds(unix)
                : DateTimeOffset.MinValue;
        return new SigningKeyInfo(kid, pem, created, current);
    }

    private static string KeyIdOf(JsonElement bundle) =>
        bundle.TryGetProperty("key", out var key) && key.TryGetProperty("kid", out var kid) && kid.GetString() is { Length: > 0 } value
            ? value
            : throw new SigningException("Key Vault returned a key bundle without 'key.kid'.");

    private static string VersionOf(string kid)
    {
        // https://{vault}/keys/{name}/{version}
        var segments = Uri.TryCreate(kid, UriKind.Absolute, out var uri) ? uri.Segments : [];
        return segments.Length == 4 && segments[1] == "keys/"
            ? segments[3].TrimEnd('/')
            : throw new SigningException($"'{kid}' is not a versioned Key Vault key id.");
    }

    [GeneratedRegex("^[A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyNamePrefixPattern();
}
