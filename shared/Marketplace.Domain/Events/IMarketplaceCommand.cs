namespace Marketplace.Domain.Events;

/// <summary>A command's data, as carried in a command envelope's <c>data</c>.</summary>
public interface IMarketplaceCommand
{
    /// <summary>Checks the command's fields.</summary>
    /// <returns>One message per problem; empty when the command is valid.</returns>
    IReadOnlyList<string> Validate();
}
