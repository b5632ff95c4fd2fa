namespace Marketplace.Infrastructure.Installation;

/// <summary>What the saga keeps to roll an applied installation back (or commit it).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="TargetId">The target the installation was applied to.</param>
/// <param name="InstallationId">The installation.</param>
/// <param name="JournalEntryCount">How many journal entries (files and installed-asset rows) the apply recorded.</param>
public sealed record RollbackToken(string TenantId, string TargetId, string InstallationId, int JournalEntryCount);
