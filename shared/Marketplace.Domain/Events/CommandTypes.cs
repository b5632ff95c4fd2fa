namespace Marketplace.Domain.Events;

/// <summary>The CloudEvents <c>type</c> of the commands the marketplace accepts from a queue.</summary>
public static class CommandTypes
{
    /// <summary>Install an asset into a tenant's target; data is <see cref="InstallAssetCommand"/>.</summary>
    public const string InstallAsset = "marketplace.command.install-asset";

    /// <summary>Publish a package already written to the staging container; data is <see cref="PublishAssetCommand"/>.</summary>
    public const string PublishAsset = "marketplace.command.publish-asset";

    /// <summary>All command types.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { InstallAsset, PublishAsset };
}
