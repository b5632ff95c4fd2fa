namespace Marketplace.Domain.Packaging;

/// <summary>The quality-scan categories of the publishing saga; each runs as its own activity.</summary>
public enum ScanCategory
{
    /// <summary>Zip validity, hard limits, entry names and types, manifest present and valid JSON.</summary>
    Structural,

    /// <summary>Manifest field rules and package layout.</summary>
    Static,

    /// <summary>Secrets and malware test signatures in entry contents.</summary>
    Security,

    /// <summary>Marketplace policy: who may publish what.</summary>
    Policy,
}
