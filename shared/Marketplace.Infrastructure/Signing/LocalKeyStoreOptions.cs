namespace Marketplace.Infrastructure.Signing;

/// <summary>Options for <see cref="LocalKeyStoreSigner"/>.</summary>
public sealed record LocalKeyStoreOptions
{
    /// <summary>Gets or sets the directory that holds one sub-directory of PKCS#8 PEM key files per publisher.</summary>
    public string Path { get; set; } = string.Empty;
}
