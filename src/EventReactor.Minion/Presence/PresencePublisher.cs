using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Presence;

/// <summary>
/// Tells the reactor the minion is there: <c>minion/&lt;id&gt;/start</c>, the custom grains as <c>inventory</c>, a
/// <c>heartbeat</c> every interval, and <c>stop</c> on a graceful shutdown so the reactor marks it lost at once.
/// </summary>
internal sealed partial class PresencePublisher(IEventPublisher publisher, IOptions<MinionOptions> options, TimeProvider time, ILogger<PresencePublisher> logger) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan StopPublishTimeout = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        var interval = JsonSerializer.SerializeToElement(new { intervalSeconds = minion.HeartbeatInterval.TotalSeconds });
        try
        {
            await PublishAsync("start", interval, stoppingToken);

            // Interim inventory with only the custom grains; the full inventory collector (cpu, gpus) reports the same tag.
            await PublishAsync("inventory", JsonSerializer.SerializeToElement(new { custom = minion.Grains }), stoppingToken);
            using var timer = new PeriodicTimer(minion.HeartbeatInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishAsync("heartbeat", interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: announced in StoppingAsync.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Stopping runs before any hosted service stops, so the bus is still up to carry the goodbye.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StopPublishTimeout);
        try
        {
            await PublishAsync("stop", null, deadline.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // The bus may already be down; the reactor then notices the missed heartbeats instead.
        }
    }

    private Task PublishAsync(string kind, JsonElement? data, CancellationToken cancellationToken)
    {
        var id = options.Value.Id;
        return publisher.PublishAsync(EventEnvelope.Create($"minion/{id}/{kind}", $"/minion/{id}", data, id), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Presence heartbeats stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
