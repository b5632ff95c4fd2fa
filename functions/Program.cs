using Marketplace.Functions.Configuration;
using Marketplace.Functions.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host entry point (Core Tools locally, Azure Functions in the cloud). The local runtime in
// runtime/Marketplace.LocalRuntime hosts the same functions through the same AddMarketplace registrations.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ClientPrincipalMiddleware>();
builder.Services.AddMarketplace(builder.Configuration);
builder.Build().Run();
