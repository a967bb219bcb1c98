using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Messaging.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Follows the engine's container events and publishes them in order through the outbox. When the engine is away it
/// logs one error, then retries with backoff (<see cref="ResiliencePipelineNames.DockerConnect"/>); when a followed engine
/// goes away it waits once (<see cref="ResiliencePipelineNames.DockerResume"/>) and starts that backoff over. On every
/// (re)connect it catches up: it replays what the engine still holds since the last event seen, then reconciles
/// against the list of containers (the engine keeps only its last events, and none across its restart) and emits what
/// was missed, marked <c>reconciled</c>.
/// </summary>
internal sealed partial class DockerEventWatcher(
    DockerClientFactory clients,
    ContainerEventEmitter emitter,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MinionOptions> options,
    ILogger<DockerEventWatcher> logger) : BackgroundService
{
    private static readonly Dictionary<string, IDictionary<string, bool>> ContainerEvents = new() { ["type"] = new Dictionary<string, bool> { ["container"] = true } };
    private bool _connected;
    private bool _reportedDown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resume = pipelines.GetPipeline(ResiliencePipelineNames.DockerResume);
        var connect = pipelines.GetPipeline(ResiliencePipelineNames.DockerConnect);

        // Failures before the engine answered are the connect pipeline's; losing an engine that answered is resume's.
        var whileConnecting = new RetryHooks { Transient = _ => !_connected, OnRetry = (failure, delay) => ReportDown(failure!, delay) };
        var afterConnected = new RetryHooks { Transient = _ => _connected, OnRetry = (failure, delay) => ReportDown(failure!, delay) };
        try
        {
            await resume.RunAsync(token => connect.RunAsync(FollowAsync, whileConnecting, token), afterConnected, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One session with the engine: connect, catch up, follow; it always ends in an exception.</summary>
    private async ValueTask FollowAsync(CancellationToken stoppingToken)
    {
        _connected = false;
        using var client = clients.Create();
        await client.System.PingAsync(stoppingToken);
        _connected = true;
        _reportedDown = false;
        await CatchUpAsync(client, stoppingToken);
        LogWatching(logger, clients.Endpoint, options.Value.Id);
        await StreamAsync(client, until: null, stoppingToken);
        throw new IOException("the engine closed its event stream");
    }

    private void ReportDown(Exception failure, TimeSpan delay)
    {
        if (!_reportedDown)
        {
            LogEngineUnavailable(logger, clients.Endpoint, failure.GetBaseException().Message, delay.TotalSeconds);
            _reportedDown = true;
        }
        else
        {
            LogStillUnavailable(logger, clients.Endpoint, delay.TotalSeconds);
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
