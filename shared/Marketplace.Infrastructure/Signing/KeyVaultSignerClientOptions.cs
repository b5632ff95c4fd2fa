using Azure.Core;

namespace Marketplace.Infrastructure.Signing;

/// <summary>
/// HTTP pipeline options for <see cref="KeyVaultSigner"/>: retries, diagnostics and the transport
/// (tests point the transport at a local HTTPS fake of Key Vault).
/// </summary>
public sealed class KeyVaultSignerClientOptions : ClientOptions
{
}
