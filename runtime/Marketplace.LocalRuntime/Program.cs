using Marketplace.LocalRuntime;

// The embedded local runtime: `./run.sh` starts it after Azurite. It hosts the same functions as `func start`.
var options = new LocalRuntimeOptions
{
    Args = args,
    LocalSettingsPath = new[] { "local.settings.json", Path.Combine("functions", "local.settings.json") }.FirstOrDefault(File.Exists),
};
if (Environment.GetEnvironmentVariable("MARKETPLACE_URLS") is { Length: > 0 } urls)
{
    options.Urls = urls;
}

await using var runtime = await LocalRuntimeHost.StartAsync(options);
await runtime.WaitForShutdownAsync();
