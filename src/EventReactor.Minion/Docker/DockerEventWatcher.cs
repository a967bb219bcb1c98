using System.Globalization;
using System.Threading.Channels;
using Docker.DotNet.Models;
using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Follows the engine's container events and publishes them in order. When the engine is away it logs one error,
/// then retries with exponential backoff, resuming the stream from the last event seen.
/// </summary>
internal sealed partial class DockerEventWatcher(
    DockerClientFactory clients,
    IEventPublisher publisher,
    IOptions<MinionOptions> options,
    ILogger<DockerEventWatcher> logger) : BackgroundService
{
    private long _lastSeenNano;

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
                LogWatching(logger, clients.Endpoint, minion.Id);
                reportedDown = false;
                delay = minion.ReconnectDelay;
                await StreamAsync(client, minion.Id, stoppingToken);
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

    private async Task StreamAsync(global::Docker.DotNet.DockerClient client, string minionId, CancellationToken stoppingToken)
    {
        var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var parameters = new ContainerEventsParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["type"] = new Dictionary<string, bool> { ["container"] = true } },
            Since = _lastSeenNano > 0 ? FormatSince(_lastSeenNano) : null,
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

        throw new IOException("the engine closed its event stream");
    }

    private async Task PublishAllAsync(ChannelReader<Message> reader, string minionId, CancellationToken stoppingToken)
    {
        await foreach (var message in reader.ReadAllAsync(stoppingToken))
        {
            // A resumed stream repeats what happened at the 'since' instant; skip what was already published.
            if (message.TimeNano > 0 && message.TimeNano <= _lastSeenNano)
            {
                continue;
            }

            var envelope = DockerEventMapper.Map(message, minionId);
            await PublishWithRetryAsync(envelope, stoppingToken);
            _lastSeenNano = Math.Max(_lastSeenNano, message.TimeNano);
        }
    }

    private async Task PublishWithRetryAsync(Contracts.EventEnvelope envelope, CancellationToken stoppingToken)
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

    private static string FormatSince(long unixNano) =>
        string.Create(CultureInfo.InvariantCulture, $"{unixNano / 1_000_000_000}.{unixNano % 1_000_000_000:D9}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching Docker engine at {Endpoint} as minion '{MinionId}'")]
    private static partial void LogWatching(ILogger logger, string endpoint, string minionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Docker engine at {Endpoint} is not available: {Reason}. Retrying in {DelaySeconds}s with backoff; everything else keeps running")]
    private static partial void LogEngineUnavailable(ILogger logger, string endpoint, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Docker engine at {Endpoint} still not available; next try in {DelaySeconds}s")]
    private static partial void LogStillUnavailable(ILogger logger, string endpoint, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Tag} ({EventId})")]
    private static partial void LogPublished(ILogger logger, string tag, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Tag}: {Reason}; retrying in {DelaySeconds}s")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason, double delaySeconds);
}
