namespace Marketplace.Domain.Installation;

/// <summary>Rules for a file path inside a target: relative, forward slashes, no <c>..</c>.</summary>
public static class TargetPaths
{
    /// <summary>The longest path accepted.</summary>
    public const int MaxLength = 900;

    /// <summary>Returns why <paramref name="path"/> is not a valid target path, or <see langword="null"/> when it is.</summary>
    public static string? Validate(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "The path is empty.";
        }

        if (path.Length > MaxLength)
        {
            return $"The path is longer than {MaxLength} characters.";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return $"The path '{path}' contains a backslash; use '/'.";
        }

        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            return $"The path '{path}' is absolute; it must be relative.";
        }

        if (path.Any(char.IsControl))
        {
            return "The path contains a control character.";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return $"The path '{path}' has an empty, '.' or '..' segment.";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="path"/> is not a valid target path.</summary>
    public static string Require(string path) =>
        Validate(path) is { } problem ? throw new ArgumentException(problem, nameof(path)) : path;
}
