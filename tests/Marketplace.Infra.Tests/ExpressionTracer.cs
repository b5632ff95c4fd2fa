using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Infra.Tests;

/// <summary>A value after following references, and the template it was found in.</summary>
internal sealed record Resolved(JsonElement Value, ArmTemplate Template)
{
    public string? Text => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Value.GetRawText(),
        _ => null,
    };
}

/// <summary>
/// Everything an expression draws on: the expressions reached, the templates (modules) they sit in, and any secure
/// parameters on the way.
/// </summary>
internal sealed record Provenance(IReadOnlyList<string> Expressions, IReadOnlyList<ArmTemplate> Templates, IReadOnlyList<string> SecureParameters)
{
    public bool Mentions(string text) => Expressions.Any(e => e.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a module on the way declares a resource of the type, so the value is one of its outputs.</summary>
    public bool PassesThroughModuleDeclaring(string type) =>
        Templates.Any(t => t.Resources.Any(r => !r.IsExisting && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// Follows how a compiled Bicep template passes values: parameters('x') to the module's parameter value in the parent
/// (or its default), variables('x'), and reference('module').outputs.y.value to that module's output. A value set in
/// app settings can so be traced back to the resource property or literal it comes from.
/// </summary>
internal static partial class ExpressionTracer
{
    private const int MaxSteps = 200;

    public static Resolved Resolve(ArmTemplate template, string expression) =>
        Resolve(template, JsonSerializer.SerializeToElement(expression));

    /// <summary>Follows a value while it is exactly one reference (optionally inside string()).</summary>
    public static Resolved Resolve(ArmTemplate template, JsonElement value)
    {
        var current = new Resolved(value, template);
        for (var step = 0; step < MaxSteps; step++)
        {
            if (current.Value.ValueKind != JsonValueKind.String)
            {
                return current;
            }

            var text = current.Value.GetString() ?? "";
            var asString = StringCall().Match(text);
            if (asString.Success)
            {
                var inner = Resolve(current.Template, "[" + asString.Groups[1].Value + "]");
                return inner.Text is { } literal && !literal.StartsWith('[')
                    ? new Resolved(JsonSerializer.SerializeToElement(literal), inner.Template)
                    : current;
            }

            var whole = WholeReference().Match(text);
            if (!whole.Success || Step(current.Template, whole.Groups[1].Value) is not { } next)
            {
                return current;
            }

            current = next;
        }

        throw new InvalidOperationException("Reference cycle in template.");
    }

    /// <summary>Every expression the given one draws on, through any number of modules.</summary>
    public static Provenance Trace(ArmTemplate template, string expression)
    {
        var expressions = new List<string>();
        var templates = new List<ArmTemplate>();
        var secure = new List<string>();
        var seen = new HashSet<(ArmTemplate, string)>();
        var pending = new Queue<(ArmTemplate Template, string Text)>();
        pending.Enqueue((template, expression));
        while (pending.Count > 0 && expressions.Count < MaxSteps)
        {
            var (owner, text) = pending.Dequeue();
            if (!seen.Add((owner, text)))
            {
                continue;
            }

            expressions.Add(text);
            if (!templates.Contains(owner))
            {
                templates.Add(owner);
            }

            foreach (Match reference in AnyReference().Matches(text))
            {
                if (IsSecureParameter(owner, reference.Value))
                {
                    secure.Add($"{owner.Path}:{reference.Value}");
                }

                if (Step(owner, reference.Value) is { } next)
                {
                    pending.Enqueue((next.Template, next.Value.ValueKind == JsonValueKind.String ? next.Value.GetString() ?? "" : next.Value.GetRawText()));
                }
            }
        }

        return new Provenance(expressions, templates, secure);
    }

    private static Resolved? Step(ArmTemplate template, string reference)
    {
        var parameter = Parameter().Match(reference);
        if (parameter.Success)
        {
            var name = parameter.Groups[1].Value;
            if (template.Deployment is { } deployment
                && deployment.GetProperty("properties").TryGetProperty("parameters", out var passed)
                && passed.TryGetProperty(name, out var given)
                && given.TryGetProperty("value", out var givenValue))
            {
                return new Resolved(givenValue, template.Parent!);
            }

            return template.Parameter(name) is { } declared && declared.TryGetProperty("defaultValue", out var fallback)
                ? new Resolved(fallback, template)
                : null;
        }

        var variable = Variable().Match(reference);
        if (variable.Success)
        {
            return template.Variable(variable.Groups[1].Value) is { } value ? new Resolved(value, template) : null;
        }

        var output = ModuleOutput().Match(reference);
        if (output.Success
            && template.Modules.TryGetValue(output.Groups[1].Value, out var module)
            && module.Output(output.Groups[2].Value) is { } declaredOutput
            && declaredOutput.TryGetProperty("value", out var outputValue))
        {
            return new Resolved(outputValue, module);
        }

        return null;
    }

    private static bool IsSecureParameter(ArmTemplate template, string reference)
    {
        var parameter = Parameter().Match(reference);
        return parameter.Success
            && template.Parameter(parameter.Groups[1].Value) is { } declared
            && declared.TryGetProperty("type", out var type)
            && (type.GetString() ?? "").StartsWith("secure", true, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\[(parameters\('[^']+'\)|variables\('[^']+'\)|reference\('[^']+'\)\.outputs\.[A-Za-z0-9_]+\.value)\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"^\[string\((.+)\)\]$")]
    private static partial Regex StringCall();

    [GeneratedRegex(@"parameters\('[^']+'\)|variables\('[^']+'\)|reference\('[^']+'\)\.outputs\.[A-Za-z0-9_]+\.value")]
    private static partial Regex AnyReference();

    [GeneratedRegex(@"^parameters\('([^']+)'\)$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^variables\('([^']+)'\)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^reference\('([^']+)'\)\.outputs\.([A-Za-z0-9_]+)\.value$")]
    private static partial Regex ModuleOutput();
}
