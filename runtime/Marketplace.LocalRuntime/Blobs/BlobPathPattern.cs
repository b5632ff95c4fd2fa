using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.LocalRuntime.Blobs;

/// <summary>
/// A blob trigger path such as <c>staging/incoming/{publisherId}/{name}</c>: the container, the literal prefix to
/// list, and a matcher that extracts the named values as the Functions host binds them.
/// </summary>
internal sealed partial class BlobPathPattern
{
    private readonly Regex matcher;

    private BlobPathPattern(string container, string prefix, Regex matcher, IReadOnlyList<string> names)
    {
        this.Container = container;
        this.Prefix = prefix;
        this.matcher = matcher;
        this.Names = names;
    }

    public string Container { get; }

    /// <summary>The literal start of blob names that can match: the listing prefix.</summary>
    public string Prefix { get; }

    public IReadOnlyList<string> Names { get; }

    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"Blob trigger path '{path}' must be 'container/pattern'.", nameof(path));
        }

        var container = path[..slash];
        var blobPattern = path[(slash + 1)..];
        var names = new List<string>();
        var regex = new StringBuilder("^");
        var position = 0;
        var placeholders = Placeholder().Matches(blobPattern);
        for (var i = 0; i < placeholders.Count; i++)
        {
            var placeholder = placeholders[i];
            regex.Append(Regex.Escape(blobPattern[position..placeholder.Index]));
            var name = placeholder.Groups[1].Value;
            names.Add(name);

            // The last placeholder may span folders ({name} of "a/b.zip"); earlier ones stay within one segment.
            regex.Append(i == placeholders.Count - 1 ? $"(?<{name}>.+)" : $"(?<{name}>[^/]+)");
            position = placeholder.Index + placeholder.Length;
        }

        regex.Append(Regex.Escape(blobPattern[position..])).Append('$');
        var prefix = placeholders.Count > 0 ? blobPattern[..placeholders[0].Index] : blobPattern;
        return new BlobPathPattern(container, prefix, new Regex(regex.ToString(), RegexOptions.CultureInvariant), names);
    }

    /// <summary>Matches a blob name (without the container); the named values when it matches.</summary>
    public bool TryMatch(string blobName, out IReadOnlyDictionary<string, string> values)
    {
        var match = this.matcher.Match(blobName);
        if (!match.Success)
        {
            values = new Dictionary<string, string>();
            return false;
        }

        values = this.Names.ToDictionary(n => n, n => match.Groups[n].Value, StringComparer.OrdinalIgnoreCase);
        return true;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
