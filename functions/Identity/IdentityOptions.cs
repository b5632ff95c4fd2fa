namespace Marketplace.Functions.Identity;

/// <summary>Settings under <c>Marketplace:Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Marketplace:Identity";

    /// <summary>
    /// Trust the <c>X-MS-CLIENT-PRINCIPAL</c> header. Turn on only where Easy Auth strips and sets it (Azure) or in
    /// local runs; anywhere else a client could forge it.
    /// </summary>
    public bool TrustClientPrincipalHeader { get; set; }
}
