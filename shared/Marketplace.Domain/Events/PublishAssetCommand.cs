namespace Marketplace.Domain.Events;

/// <summary>
/// Data of <see cref="CommandTypes.PublishAsset"/>: publish a package already written to the <c>staging</c> container
/// at <c>incoming/{publisherId}/{name}.zip</c>.
/// </summary>
/// <param name="PublisherId">The publisher the package belongs to.</param>
/// <param name="BlobName">The blob's name inside the staging container.</param>
public sealed record PublishAssetCommand(string PublisherId, string BlobName) : IMarketplaceCommand
{
    /// <summary>The folder of the staging container that publishers write to.</summary>
    public const string IncomingFolder = "incoming/";

    /// <summary>Longest accepted blob name (Azure's limit).</summary>
    public const int MaxBlobNameLength = 1024;

    /// <inheritdoc />
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CommandFieldRules.RequirePublisherId(errors, "publisherId", this.PublisherId);
        if (string.IsNullOrWhiteSpace(this.BlobName))
        {
            errors.Add("'blobName' is required.");
            return errors;
        }

        var prefix = $"{IncomingFolder}{this.PublisherId}/";
        if (this.BlobName.Length > MaxBlobNameLength)
        {
            errors.Add($"'blobName' must be at most {MaxBlobNameLength} characters.");
        }
        else if (!this.BlobName.StartsWith(prefix, StringComparison.Ordinal))
        {
            errors.Add($"'blobName' must be under '{prefix}' in the staging container.");
        }
        else if (!this.BlobName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || this.BlobName.Length <= prefix.Length + ".zip".Length)
        {
            errors.Add("'blobName' must name a '.zip' file.");
        }
        else if (this.BlobName.Split('/').Any(segment => segment is "" or "." or "..") || this.BlobName.Any(c => char.IsControl(c) || c == '\\'))
        {
            errors.Add("'blobName' must not contain empty, '.' or '..' segments, backslashes or control characters.");
        }

        return errors;
    }
}
