using Marketplace.Domain.Installation;

namespace Marketplace.Domain.Tests.Installation;

public sealed class EntitlementRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    public void IsLive_RelativeToExpiry_IsLiveOnlyBeforeIt(int? expiresInSeconds, bool live)
    {
        var entitlement = new EntitlementRecord("tenant-a", "contoso.premium", expiresInSeconds is { } s ? Now.AddSeconds(s) : null, Now.AddDays(-1), "billing");

        Assert.Equal(live, entitlement.IsLive(Now));
    }
}
