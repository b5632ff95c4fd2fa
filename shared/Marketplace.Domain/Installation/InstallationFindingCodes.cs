namespace Marketplace.Domain.Installation;

/// <summary>Stable codes of the findings that compatibility and licence checks report.</summary>
public static class InstallationFindingCodes
{
    /// <summary>The target's runtime is not in a candidate's <c>compatibility.runtime</c> range.</summary>
    public const string Runtime = "compat.runtime";

    /// <summary>The target's project type is not in a candidate's <c>compatibility.projectTypes</c>.</summary>
    public const string ProjectType = "compat.project-type";

    /// <summary>A candidate asset is suspended.</summary>
    public const string Suspended = "compat.suspended";

    /// <summary>A candidate and an installed asset (or two candidates) conflict, in either direction.</summary>
    public const string Conflict = "compat.conflict";

    /// <summary>A candidate's content path is already owned by another installed asset.</summary>
    public const string FileOwned = "compat.file-owned";

    /// <summary>Two candidates would write the same content path.</summary>
    public const string FileCollision = "compat.file-collision";

    /// <summary>The target's runtime is not a SemVer 2.0.0 version.</summary>
    public const string InvalidRuntime = "compat.invalid-runtime";

    /// <summary>A candidate's or installed asset's version is not a SemVer 2.0.0 version.</summary>
    public const string InvalidVersion = "compat.invalid-version";

    /// <summary>A runtime or conflicts range in a manifest is not a valid npm-style range.</summary>
    public const string InvalidRange = "compat.invalid-range";

    /// <summary>A paid asset has no entitlement for the tenant.</summary>
    public const string LicenseMissing = "license.missing";

    /// <summary>A paid asset's entitlement has expired.</summary>
    public const string LicenseExpired = "license.expired";
}
