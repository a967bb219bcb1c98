using EventReactor.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Rules;

/// <summary>
/// Loads the rules as a start-up step: in <see cref="StartingAsync"/>, which the host runs before it starts any hosted
/// service (the bus's among them), whatever order they were registered in. An invalid set stops start-up with every
/// problem listed.
/// </summary>
internal sealed partial class RuleSetStartupLoader(RuleSetProvider provider, ILogger<RuleSetStartupLoader> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var result = provider.Reload();
        if (!result.IsValid)
        {
            throw new RuleSetInvalidException(result.Diagnostics);
        }

        LogLoaded(logger, result.RuleSet!.Rules.Count, result.Files.Count, string.Join(", ", result.Files));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {RuleCount} rules from {FileCount} files: {Files}")]
    private static partial void LogLoaded(ILogger logger, int ruleCount, int fileCount, string files);
}
