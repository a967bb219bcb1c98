using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Security;

/// <summary>Says at start how the HTTP API is protected, so an operator never guesses.</summary>
internal sealed partial class ApiSecurityNotice(ApiToken token, IOptions<ReactorOptions> options, ILogger<ApiSecurityNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (token.Value is null)
        {
            LogOpen(logger, options.Value.Http);
        }
        else
        {
            LogProtected(logger, options.Value.Http);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP API on {Http} without a token: loopback only, open to every local process. Set Reactor:ApiToken, Reactor:ApiTokenFile or EVENTREACTOR_API_TOKEN to require one")]
    private static partial void LogOpen(ILogger logger, string http);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP API on {Http}; /api requires the bearer token")]
    private static partial void LogProtected(ILogger logger, string http);
}
