using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Security;

/// <summary>Says at start how the HTTP API is protected, so an operator never guesses.</summary>
internal sealed partial class ApiSecurityNotice(ApiTokens tokens, IOptions<ReactorOptions> options, ILogger<ApiSecurityNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!tokens.Required)
        {
            LogOpen(logger, options.Value.Http);
            return Task.CompletedTask;
        }

        foreach (var token in tokens.All)
        {
            LogToken(logger, options.Value.Http, token.Name, string.Join(", ", token.Scopes.Order().Select(ApiScopeNames.Name)), string.Join(", ", token.Publish.Select(g => g.Pattern)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP API on {Http} without a token: loopback only, open to every local process. Set Reactor:Api:Tokens, Reactor:ApiToken or EVENTREACTOR_API_TOKEN to require one")]
    private static partial void LogOpen(ILogger logger, string http);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP API on {Http} accepts the token {Name} with scopes [{Scopes}], publishing [{Publish}]")]
    private static partial void LogToken(ILogger logger, string http, string name, string scopes, string publish);
}
