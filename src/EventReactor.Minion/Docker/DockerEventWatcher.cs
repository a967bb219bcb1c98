using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Contracts;
using EventReactor.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Follows the engine's container events and publishes them in order through the outbox. When the engine is away it
/// logs one error, then retries with exponential backoff. On every (re)connect it catches up: it replays what the
/// engine still holds since the last event seen, then reconciles against the list of containers (the engine keeps
/// only its last events, and none across its restart) and emits what was missed, marked <c>reconciled</c>.
/// </summary>
internal sealed partial class DockerEventWatcher(
    DockerClientFactory clients,
    [FromKeyedServices(MinionServiceKeys.Outbox)] IEventPublisher publisher,
    ContainerStateStore states,
    IOptions<MinionOptions> options,
    ILogger<DockerEventWatcher> logger) : BackgroundService
{
    private static readonly Dictionary<string, IDictionary<string, bool>> ContainerEvents = new() { ["type"] = new Dictionary<string, bool> { ["container"] = true } };
    private ContainerLedger? _ledger;
    private long _lastSeenNano;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        var delay = minion.ReconnectDelay;
        var reportedDown = false;
        _ledger = new ContainerLedger(states.LoadAll());
        _lastSeenNano = states.LastSeenNano;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = clients.Create();
                await client.System.PingAsync(stoppingToken);
                LogWatching(logger, clients.Endpoint, minion.Id);
                reportedDown = false;
                delay = minion.ReconnectDelay;
                await CatchUpAsync(client, minion.Id, stoppingToken);
                await StreamAsync(client, minion.Id, until: null, stoppingToken);
                throw new IOException("the engine closed its event stream");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!reportedDown)
                {
                    LogEngineUnavailable(logger, clients.Endpoint, ex.GetBaseException().Message, delay.TotalSeconds);
                    reportedDown = true;
                }
                else
                {
                    LogStillUnavailable(logger, clients.Endpoint, delay.TotalSeconds);
                }
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, minion.ReconnectMaxDelay.Ticks));
        }
    }

    private async Task CatchUpAsync(DockerClient client, string minionId, CancellationToken stoppingToken)
    {
        var info = await client.System.GetSystemInfoAsync(stoppingToken);
        var engineNow = EngineTime.ParseNano(info.SystemTime) is > 0 and var parsed ? parsed : EngineTime.Now();
        var ledger = _ledger!;
        if (!states.HasBaseline)
        {
            // First start on this data folder: record what is there, report nothing old.
            var first = await EngineSnapshot.ReadAsync(client, ledger.Known, stoppingToken);
            var baseline = first.Select(ledger.Baseline).ToList();
            _lastSeenNano = Math.Max(_lastSeenNano, engineNow);
            states.Save(baseline, [], _lastSeenNano, baseline: true);
            return;
        }

        // What the engine still holds since the last event seen, up to now; then the rest from the container list.
        if (_lastSeenNano > 0 && _lastSeenNano < engineNow)
        {
            await StreamAsync(client, minionId, until: engineNow, stoppingToken);
        }

        var observed = await EngineSnapshot.ReadAsync(client, ledger.Known, stoppingToken);
        var missed = ContainerReconciler.Diff(ledger.Known, observed, engineNow);
        var changed = new List<ContainerState>();
        foreach (var transition in missed)
        {
            await publisher.PublishAsync(DockerEventMapper.MapReconciled(transition, minionId), stoppingToken);
            changed.Add(ledger.Record(transition.ContainerId, transition.Action, transition.TimeNano, transition.Name, transition.Image)!);
        }

        var present = observed.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var forgotten = ledger.Known.Values.Where(k => k.LastAction == ContainerLedger.Destroy && !present.Contains(k.Id)).Select(k => k.Id).ToList();
        forgotten.ForEach(ledger.Forget);
        _lastSeenNano = Math.Max(_lastSeenNano, engineNow);
        states.Save(changed.Where(c => !forgotten.Contains(c.Id)), forgotten, _lastSeenNano);
        if (missed.Count > 0)
        {
            LogReconciled(logger, missed.Count, observed.Count);
        }
    }

    private async Task StreamAsync(DockerClient client, string minionId, long? until, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var parameters = new ContainerEventsParameters
        {
            Filters = ContainerEvents,
            Since = _lastSeenNano > 0 ? EngineTime.FormatSince(_lastSeenNano) : null,
            Until = until is { } end ? EngineTime.FormatSince(end) : null,
        };
        var pump = PublishAllAsync(channel.Reader, minionId, stoppingToken);
        try
        {
            await client.System.MonitorEventsAsync(parameters, new ChannelProgress<Message>(channel.Writer), stoppingToken);
        }
        finally
        {
            channel.Writer.TryComplete();
            await pump;
        }
    }

    private async Task PublishAllAsync(ChannelReader<Message> reader, string minionId, CancellationToken stoppingToken)
    {
        var ledger = _ledger!;
        await foreach (var message in reader.ReadAllAsync(stoppingToken))
        {
            // A resumed stream repeats what happened at the 'since' instant; skip what was already published.
            if (message.TimeNano > 0 && message.TimeNano <= _lastSeenNano)
            {
                continue;
            }

            var envelope = DockerEventMapper.Map(message, minionId);
            var containerId = message.Actor?.ID ?? message.ID ?? string.Empty;
            var action = envelope.Data.GetProperty("action").GetString()!;
            ContainerState? changed = null;
            if (ledger.IsNew(containerId, action, message.TimeNano))
            {
                await PublishWithRetryAsync(envelope, stoppingToken);
                changed = ledger.Record(containerId, action, message.TimeNano, envelope.Data.GetProperty("name").GetString(), envelope.Data.GetProperty("image").GetString());
            }
            else
            {
                LogDuplicate(logger, envelope.Tag, containerId);
            }

            _lastSeenNano = Math.Max(_lastSeenNano, message.TimeNano);
            states.Save(changed is null ? [] : [changed], [], _lastSeenNano);
        }
    }

    private async Task PublishWithRetryAsync(EventEnvelope envelope, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await publisher.PublishAsync(envelope, stoppingToken);
                LogPublished(logger, envelope.Tag, envelope.Id);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, envelope.Tag, ex.GetBaseException().Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching Docker engine at {Endpoint} as minion '{MinionId}'")]
    private static partial void LogWatching(ILogger logger, string endpoint, string minionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Docker engine at {Endpoint} is not available: {Reason}. Retrying in {DelaySeconds}s with backoff; everything else keeps running")]
    private static partial void LogEngineUnavailable(ILogger logger, string endpoint, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Docker engine at {Endpoint} still not available; next try in {DelaySeconds}s")]
    private static partial void LogStillUnavailable(ILogger logger, string endpoint, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled {Count} missed container transitions against the {Containers} containers on the engine")]
    private static partial void LogReconciled(ILogger logger, int count, int containers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Tag} ({EventId})")]
    private static partial void LogPublished(ILogger logger, string tag, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not emitting {Tag} for {ContainerId} again")]
    private static partial void LogDuplicate(ILogger logger, string tag, string containerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; retrying in {DelaySeconds}s")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason, double delaySeconds);
}
