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
    // The engine stamps events before it orders them, so concurrent containers' events can arrive slightly out of time
    // order; a resumed stream therefore starts a little before the last event seen and skips what it already handled.
    private const long ResumeOverlapNano = 5_000_000_000;
    private Dictionary<string, long> _seen = [];
    private ContainerLedger? _ledger;
    private long _lastSeenNano;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        var delay = minion.ReconnectDelay;
        var reportedDown = false;
        _ledger = new ContainerLedger(states.LoadAll());
        _lastSeenNano = states.LastSeenNano;
        _seen = new Dictionary<string, long>(states.LoadSeen(_lastSeenNano - 2 * ResumeOverlapNano), StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = clients.Create();
                await client.System.PingAsync(stoppingToken);
                reportedDown = false;
                delay = minion.ReconnectDelay;
                await CatchUpAsync(client, minion.Id, stoppingToken);
                LogWatching(logger, clients.Endpoint, minion.Id);
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
            var baseline = first.Select(c => ledger.Baseline(c, engineNow)).OfType<ContainerState>().ToList();
            _lastSeenNano = Math.Max(_lastSeenNano, engineNow);
            states.Save(baseline, [], _lastSeenNano, baseline: true);
            LogCaughtUpFirst(logger, baseline.Count);
            return;
        }

        // What the engine still holds since the last event seen, up to now; then the rest from the container list.
        var replayed = 0;
        if (_lastSeenNano > 0 && _lastSeenNano < engineNow)
        {
            replayed = await StreamAsync(client, minionId, until: engineNow, stoppingToken);
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
        LogCaughtUp(logger, replayed, missed.Count, observed.Count);
    }

    /// <summary>Streams events until the engine ends the stream (at <paramref name="until"/>, or never); returns how many were new.</summary>
    private async Task<int> StreamAsync(DockerClient client, string minionId, long? until, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var parameters = new ContainerEventsParameters
        {
            Filters = ContainerEvents,
            Since = _lastSeenNano > 0 ? EngineTime.FormatSince(Math.Max(1, _lastSeenNano - ResumeOverlapNano)) : null,
            Until = until is { } end ? EngineTime.FormatSince(end) : null,
        };
        var pump = PublishAllAsync(channel.Reader, minionId, stoppingToken);
        int handled;
        try
        {
            await client.System.MonitorEventsAsync(parameters, new ChannelProgress<Message>(channel.Writer), stoppingToken);
        }
        finally
        {
            channel.Writer.TryComplete();
            handled = await pump;
        }

        return handled;
    }

    private async Task<int> PublishAllAsync(ChannelReader<Message> reader, string minionId, CancellationToken stoppingToken)
    {
        var ledger = _ledger!;
        var handled = 0;
        await foreach (var message in reader.ReadAllAsync(stoppingToken))
        {
            var envelope = DockerEventMapper.Map(message, minionId);
            if (_seen.ContainsKey(envelope.Id))
            {
                continue;
            }

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
            _seen[envelope.Id] = message.TimeNano;
            handled++;
            states.Save(changed is null ? [] : [changed], [], _lastSeenNano, seenId: envelope.Id, seenNano: message.TimeNano);
            PruneSeen();
        }

        return handled;
    }

    private void PruneSeen()
    {
        if (_seen.Count > 50_000)
        {
            var horizon = _lastSeenNano - (2 * ResumeOverlapNano);
            foreach (var old in _seen.Where(s => s.Value < horizon).Select(s => s.Key).ToList())
            {
                _seen.Remove(old);
            }

            states.ForgetSeenBefore(horizon);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up with the engine: {Replayed} events replayed since the last one seen, {Count} missed transitions reconciled against {Containers} containers")]
    private static partial void LogCaughtUp(ILogger logger, int replayed, int count, int containers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up with the engine: first start on this data folder, {Containers} containers recorded as they are, nothing old reported")]
    private static partial void LogCaughtUpFirst(ILogger logger, int containers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Tag} ({EventId})")]
    private static partial void LogPublished(ILogger logger, string tag, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not emitting {Tag} for {ContainerId} again")]
    private static partial void LogDuplicate(ILogger logger, string tag, string containerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; retrying in {DelaySeconds}s")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason, double delaySeconds);
}
