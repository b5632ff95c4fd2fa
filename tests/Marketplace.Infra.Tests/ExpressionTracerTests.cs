namespace Marketplace.Infra.Tests;

/// <summary>The tracer follows values across modules, so a secret cannot hide behind a module parameter.</summary>
public class ExpressionTracerTests
{
    // A parent passes a listKeys() result into a module, whose app setting uses it through a parameter; a second
    // module returns an output through a secure parameter.
    private const string Template = """
        {
          "parameters": { "env": { "type": "string", "defaultValue": "dev" } },
          "variables": { "topic": "marketplace-events" },
          "resources": {
            "keys": {
              "type": "Microsoft.Resources/deployments",
              "properties": {
                "parameters": { "secret": { "value": "[parameters('env')]" } },
                "template": {
                  "parameters": { "secret": { "type": "securestring" } },
                  "resources": [],
                  "outputs": { "value": { "type": "string", "value": "[parameters('secret')]" } }
                }
              }
            },
            "app": {
              "type": "Microsoft.Resources/deployments",
              "properties": {
                "parameters": {
                  "connection": { "value": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2025-06-01').keys[0].value]" },
                  "fromSecure": { "value": "[reference('keys').outputs.value.value]" },
                  "topic": { "value": "[variables('topic')]" }
                },
                "template": {
                  "parameters": { "connection": { "type": "string" }, "fromSecure": { "type": "string" }, "topic": { "type": "string" } },
                  "resources": [
                    {
                      "type": "Microsoft.Web/sites/config",
                      "name": "[format('{0}/{1}', 'app', 'appsettings')]",
                      "properties": {
                        "Storage": "[parameters('connection')]",
                        "Other": "[parameters('fromSecure')]",
                        "Topic": "[parameters('topic')]"
                      }
                    }
                  ]
                }
              }
            }
          }
        }
        """;

    private static ArmTemplate App => ArmTemplate.Parse(Template, "test").Modules["app"];

    [Fact]
    public void Trace_SettingFedByParentListKeys_ReachesListKeys()
    {
        var trace = ExpressionTracer.Trace(App, "[parameters('connection')]");

        Assert.Contains("listKeys(", trace.Expressions.SelectMany(SecretPatterns.Find));
    }

    [Fact]
    public void Trace_SettingFedBySecureParameterInAnotherModule_ReportsTheSecureParameter()
    {
        var trace = ExpressionTracer.Trace(App, "[parameters('fromSecure')]");

        Assert.Equal(["test/keys:parameters('secret')"], trace.SecureParameters);
    }

    [Fact]
    public void Resolve_ParameterFedByParentVariable_ReturnsTheLiteral()
    {
        Assert.Equal("marketplace-events", ExpressionTracer.Resolve(App, "[parameters('topic')]").Text);
    }

    [Fact]
    public void Resolve_ParameterFedByAFunctionCall_StopsAtTheCall()
    {
        var resolved = ExpressionTracer.Resolve(App, "[parameters('connection')]");

        Assert.StartsWith("[listKeys(", resolved.Text, StringComparison.Ordinal);
        Assert.Equal("test", resolved.Template.Path);
    }
}
