using System.Threading.Channels;
using EventReactor.Reactor.Outbox;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Rules;
using EventReactor.Messaging;
using EventReactor.Reactor.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Rules;

/// <summary>
/// Watches the rules folder. A change is loaded as a whole set: valid, it replaces the old set and
/// <c>reactor/rules/loaded</c> fires; invalid, the old set stays and <c>reactor/rules/invalid</c> carries every error.
/// Every reactor loads the rules it evaluates, but only the holder of the <see cref="LeaseName.RuleAnnouncements"/> lease
/// announces: on taking the lease, the set in force (so once at start, and once by the new holder after a failover),
/// then each reload while it holds it.
/// </summary>
internal sealed partial class RulesWatcher(
    RuleSetProvider provider,
    IEventEmitter emitter,
    LeaseKeeper leases,
    IHostApplicationLifetime lifetime,
    IOptions<ReactorOptions> options,
    ILogger<RulesWatcher> logger) : BackgroundService
{
    public const string LoadedTag = ReactorTags.RulesLoaded;
    public const string InvalidTag = ReactorTags.RulesInvalid;

    // Editors save in bursts (temp file, rename, chmod); wait for quiet before loading.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    // The latest reload not yet announced; a reactor without the lease keeps only the newest and drops it on taking the lease.
    private readonly Channel<RuleSetLoadResult> _reloads = Channel.CreateBounded<RuleSetLoadResult>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watching = WatchAsync(stoppingToken);

        // Events emitted before the bus has started would wait on it; the host says when everything is up.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(watching, leases.RunWhileHeldAsync(LeaseName.RuleAnnouncements, AnnounceWhileHeldAsync, stoppingToken));
    }

    private async Task AnnounceWhileHeldAsync(LeaseToken lease, CancellationToken held)
    {
        while (_reloads.Reader.TryRead(out _))
        {
            // Loaded before this reactor held the lease: the set in force, announced next, covers it.
        }

        if (provider.LastResult is { } current)
        {
            await AnnounceAsync(current, lease, held);
        }

        await foreach (var result in _reloads.Reader.ReadAllAsync(held))
        {
            await AnnounceAsync(result, lease, held);
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(Path.GetFullPath(options.Value.RulesPath))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler onChange = (_, change) => Signal(change.FullPath);
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, rename) =>
        {
            Signal(rename.OldFullPath);
            Signal(rename.FullPath);
        };
        watcher.EnableRaisingEvents = true;
        try
        {
            while (await changed.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Debounce, stoppingToken);
                while (changed.Reader.TryRead(out _))
                {
                    // Coalesce the burst into one reload.
                }

                var result = provider.Reload();
                Log(result);
                _reloads.Writer.TryWrite(result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        void Signal(string path)
        {
            if (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            {
                changed.Writer.TryWrite(true);
            }
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
    }

    private void Log(RuleSetLoadResult result)
    {
        if (result.IsValid)
        {
            LogReloaded(logger, result.RuleSet!.Rules.Count, result.Files.Count);
        }
        else
        {
            LogInvalid(logger, result.Diagnostics.Count, string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    private async Task AnnounceAsync(RuleSetLoadResult result, LeaseToken lease, CancellationToken cancellationToken)
    {
        var data = result.IsValid
            ? EventData.ToElement(new RulesLoaded(result.Files, result.RuleSet!.Rules.Count))
            : EventData.ToElement(new RulesRejected(result.Files, result.Diagnostics.Select(d => d.ToString()).ToList()));
        try
        {
            await emitter.EmitAsync(EventEnvelope.Create(result.IsValid ? LoadedTag : InvalidTag, ReactorTags.Source, data), lease, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or LeaseLostException))
        {
            LogAnnounceFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules reloaded: {RuleCount} rules from {FileCount} files")]
    private static partial void LogReloaded(ILogger logger, int ruleCount, int fileCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules not reloaded; the previous set stays in force. {Count} problems:\n{Problems}")]
    private static partial void LogInvalid(ILogger logger, int count, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the rule set: {Reason}")]
    private static partial void LogAnnounceFailed(ILogger logger, string reason);
}
