using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Domain.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Infrastructure.Signing;

/// <summary>
/// An <see cref="IPackageSigner"/> for local runs and tests that keeps each key version as a
/// PKCS#8 PEM file: <c>{Path}/{publisherId}/{version}.key.pem</c>, with key ids <c>local:{publisherId}/{version}</c>.
/// </summary>
/// <remarks>
/// Creating and rotating keys holds a per-publisher lock file (<c>.lock</c>, an OS file lock), so
/// concurrent <see cref="EnsureKeyAsync"/> calls (in one process or several) agree on one key and
/// concurrent rotations each get their own version; a key file is written under a temporary name and
/// moved into place, so readers never see a partial key. These keys are not for production use.
/// </remarks>
public sealed class LocalKeyStoreSigner : IPackageSigner
{
    /// <summary>The prefix of every key id this signer hands out.</summary>
    public const string KeyIdPrefix = "local:";

    private const string KeyFileSuffix = ".key.pem";
    private const string LockFileName = ".lock";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance over the key directory named in the options.</summary>
    /// <param name="options">The options; <see cref="LocalKeyStoreOptions.Path"/> is required (it is created on first use).</param>
    /// <param name="logger">Logs key creation and rotation.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public LocalKeyStoreSigner(LocalKeyStoreOptions options, ILogger<LocalKeyStoreSigner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("LocalKeyStoreOptions.Path must name the key directory.", nameof(options));
        }

        _root = Path.GetFullPath(options.Path);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public Task<SigningKeyInfo> EnsureKeyAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        PublisherIds.Validate(publisherId);
        return GuardAsync(publisherId, async () =>
        {
            var versions = ListVersions(publisherId);
            if (versions.Count == 0)
            {
                await using (await LockPublisherAsync(publisherId, cancellationToken))
                {
                    versions = ListVersions(publisherId);
                    if (versions.Count == 0)
                    {
                        await CreateVersionAsync(publisherId, 1, cancellationToken);
                        _logger.LogInformation("Created local signing key {KeyId}.", KeyId(publisherId, 1));
                        versions = [1];
                    }
                }
            }

            return await ReadInfoAsync(publisherId, versions[^1], current: true, cancellationToken);
        });
    }

    /// <inheritdoc />
    public Task<PackageSignature> SignAsync(string publisherId, byte[] sha256Digest, CancellationToken cancellationToken = default)
    {
        PublisherIds.Validate(publisherId);
        Digests.Validate(sha256Digest);
        return GuardAsync(publisherId, async () =>
        {
            var versions = ListVersions(publisherId);
            if (versions.Count == 0)
            {
                throw SigningException.KeyNotFound(publisherId);
            }

            var version = versions[^1];
            using var key = await LoadKeyAsync(publisherId, version, cancellationToken);
            var signature = key.SignHash(sha256Digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return new PackageSignature(KeyId(publisherId, version), Convert.ToBase64String(signature));
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SigningKeyInfo>> GetKeysAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        PublisherIds.Validate(publisherId);
        return GuardAsync<IReadOnlyList<SigningKeyInfo>>(publisherId, async () =>
        {
            var versions = ListVersions(publisherId);
            var keys = new List<SigningKeyInfo>(versions.Count);
            for (var i = 0; i < versions.Count; i++)
            {
                keys.Add(await ReadInfoAsync(publisherId, versions[i], current: i == versions.Count - 1, cancellationToken));
            }

            return keys;
        });
    }

    /// <inheritdoc />
    public Task<SigningKeyInfo> RotateKeyAsync(string publisherId, CancellationToken cancellationToken = default)
    {
        PublisherIds.Validate(publisherId);
        return GuardAsync(publisherId, async () =>
        {
            int next;
            await using (await LockPublisherAsync(publisherId, cancellationToken))
            {
                var versions = ListVersions(publisherId);
                next = versions.Count == 0 ? 1 : versions[^1] + 1;
                await CreateVersionAsync(publisherId, next, cancellationToken);
            }

            _logger.LogInformation("Rotated local signing key of {PublisherId} to {KeyId}.", publisherId, KeyId(publisherId, next));
            return await ReadInfoAsync(publisherId, next, current: true, cancellationToken);
        });
    }

    private static string KeyId(string publisherId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyIdPrefix}{publisherId}/{version}");

    private static string KeyFileName(int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}{KeyFileSuffix}");

    private string PublisherDirectory(string publisherId) => Path.Combine(_root, publisherId);

    private List<int> ListVersions(string publisherId)
    {
        var directory = PublisherDirectory(publisherId);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var versions = new List<int>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + KeyFileSuffix))
        {
            var name = Path.GetFileName(file);
            if (int.TryParse(name.AsSpan(0, name.Length - KeyFileSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
            {
                versions.Add(version);
            }
        }

        versions.Sort();
        return versions;
    }

    /// <summary>
    /// Takes the publisher's lock file (an OS file lock, released when the process dies), so that creating
    /// and rotating keys is serialized across instances and processes. Reads need no lock.
    /// </summary>
    private async Task<FileStream> LockPublisherAsync(string publisherId, CancellationToken cancellationToken)
    {
        var directory = PublisherDirectory(publisherId);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, LockFileName);
        var waited = Stopwatch.StartNew();
        for (var delay = 5; ; delay = Math.Min(delay * 2, 100))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (waited.Elapsed < LockTimeout)
            {
                _logger.LogDebug(ex, "Waiting for the key lock of {PublisherId}.", publisherId);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Writes a new key under a temporary name, then moves it into place, so readers never see a partial file.</summary>
    private async Task CreateVersionAsync(string publisherId, int version, CancellationToken cancellationToken)
    {
        var directory = PublisherDirectory(publisherId);
        var target = Path.Combine(directory, KeyFileName(version));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var writer = new StreamWriter(temporary, fileOptions))
            {
                await writer.WriteAsync(key.ExportPkcs8PrivateKeyPem().AsMemory(), cancellationToken);
            }

            // Never overwrite: under the publisher lock the version is new, and an existing key must never change.
            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<ECDsa> LoadKeyAsync(string publisherId, int version, CancellationToken cancellationToken)
    {
        var pem = await File.ReadAllTextAsync(Path.Combine(PublisherDirectory(publisherId), KeyFileName(version)), cancellationToken);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private async Task<SigningKeyInfo> ReadInfoAsync(string publisherId, int version, bool current, CancellationToken cancellationToken)
    {
        using var key = await LoadKeyAsync(publisherId, version, cancellationToken);
        var created = File.GetLastWriteTimeUtc(Path.Combine(PublisherDirectory(publisherId), KeyFileName(version)));
        return new SigningKeyInfo(
            KeyId(publisherId, version),
            key.ExportSubjectPublicKeyInfoPem(),
            new DateTimeOffset(created, TimeSpan.Zero),
            current);
    }

    private async Task<T> GuardAsync<T>(string publisherId, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new SigningException($"The local key store at '{_root}' failed for publisher '{publisherId}': {ex.Message}", ex);
        }
    }
}
