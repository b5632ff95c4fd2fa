using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class ManifestValidatorTests
{
    [Fact]
    public void Validate_SpecExample_NoFindingsAndTypedManifest()
    {
        var result = Validate(ValidManifest());

        Assert.Empty(result.Findings);
        var manifest = Assert.IsType<AssetManifest>(result.Manifest);
        Assert.Equal(AssetId, manifest.Id);
        Assert.Equal("1.2.0", manifest.Version);
        Assert.Equal(AssetKind.Template, manifest.Kind);
        Assert.Equal(AssetPricing.Free, manifest.Pricing);
        Assert.Equal(["http", "api"], manifest.Tags);
        Assert.Equal("^2.0.0", manifest.Dependencies["contoso.logging"]);
        Assert.Equal(">=8.0.0 <11.0.0", manifest.Compatibility.Runtime);
        Assert.Equal(["webapi", "worker"], manifest.Compatibility.ProjectTypes);
        Assert.Equal("*", manifest.Conflicts["fabrikam.legacy-logging"]);
    }

    [Fact]
    public void Validate_OnlyRequiredFields_ManifestWithEmptyOptionals()
    {
        var json = new JsonObject
        {
            ["id"] = "contoso.x", ["version"] = "0.1.0", ["publisher"] = "contoso",
            ["kind"] = "agent", ["license"] = "Apache-2.0", ["pricing"] = "paid",
        };

        var result = Validate(json);

        Assert.DoesNotContain(result.Findings, f => f.IsError);
        var manifest = Assert.IsType<AssetManifest>(result.Manifest);
        Assert.Empty(manifest.Dependencies);
        Assert.Empty(manifest.Compatibility.ProjectTypes);
        Assert.Null(manifest.Compatibility.Runtime);
        Assert.Equal(AssetPricing.Paid, manifest.Pricing);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("publisher")]
    [InlineData("kind")]
    [InlineData("license")]
    [InlineData("pricing")]
    public void Validate_RequiredFieldMissing_FieldCode(string field)
    {
        var json = ValidManifest();
        json.Remove(field);

        var result = Validate(json);

        Assert.Contains("manifest." + field, result.Findings.Errors().Codes());
        Assert.Null(result.Manifest);
    }

    [Theory]
    [InlineData("Contoso.api")]
    [InlineData("contoso..api")]
    [InlineData("contoso.-api")]
    [InlineData("contoso.api-")]
    [InlineData("contoso")]
    [InlineData("contoso.http api")]
    [InlineData("contoso.http_api")]
    [InlineData("fabrikam.api")]
    public void Validate_BadId_ManifestId(string id)
    {
        AssertOnlyError(Set(ValidManifest(), "id", id), FindingCodes.ManifestId);
    }

    [Fact]
    public void Validate_IdLongerThanLimit_ManifestId()
    {
        AssertOnlyError(Set(ValidManifest(), "id", "contoso." + new string('a', 93)), FindingCodes.ManifestId);
    }

    [Fact]
    public void Validate_IdAtLengthLimit_NoFindings()
    {
        Assert.Empty(Validate(Set(ValidManifest(), "id", "contoso." + new string('a', 92))).Findings);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("v1.2.0")]
    [InlineData("01.2.0")]
    [InlineData("1.2.0-")]
    [InlineData("latest")]
    public void Validate_BadVersion_ManifestVersion(string version)
    {
        AssertOnlyError(Set(ValidManifest(), "version", version), FindingCodes.ManifestVersion);
    }

    [Theory]
    [InlineData("2.0.0-beta.1")]
    [InlineData("1.0.0+build.5")]
    [InlineData("10.20.30")]
    public void Validate_SemVerVersion_NoFindings(string version)
    {
        Assert.Empty(Validate(Set(ValidManifest(), "version", version)).Findings);
    }

    [Theory]
    [InlineData("Contoso")]
    [InlineData("con--toso")]
    [InlineData("con.toso")]
    public void Validate_BadPublisher_ManifestPublisher(string publisher)
    {
        var json = Set(ValidManifest(), "publisher", publisher);
        json["id"] = publisher + ".api";

        var result = Validate(json);

        Assert.Contains(FindingCodes.ManifestPublisher, result.Findings.Errors().Codes());
    }

    [Theory]
    [InlineData("plugin")]
    [InlineData("Template")]
    public void Validate_UnknownKind_ManifestKind(string kind)
    {
        AssertOnlyError(Set(ValidManifest(), "kind", kind), FindingCodes.ManifestKind);
    }

    [Theory]
    [InlineData("premium")]
    [InlineData("FREE")]
    public void Validate_UnknownPricing_ManifestPricing(string pricing)
    {
        AssertOnlyError(Set(ValidManifest(), "pricing", pricing), FindingCodes.ManifestPricing);
    }

    [Theory]
    [InlineData("MIT2")]
    [InlineData("UNLICENSED")]
    [InlineData("MIT AND")]
    [InlineData("mit and apache-2.0")]
    public void Validate_BadLicense_ManifestLicense(string license)
    {
        AssertOnlyError(Set(ValidManifest(), "license", license), FindingCodes.ManifestLicense);
    }

    [Fact]
    public void Validate_DisplayNameTooLong_ManifestDisplayName()
    {
        AssertOnlyError(Set(ValidManifest(), "displayName", new string('x', 101)), FindingCodes.ManifestDisplayName);
    }

    [Fact]
    public void Validate_BlankDescription_ManifestDescription()
    {
        AssertOnlyError(Set(ValidManifest(), "description", "  "), FindingCodes.ManifestDescription);
    }

    [Theory]
    [InlineData("displayName", FindingCodes.ManifestMissingDisplayName)]
    [InlineData("description", FindingCodes.ManifestMissingDescription)]
    public void Validate_CatalogueTextMissing_WarningOnly(string field, string code)
    {
        var json = ValidManifest();
        json.Remove(field);

        var result = Validate(json);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((code, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.NotNull(result.Manifest);
    }

    [Fact]
    public void Validate_UnknownField_WarningOnly()
    {
        var result = Validate(Set(ValidManifest(), "homepage", "https://contoso.example"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.ManifestUnknownField, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("homepage", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"Http\"]")]
    [InlineData("[\"http\", \"http\"]")]
    [InlineData("[\"\"]")]
    [InlineData("[null]")]
    [InlineData("[\"a-very-long-tag-name-that-goes-on-and-on\"]")]
    public void Validate_BadTags_ManifestTags(string tags)
    {
        AssertOnlyError(Set(ValidManifest(), "tags", JsonNode.Parse(tags)), FindingCodes.ManifestTags);
    }

    [Fact]
    public void Validate_TooManyTags_ManifestTags()
    {
        var tags = new JsonArray([.. Enumerable.Range(0, 21).Select(i => JsonValue.Create($"tag{i}"))]);

        AssertOnlyError(Set(ValidManifest(), "tags", tags), FindingCodes.ManifestTags);
    }

    [Theory]
    [InlineData("{\"Contoso.Logging\": \"^1.0.0\"}")]
    [InlineData("{\"contoso.logging\": \"not a range\"}")]
    [InlineData("{\"contoso.logging\": \"\"}")]
    [InlineData("{\"contoso.logging\": null}")]
    [InlineData("{\"contoso.http-api\": \"^1.0.0\"}")]
    public void Validate_BadDependencies_ManifestDependencies(string dependencies)
    {
        AssertOnlyError(Set(ValidManifest(), "dependencies", JsonNode.Parse(dependencies)), FindingCodes.ManifestDependencies);
    }

    [Theory]
    [InlineData("{\"fabrikam.legacy\": \">=banana\"}")]
    [InlineData("{\"fabrikam\": \"*\"}")]
    public void Validate_BadConflicts_ManifestConflicts(string conflicts)
    {
        AssertOnlyError(Set(ValidManifest(), "conflicts", JsonNode.Parse(conflicts)), FindingCodes.ManifestConflicts);
    }

    [Theory]
    [InlineData("^1.2.0")]
    [InlineData("~1.2")]
    [InlineData(">=1.0.0 <2.0.0")]
    [InlineData("1.x")]
    [InlineData("*")]
    [InlineData("1.2.3")]
    [InlineData("^1.0.0 || ^2.0.0")]
    public void Validate_NpmRanges_NoFindings(string range)
    {
        var json = ValidManifest();
        json["dependencies"] = new JsonObject { ["contoso.logging"] = range };
        json["compatibility"]!["runtime"] = range;

        Assert.Empty(Validate(json).Findings);
    }

    [Theory]
    [InlineData(">=banana")]
    [InlineData("^^1")]
    [InlineData("")]
    public void Validate_BadRuntimeRange_ManifestCompatibilityRuntime(string runtime)
    {
        var json = ValidManifest();
        json["compatibility"]!["runtime"] = runtime;

        AssertOnlyError(json, FindingCodes.ManifestCompatibilityRuntime);
    }

    [Theory]
    [InlineData("[\"Web API\"]")]
    [InlineData("[\"webapi\", \"webapi\"]")]
    [InlineData("[null]")]
    public void Validate_BadProjectTypes_ManifestCompatibilityProjectTypes(string projectTypes)
    {
        var json = ValidManifest();
        json["compatibility"]!["projectTypes"] = JsonNode.Parse(projectTypes);

        AssertOnlyError(json, FindingCodes.ManifestCompatibilityProjectTypes);
    }

    [Fact]
    public void Validate_ErrorFindings_PointAtManifestFile()
    {
        var result = Validate(Set(ValidManifest(), "version", "x"));

        Assert.All(result.Findings, f => Assert.Equal("marketplace.json", f.Path));
    }

    internal static ManifestValidationResult Validate(JsonObject json)
    {
        var parsed = ManifestParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.Null(parsed.Error);
        return ManifestValidator.Validate(parsed.Document!);
    }

    private static JsonObject Set(JsonObject json, string field, JsonNode? value)
    {
        json[field] = value;
        return json;
    }

    private static void AssertOnlyError(JsonObject json, string code)
    {
        var result = Validate(json);

        Assert.NotEmpty(result.Findings);
        Assert.All(result.Findings, f => Assert.Equal((code, FindingSeverity.Error), (f.Code, f.Severity)));
        Assert.Null(result.Manifest);
    }
}
