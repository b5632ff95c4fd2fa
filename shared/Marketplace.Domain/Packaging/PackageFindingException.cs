using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Thrown by package entry streams when the data breaks a rule while it is being read
/// (a limit, a size or CRC that disagrees with the header). Carries the matching finding.
/// </summary>
public sealed class PackageFindingException : Exception
{
    /// <summary>Creates the exception for a finding.</summary>
    public PackageFindingException(Finding finding)
        : base(finding.Message) => Finding = finding;

    /// <summary>Creates the exception without a finding; prefer the finding constructor.</summary>
    public PackageFindingException()
        : this(Finding.Error(FindingCodes.EntryCorrupt, null, "The package entry is invalid."))
    {
    }

    /// <summary>Creates the exception with a message; prefer the finding constructor.</summary>
    public PackageFindingException(string message)
        : this(Finding.Error(FindingCodes.EntryCorrupt, null, message))
    {
    }

    /// <summary>Creates the exception with a message and cause; prefer the finding constructor.</summary>
    public PackageFindingException(string message, Exception innerException)
        : base(message, innerException) =>
        Finding = Finding.Error(FindingCodes.EntryCorrupt, null, message);

    /// <summary>The finding that describes what was wrong.</summary>
    public Finding Finding { get; }
}
