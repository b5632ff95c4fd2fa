namespace Marketplace.Cli;

/// <summary>The process exit codes of the marketplace CLI.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded (for <c>resolve</c>: a solution exists).</summary>
    public const int Success = 0;

    /// <summary><c>resolve</c>: the problem has no solution (a conflict).</summary>
    public const int Conflict = 1;

    /// <summary>The input was malformed: a bad problem file, a missing file, or bad command-line arguments.</summary>
    public const int BadInput = 2;

    /// <summary><c>resolve</c>: the resolver used up its step budget before reaching an answer.</summary>
    public const int GaveUp = 3;

    /// <summary>A bug: an unexpected exception escaped a command (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
