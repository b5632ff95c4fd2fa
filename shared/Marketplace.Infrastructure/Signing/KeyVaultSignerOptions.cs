namespace Marketplace.Infrastructure.Signing;

/// <summary>Options for <see cref="KeyVaultSigner"/>.</summary>
public sealed record KeyVaultSignerOptions
{
    /// <summary>The Key Vault REST API version this signer speaks unless told otherwise.</summary>
    public const string DefaultApiVersion = "7.5";

    /// <summary>Gets or sets the vault URI, for example <c>https://contoso-marketplace.vault.azure.net/</c>. Must be https.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>Gets or sets the prefix of each publisher's key name; the key of publisher <c>contoso</c> is <c>publisher-contoso</c> by default.</summary>
    public string KeyNamePrefix { get; set; } = "publisher-";

    /// <summary>Gets or sets the Key Vault REST API version (<c>7.4</c> or <c>7.5</c>).</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;
}
