using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Infra.Tests;

/// <summary>Lookups into the compiled main template that several test classes share.</summary>
internal static partial class InfraFacts
{
    /// <summary>The Function App's app settings resource (sites/config 'appsettings').</summary>
    public static ArmResource AppSettingsResource =>
        CompiledInfra.Main.OfType("Microsoft.Web/sites/config").Single(r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));

    /// <summary>App settings by name, with their (unresolved) compiled values.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings =>
        AppSettingsResource.Properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);

    public static ArmResource FunctionApp => CompiledInfra.Main.Single("Microsoft.Web/sites");

    /// <summary>The last segment of a resource name, following a parameter or variable if the name uses one.</summary>
    public static string? LeafName(ArmResource resource)
    {
        var name = resource.Name;
        if (!name.StartsWith('['))
        {
            return name.Split('/')[^1];
        }

        // "[format('{0}/{1}/{2}', parameters('name'), 'default', 'staging')]": the last argument names the leaf.
        var last = LastFormatArgument().Match(name);
        if (!last.Success)
        {
            return null;
        }

        if (last.Groups["literal"].Success)
        {
            return last.Groups["literal"].Value;
        }

        var resolved = ExpressionTracer.Resolve(resource.Owner, "[" + last.Groups["reference"].Value + "]");
        return resolved.Text is { } text && !text.StartsWith('[') ? text : null;
    }

    /// <summary>Resolves a value to a literal, or fails the test with where it got stuck.</summary>
    public static string Literal(ArmTemplate template, string expression)
    {
        var resolved = ExpressionTracer.Resolve(template, expression);
        return resolved.Text is { } text && !text.StartsWith('[')
            ? text
            : throw new Xunit.Sdk.XunitException($"'{expression}' does not resolve to a literal (stopped at {resolved.Value.GetRawText()} in {resolved.Template.Path}).");
    }

    [GeneratedRegex(@", (?:'(?<literal>[^']*)'|(?<reference>(?:parameters|variables)\('[^']+'\)))\)\]$")]
    private static partial Regex LastFormatArgument();
}
