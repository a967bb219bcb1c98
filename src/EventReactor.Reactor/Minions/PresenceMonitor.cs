using EventReactor.Reactor.Outbox;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Presence;
using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Minions;

/// <summary>Once a second, announces minions that joined or were lost (three missed heartbeats) as <c>presence/change</c>.</summary>
internal sealed partial class PresenceMonitor(MinionPresence presence, IEventEmitter emitter, TimeProvider time, ILogger<PresenceMonitor> logger) : BackgroundService
{
    public const string ChangeTag = ReactorTags.PresenceChange;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (arrived, lost) = await presence.SweepAsync(stoppingToken);
                if (arrived.Count == 0 && lost.Count == 0)
                {
                    continue;
                }

                LogChange(logger, string.Join(", ", arrived), string.Join(", ", lost));
                var data = EventData.ToElement(new PresenceChanged(arrived, lost));
                await emitter.EmitAsync(EventEnvelope.Create(ChangeTag, ReactorTags.Source, data), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence: new [{Arrived}], lost [{Lost}]")]
    private static partial void LogChange(ILogger logger, string arrived, string lost);
}
