using System.Text.Json.Serialization;

namespace Marketplace.Domain.Packaging;

/// <summary>What an asset is; serialized in lowercase as in the manifest.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssetKind>))]
public enum AssetKind
{
    /// <summary>A project template.</summary>
    [JsonStringEnumMemberName("template")]
    Template,

    /// <summary>A reusable component.</summary>
    [JsonStringEnumMemberName("component")]
    Component,

    /// <summary>An agent definition.</summary>
    [JsonStringEnumMemberName("agent")]
    Agent,

    /// <summary>A workflow definition.</summary>
    [JsonStringEnumMemberName("workflow")]
    Workflow,

    /// <summary>A policy definition.</summary>
    [JsonStringEnumMemberName("policy")]
    Policy,
}
