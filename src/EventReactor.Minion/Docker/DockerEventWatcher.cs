using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
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
    ContainerEventEmitter emitter,
    IOptions<MinionOptions> options,
    ILogger<DockerEventWatcher> logger) : BackgroundService
{
    private static readonly Dictionary<string, IDictionary<string, bool>> ContainerEvents = new() { ["type"] = new Dictionary<string, bool> { ["container"] = true } };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        var delay = minion.ReconnectDelay;
        var reportedDown = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = clients.Create();
                await client.System.PingAsync(stoppingToken);
                reportedDown = false;
                delay = minion.ReconnectDelay;
                await CatchUpAsync(client, stoppingToken);
                LogWatching(logger, clients.Endpoint, minion.Id);
                await StreamAsync(client, until: null, stoppingToken);
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

    private async Task CatchUpAsync(DockerClient client, CancellationToken stoppingToken)
    {
        var info = await client.System.GetSystemInfoAsync(stoppingToken);
        var engineNow = EngineTime.ParseNano(info.SystemTime) is > 0 and var parsed ? parsed : EngineTime.Now();
        if (!emitter.HasBaseline)
        {
            var recorded = emitter.RecordBaseline(await EngineSnapshot.ReadAsync(client, emitter.Known, stoppingToken), engineNow);
            LogCaughtUpFirst(logger, recorded);
            return;
        }

        // What the engine still holds since the last event seen, up to now; then the rest from the container list.
        var replayed = 0;
        if (emitter.LastSeenNano > 0 && emitter.LastSeenNano < engineNow)
        {
            replayed = await StreamAsync(client, until: engineNow, stoppingToken);
        }

        var observed = await EngineSnapshot.ReadAsync(client, emitter.Known, stoppingToken);
        var missed = ContainerReconciler.Diff(emitter.Known, observed, engineNow);
        await emitter.EmitReconciledAsync(missed, observed, engineNow, stoppingToken);
        LogCaughtUp(logger, replayed, missed.Count, observed.Count);
    }

    /// <summary>Streams events until the engine ends the stream (at <paramref name="until"/>, or never); returns how many were new.</summary>
    private async Task<int> StreamAsync(DockerClient client, long? until, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var since = emitter.LastSeenNano;
        var parameters = new ContainerEventsParameters
        {
            Filters = ContainerEvents,
            Since = since > 0 ? EngineTime.FormatSince(Math.Max(1, since - ContainerEventEmitter.ResumeOverlapNano)) : null,
            Until = until is { } end ? EngineTime.FormatSince(end) : null,
        };
        var pump = EmitAllAsync(channel.Reader, stoppingToken);
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

    private async Task<int> EmitAllAsync(ChannelReader<Message> reader, CancellationToken stoppingToken)
    {
        var handled = 0;
        await foreach (var message in reader.ReadAllAsync(stoppingToken))
        {
            handled += await emitter.EmitStreamedAsync(message, stoppingToken) ? 1 : 0;
        }

        return handled;
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
}
