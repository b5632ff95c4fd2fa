using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Events;

/// <summary>One Azurite shared by the event and governance storage tests; each test uses its own table, queue or keys.</summary>
[CollectionDefinition(Name)]
public sealed class EventsStorage : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Events and governance storage";

    /// <summary>A storage name no other test uses: lowercase letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];
}
