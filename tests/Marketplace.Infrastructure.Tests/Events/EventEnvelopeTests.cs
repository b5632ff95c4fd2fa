using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Tests.Events;

public class EventEnvelopeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private sealed record Released(string AssetId, string Version, string ContentHash);

    private static EventEnvelope Sample(string? tenantId = "contoso-tenant") => EventEnvelope.Create(
        EventTypes.AssetVersionReleased,
        EventSources.Publishing,
        EventSubjects.AssetVersion("contoso.http-api", "1.2.0"),
        "publish-123",
        "released",
        new Released("contoso.http-api", "1.2.0", "sha256:abc"),
        Noon,
        causationId: "req-9",
        tenantId: tenantId);

    [Fact]
    public void Serialize_Envelope_HasExactlyTheSpecAttributesInOrder()
    {
        var json = EventEnvelopeJson.Serialize(Sample());
        var names = JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToArray();

        Assert.Equal(
            ["specversion", "id", "type", "source", "subject", "time", "datacontenttype", "correlationid", "causationid", "tenantid", "data"],
            names);
    }

    [Fact]
    public void Serialize_Envelope_WritesSpecValues()
    {
        var node = JsonNode.Parse(EventEnvelopeJson.Serialize(Sample()))!;

        Assert.Equal("1.0", (string?)node["specversion"]);
        Assert.Equal(EventIds.Derive("publish-123", "released").ToString("D"), (string?)node["id"]);
        Assert.Equal("marketplace.asset.version-released", (string?)node["type"]);
        Assert.Equal("/marketplace/publishing", (string?)node["source"]);
        Assert.Equal("assets/contoso.http-api/versions/1.2.0", (string?)node["subject"]);
        Assert.Equal("2026-12-03T12:00:00Z", (string?)node["time"]);
        Assert.Equal("application/json", (string?)node["datacontenttype"]);
        Assert.Equal("publish-123", (string?)node["correlationid"]);
        Assert.Equal("req-9", (string?)node["causationid"]);
        Assert.Equal("contoso-tenant", (string?)node["tenantid"]);
        Assert.Equal("sha256:abc", (string?)node["data"]!["contentHash"]);
    }

    [Fact]
    public void Serialize_NoTenant_OmitsTenantId()
    {
        var node = JsonNode.Parse(EventEnvelopeJson.Serialize(Sample(tenantId: null)))!.AsObject();

        Assert.False(node.ContainsKey("tenantid"));
    }

    [Fact]
    public void Serialize_OffsetTimeWithFraction_WritesUtcWithZ()
    {
        var envelope = Sample() with { Time = new DateTimeOffset(2026, 12, 3, 13, 0, 0, 250, TimeSpan.FromHours(1)) };

        Assert.Equal("2026-12-03T12:00:00.25Z", (string?)JsonNode.Parse(EventEnvelopeJson.Serialize(envelope))!["time"]);
    }

    [Fact]
    public void Deserialize_SerializedEnvelope_RoundTrips()
    {
        var original = Sample();

        var back = EventEnvelopeJson.Deserialize(EventEnvelopeJson.Serialize(original));

        Assert.Equal(original with { Data = default }, back with { Data = default });
        Assert.Equal(new Released("contoso.http-api", "1.2.0", "sha256:abc"), back.DataAs<Released>());
    }

    [Fact]
    public void Create_SameStepTwice_SameId_OtherStep_OtherId()
    {
        var again = Sample();
        var other = EventEnvelope.Create(EventTypes.AssetIndexed, EventSources.Publishing, "s", "publish-123", "indexed", new { }, Noon);

        Assert.Equal(Sample().Id, again.Id);
        Assert.NotEqual(Sample().Id, other.Id);
    }

    [Fact]
    public void Create_EmptyType_Throws()
    {
        Assert.Throws<ArgumentException>(() => EventEnvelope.Create("", EventSources.Publishing, "s", "c", "step", new { }, Noon));
    }

    [Fact]
    public void Deserialize_SpecExample_ReadsAllAttributes()
    {
        const string json = """
            {
              "specversion": "1.0",
              "id": "8c0f2d0e-3a3b-4c5e-9a57-2f0d8c7f1b11",
              "type": "marketplace.asset.version-released",
              "source": "/marketplace/publishing",
              "subject": "assets/contoso.http-api/versions/1.2.0",
              "time": "2026-12-03T12:00:00Z",
              "datacontenttype": "application/json",
              "correlationid": "publish-1",
              "causationid": "c-1",
              "tenantid": "t-1",
              "data": { "assetId": "contoso.http-api" }
            }
            """;

        var envelope = EventEnvelopeJson.Deserialize(json);

        Assert.Equal("8c0f2d0e-3a3b-4c5e-9a57-2f0d8c7f1b11", envelope.Id);
        Assert.Equal(Noon, envelope.Time);
        Assert.Equal("publish-1", envelope.CorrelationId);
        Assert.Equal("c-1", envelope.CausationId);
        Assert.Equal("t-1", envelope.TenantId);
        Assert.Equal("contoso.http-api", envelope.Data.GetProperty("assetId").GetString());
        Assert.Equal(JsonValueKind.Object, envelope.Data.ValueKind);
    }
}
