namespace Marketplace.Infrastructure.Packages;

/// <summary>The upload is larger than the configured package limit.</summary>
public sealed class PackageTooLargeException(long limit)
    : Exception($"The package is larger than the limit of {limit} bytes.")
{
    /// <summary>The limit in bytes.</summary>
    public long Limit { get; } = limit;
}
