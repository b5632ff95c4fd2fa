using Marketplace.Domain.Packaging;

namespace Marketplace.Functions.Publishing;

/// <summary>Settings under <c>Marketplace:Publishing</c>.</summary>
public sealed class PublishingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Marketplace:Publishing";

    /// <summary>Largest accepted package (the spec's 50 MiB by default); larger uploads get 413.</summary>
    public long MaxPackageBytes { get; set; } = PackageLimits.Default.MaxArchiveBytes;

    /// <summary>How long a restricted publisher's publication waits for a decision before it is rejected.</summary>
    public TimeSpan ReviewWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The scanners' hard limits, with the archive limit taken from <see cref="MaxPackageBytes"/>.</summary>
    public PackageLimits Limits => PackageLimits.Default with { MaxArchiveBytes = this.MaxPackageBytes };
}
