using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Identity;

/// <summary>Functions worker middleware: attaches the caller to every HTTP invocation.</summary>
public sealed class ClientPrincipalMiddleware(IOptions<IdentityOptions> options) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext)
        {
            CallerResolver.Attach(httpContext, options.Value);
        }

        return next(context);
    }
}
