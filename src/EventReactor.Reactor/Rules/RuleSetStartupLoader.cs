using EventReactor.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Rules;

/// <summary>Loads the rules before the bus starts; an invalid set stops start-up with every problem listed.</summary>
internal sealed partial class RuleSetStartupLoader(RuleSetProvider provider, ILogger<RuleSetStartupLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var result = provider.Reload();
        if (!result.IsValid)
        {
            throw new RuleSetInvalidException(result.Diagnostics);
        }

        LogLoaded(logger, result.RuleSet!.Rules.Count, result.Files.Count, string.Join(", ", result.Files));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {RuleCount} rules from {FileCount} files: {Files}")]
    private static partial void LogLoaded(ILogger logger, int ruleCount, int fileCount, string files);
}
