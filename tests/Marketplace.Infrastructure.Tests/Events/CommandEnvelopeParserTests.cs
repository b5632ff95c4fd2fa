using System.Text.Json.Nodes;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Tests.Events;

public class CommandEnvelopeParserTests
{
    private static JsonObject Command(string type, JsonObject data) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = "cmd-1",
        ["type"] = type,
        ["source"] = "/other-platform",
        ["time"] = "2026-12-03T12:00:00Z",
        ["datacontenttype"] = "application/json",
        ["data"] = data,
    };

    private static JsonObject Install(string? version = "^1.2.0") => Command(CommandTypes.InstallAsset, new JsonObject
    {
        ["tenantId"] = "tenant-1",
        ["targetId"] = "target-1",
        ["assetId"] = "contoso.http-api",
        ["version"] = version,
    });

    private static JsonObject Publish(string blobName) => Command(CommandTypes.PublishAsset, new JsonObject
    {
        ["publisherId"] = "contoso",
        ["blobName"] = blobName,
    });

    [Fact]
    public void Parse_ValidInstall_ReturnsTypedCommand()
    {
        var result = CommandEnvelopeParser.Parse(Install().ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Equal(new InstallAssetCommand("tenant-1", "target-1", "contoso.http-api", "^1.2.0"), result.Command);
        Assert.Equal("cmd-1", result.Envelope.Id);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_InstallWithoutVersion_MeansLatest()
    {
        var json = Install();
        json["data"]!.AsObject().Remove("version");

        var command = Assert.IsType<InstallAssetCommand>(CommandEnvelopeParser.Parse(json.ToJsonString()).Command);

        Assert.Null(command.Version);
    }

    [Fact]
    public void Parse_ValidPublish_ReturnsTypedCommand()
    {
        var result = CommandEnvelopeParser.Parse(Publish("incoming/contoso/http-api-1.2.0.zip").ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Equal(new PublishAssetCommand("contoso", "incoming/contoso/http-api-1.2.0.zip"), result.Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"specversion\":")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void Parse_NotAJsonObject_InvalidJson(string raw)
    {
        var result = CommandEnvelopeParser.Parse(raw);

        Assert.False(result.Succeeded);
        Assert.Equal(CommandParseReasons.InvalidJson, result.ReasonCode);
        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [InlineData("specversion", null)]
    [InlineData("specversion", "0.3")]
    [InlineData("id", null)]
    [InlineData("id", "")]
    [InlineData("source", null)]
    [InlineData("type", null)]
    [InlineData("time", "yesterday")]
    public void Parse_MissingOrWrongAttribute_NotCloudEvent(string attribute, string? value)
    {
        var json = Install();
        json.Remove(attribute);
        if (value is not null)
        {
            json[attribute] = value;
        }

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal(CommandParseReasons.NotCloudEvent, result.ReasonCode);
        Assert.Null(result.Envelope);
    }

    [Fact]
    public void Parse_NotCloudEventWithReadableId_KeepsIdForDeadLetter()
    {
        var json = Install();
        json["specversion"] = "0.3";

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal("cmd-1", result.EventId);
        Assert.Equal(CommandTypes.InstallAsset, result.EventType);
    }

    [Fact]
    public void Parse_EventTypeInsteadOfCommand_UnknownType()
    {
        var result = CommandEnvelopeParser.Parse(Command(EventTypes.AssetInstalled, []).ToJsonString());

        Assert.Equal(CommandParseReasons.UnknownType, result.ReasonCode);
        Assert.Equal(EventTypes.AssetInstalled, result.EventType);
        Assert.Contains(CommandTypes.InstallAsset, result.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingData_InvalidData()
    {
        var json = Install();
        json.Remove("data");

        Assert.Equal(CommandParseReasons.InvalidData, CommandEnvelopeParser.Parse(json.ToJsonString()).ReasonCode);
    }

    [Fact]
    public void Parse_DataFieldOfWrongJsonType_InvalidData()
    {
        var json = Install();
        json["data"]!["tenantId"] = 42;

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.NotNull(result.Envelope);
    }

    [Fact]
    public void Parse_XmlContentType_InvalidData()
    {
        var json = Install();
        json["datacontenttype"] = "application/xml";

        Assert.Equal(CommandParseReasons.InvalidData, CommandEnvelopeParser.Parse(json.ToJsonString()).ReasonCode);
    }

    [Theory]
    [InlineData("tenantId", null, "'tenantId' is required.")]
    [InlineData("tenantId", "  ", "'tenantId' is required.")]
    [InlineData("targetId", "a/b", "'targetId' must not contain")]
    [InlineData("assetId", "NotAnAsset", "'assetId'")]
    [InlineData("version", "", "'version', when given")]
    public void Parse_InstallFieldInvalid_InvalidDataWithMessage(string field, string? value, string message)
    {
        var json = Install();
        json["data"]![field] = value;

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.Contains(result.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TooLongTargetId_InvalidData()
    {
        var json = Install();
        json["data"]!["targetId"] = new string('t', 129);

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.Contains(result.Errors, e => e.Contains("at most 128", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InstallEverythingMissing_ListsEveryProblem()
    {
        var result = CommandEnvelopeParser.Parse(Command(CommandTypes.InstallAsset, []).ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.Equal(3, result.Errors.Count);
    }

    [Theory]
    [InlineData("incoming/fabrikam/pkg.zip")]
    [InlineData("staging/incoming/contoso/pkg.zip")]
    [InlineData("incoming/contoso/pkg.tar.gz")]
    [InlineData("incoming/contoso/.zip")]
    [InlineData("incoming/contoso/../fabrikam/pkg.zip")]
    [InlineData("incoming/contoso//pkg.zip")]
    [InlineData("")]
    public void Parse_PublishBlobOutsideThePublishersInbox_InvalidData(string blobName)
    {
        var result = CommandEnvelopeParser.Parse(Publish(blobName).ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_PublishInvalidPublisher_InvalidData()
    {
        var json = Publish("incoming/Contoso!/pkg.zip");
        json["data"]!["publisherId"] = "Contoso!";

        var result = CommandEnvelopeParser.Parse(json.ToJsonString());

        Assert.Equal(CommandParseReasons.InvalidData, result.ReasonCode);
        Assert.Contains(result.Errors, e => e.StartsWith("'publisherId'", StringComparison.Ordinal));
    }
}
