using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Tests.Events;

public class EventIdsTests
{
    [Fact]
    public void NameBasedGuid_PythonDocsVector_MatchesRfc4122Version5()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') from the Python documentation.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(dns, "python.org"));
    }

    [Fact]
    public void Derive_SameCorrelationAndStep_SameId()
    {
        Assert.Equal(EventIds.Derive("publish-42", "released"), EventIds.Derive("publish-42", "released"));
    }

    [Fact]
    public void Derive_KnownInput_IsFixedForever()
    {
        // Computed independently: uuid5(UUID('5b0c8a3e-7d2f-4b61-9e55-1c4f0a6d2e90'), '7:publish|8:released').
        Assert.Equal(new Guid("641eaff3-06d1-54f3-8c2e-342becc1a80f"), EventIds.Derive("publish", "released"));
    }

    [Theory]
    [InlineData("publish-42", "released", "publish-42", "indexed")]
    [InlineData("publish-42", "released", "publish-43", "released")]
    [InlineData("a/b", "c", "a", "b/c")]
    [InlineData("a|1:b", "c", "a", "b|1:c")]
    public void Derive_DifferentParts_DifferentIds(string correlationA, string stepA, string correlationB, string stepB)
    {
        Assert.NotEqual(EventIds.Derive(correlationA, stepA), EventIds.Derive(correlationB, stepB));
    }

    [Fact]
    public void Derive_Always_SetsVersion5AndRfcVariant()
    {
        var text = EventIds.Derive("install-7", "installed").ToString("D");

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Theory]
    [InlineData("", "step")]
    [InlineData("saga", " ")]
    public void Derive_EmptyPart_Throws(string correlationId, string step)
    {
        Assert.Throws<ArgumentException>(() => EventIds.Derive(correlationId, step));
    }

    [Fact]
    public void DeadLetterIds_SameSourceAndMessage_SameId_OtherSource_OtherId()
    {
        Assert.Equal(DeadLetterIds.Derive("marketplace-commands", "m1"), DeadLetterIds.Derive("marketplace-commands", "m1"));
        Assert.NotEqual(DeadLetterIds.Derive("marketplace-commands", "m1"), DeadLetterIds.Derive("other-queue", "m1"));
        Assert.Matches("^[0-9a-f]{32}$", DeadLetterIds.Derive("q", "m"));
    }
}
