namespace Marketplace.Domain.Packaging;

/// <summary>
/// Every finding code the package scanners produce. Codes are a public contract: never rename one,
/// add a new one instead. docs/package-rules.md lists each with its severity, category and meaning.
/// </summary>
public static class FindingCodes
{
    /// <summary>The bytes are not a zip archive (no end-of-central-directory record).</summary>
    public const string ArchiveNotZip = "archive.not-zip";

    /// <summary>The zip's directory structures are damaged or unsupported.</summary>
    public const string ArchiveCorrupt = "archive.corrupt";

    /// <summary>The archive is larger than the limit.</summary>
    public const string ArchiveTooLarge = "archive.too-large";

    /// <summary>The archive holds more entries than the limit.</summary>
    public const string ArchiveTooManyEntries = "archive.too-many-entries";

    /// <summary>The entries decompress to more bytes in total than the limit.</summary>
    public const string ArchiveUncompressedTooLarge = "archive.uncompressed-too-large";

    /// <summary>An entry decompresses to more than the allowed ratio of its compressed size.</summary>
    public const string EntryCompressionRatio = "entry.compression-ratio";

    /// <summary>An entry's data cannot be read: bad deflate data, unsupported method, CRC mismatch.</summary>
    public const string EntryCorrupt = "entry.corrupt";

    /// <summary>An entry decompresses to a size other than the one its header declares.</summary>
    public const string EntrySizeMismatch = "entry.size-mismatch";

    /// <summary>An entry's local header disagrees with its central-directory record.</summary>
    public const string EntryHeaderMismatch = "entry.header-mismatch";

    /// <summary>An entry is encrypted, so it cannot be scanned.</summary>
    public const string EntryEncrypted = "entry.encrypted";

    /// <summary>An entry path is absolute, has a drive letter, a backslash or a <c>..</c> segment.</summary>
    public const string EntryZipSlip = "entry.zip-slip";

    /// <summary>An entry path is empty, not UTF-8, or has control characters, empty or <c>.</c> segments.</summary>
    public const string EntryInvalidName = "entry.invalid-name";

    /// <summary>Two entries have the same path, ignoring case.</summary>
    public const string EntryDuplicate = "entry.duplicate";

    /// <summary>An entry is a symbolic link.</summary>
    public const string EntrySymlink = "entry.symlink";

    /// <summary>An entry is a device, FIFO or socket.</summary>
    public const string EntrySpecialFile = "entry.special-file";

    /// <summary>An executable or script lies outside <c>content/</c>.</summary>
    public const string EntryExecutableOutsideContent = "entry.executable-outside-content";

    /// <summary>There is no <c>marketplace.json</c> at the archive root.</summary>
    public const string ManifestMissing = "manifest.missing";

    /// <summary><c>marketplace.json</c> is larger than the limit.</summary>
    public const string ManifestTooLarge = "manifest.too-large";

    /// <summary><c>marketplace.json</c> is not valid UTF-8 JSON of the manifest's shape.</summary>
    public const string ManifestInvalidJson = "manifest.invalid-json";

    /// <summary>The <c>id</c> field breaks its rule.</summary>
    public const string ManifestId = "manifest.id";

    /// <summary>The <c>version</c> field breaks its rule.</summary>
    public const string ManifestVersion = "manifest.version";

    /// <summary>The <c>publisher</c> field breaks its rule.</summary>
    public const string ManifestPublisher = "manifest.publisher";

    /// <summary>The <c>kind</c> field breaks its rule.</summary>
    public const string ManifestKind = "manifest.kind";

    /// <summary>The <c>displayName</c> field breaks its rule.</summary>
    public const string ManifestDisplayName = "manifest.displayName";

    /// <summary>The <c>description</c> field breaks its rule.</summary>
    public const string ManifestDescription = "manifest.description";

    /// <summary>The <c>license</c> field breaks its rule.</summary>
    public const string ManifestLicense = "manifest.license";

    /// <summary>The <c>pricing</c> field breaks its rule.</summary>
    public const string ManifestPricing = "manifest.pricing";

    /// <summary>The <c>tags</c> field breaks its rule.</summary>
    public const string ManifestTags = "manifest.tags";

    /// <summary>The <c>dependencies</c> field breaks its rule.</summary>
    public const string ManifestDependencies = "manifest.dependencies";

    /// <summary>The <c>compatibility.runtime</c> field breaks its rule.</summary>
    public const string ManifestCompatibilityRuntime = "manifest.compatibility.runtime";

    /// <summary>The <c>compatibility.projectTypes</c> field breaks its rule.</summary>
    public const string ManifestCompatibilityProjectTypes = "manifest.compatibility.projectTypes";

    /// <summary>The <c>conflicts</c> field breaks its rule.</summary>
    public const string ManifestConflicts = "manifest.conflicts";

    /// <summary>The manifest has a field the format does not define.</summary>
    public const string ManifestUnknownField = "manifest.unknown-field";

    /// <summary>The manifest has no <c>displayName</c>.</summary>
    public const string ManifestMissingDisplayName = "manifest.missing-display-name";

    /// <summary>The manifest has no <c>description</c>.</summary>
    public const string ManifestMissingDescription = "manifest.missing-description";

    /// <summary>The uploader is not the manifest's publisher, or not the owner of the id prefix.</summary>
    public const string ManifestPublisherMismatch = "manifest.publisher-mismatch";

    /// <summary>The manifest id is not the asset id the upload was addressed to.</summary>
    public const string ManifestIdMismatch = "manifest.id-mismatch";

    /// <summary>There is no <c>README.md</c> at the archive root.</summary>
    public const string LayoutReadmeMissing = "layout.readme-missing";

    /// <summary>There is no <c>LICENSE</c> file at the archive root.</summary>
    public const string LayoutLicenseMissing = "layout.license-missing";

    /// <summary>There are no files below <c>content/</c>, so installing applies nothing.</summary>
    public const string LayoutNoContent = "layout.no-content";

    /// <summary>A file lies outside <c>content/</c> and is not a known root file, so it is never installed.</summary>
    public const string LayoutOutsideContent = "layout.outside-content";

    /// <summary>A text file holds a PEM private-key block.</summary>
    public const string SecretPrivateKey = "secret.private-key";

    /// <summary>A text file holds a cloud access key (AWS key id or secret, Azure SAS signature, Google API key).</summary>
    public const string SecretCloudAccessKey = "secret.cloud-access-key";

    /// <summary>A text file holds a connection string with an account or shared-access key.</summary>
    public const string SecretConnectionString = "secret.connection-string";

    /// <summary>A text file holds a bearer token or a JSON web token.</summary>
    public const string SecretBearerToken = "secret.bearer-token";

    /// <summary>A text file is larger than the secret-scan cap; only its start was scanned for secrets.</summary>
    public const string SecretScanTruncated = "secret.scan-truncated";

    /// <summary>An entry contains the EICAR anti-malware test string.</summary>
    public const string MalwareEicar = "malware.eicar";

    /// <summary>The publisher may not publish assets of this kind.</summary>
    public const string PolicyKindNotAllowed = "policy.kind-not-allowed";

    /// <summary>The publisher may not publish paid assets.</summary>
    public const string PolicyPaidNotAllowed = "policy.paid-not-allowed";
}
