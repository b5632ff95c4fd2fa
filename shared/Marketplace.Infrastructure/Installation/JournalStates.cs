namespace Marketplace.Infrastructure.Installation;

/// <summary>The states of an installation's rollback journal.</summary>
public static class JournalStates
{
    /// <summary>Apply has begun (or is being retried); rollback is possible.</summary>
    public const string Applying = "Applying";

    /// <summary>The installation succeeded; prior bytes are deleted, the entries remain as a summary; no rollback.</summary>
    public const string Committed = "Committed";

    /// <summary>The target was restored; the installation cannot be applied again.</summary>
    public const string RolledBack = "RolledBack";
}
