namespace Marketplace.Functions.Commands;

/// <summary>What became of a valid command.</summary>
/// <param name="Accepted">Whether the marketplace took it (a saga started, or the one for the same command exists).</param>
/// <param name="Detail">What was started, or why it was refused, for logs and the dead-letter entry.</param>
public sealed record CommandOutcome(bool Accepted, string Detail)
{
    /// <summary>Taken.</summary>
    /// <param name="detail">What was started.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome Done(string detail) => new(true, detail);

    /// <summary>Refused; the message is dead-lettered with <see cref="CommandReasons.Rejected"/>.</summary>
    /// <param name="detail">Why.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome Refused(string detail) => new(false, detail);
}
