using EventReactor.Reactor.Outbox;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Presence;
using EventReactor.Messaging;
using EventReactor.Reactor.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Minions;

/// <summary>
/// Once a second, announces minions that joined or were lost (three missed heartbeats) as <c>presence/change</c>; only on
/// the reactor that holds the <see cref="LeaseName.PresenceMonitor"/> lease, and each announcement is fenced by it.
/// </summary>
internal sealed partial class PresenceMonitor(MinionPresence presence, IEventEmitter emitter, LeaseKeeper leases, TimeProvider time, ILogger<PresenceMonitor> logger) : BackgroundService
{
    public const string ChangeTag = ReactorTags.PresenceChange;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunWhileHeldAsync(LeaseName.PresenceMonitor, SweepWhileHeldAsync, stoppingToken);

    // Ends by cancellation (the lease lost, or stopping) or by a refused write; the keeper tells which.
    private async Task SweepWhileHeldAsync(LeaseToken lease, CancellationToken held)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(held))
        {
            var (arrived, lost) = await presence.SweepAsync(held);
            if (arrived.Count == 0 && lost.Count == 0)
            {
                continue;
            }

            LogChange(logger, string.Join(", ", arrived), string.Join(", ", lost));
            var data = EventData.ToElement(new PresenceChanged(arrived, lost));
            await emitter.EmitAsync(EventEnvelope.Create(ChangeTag, ReactorTags.Source, data), lease, held);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence: new [{Arrived}], lost [{Lost}]")]
    private static partial void LogChange(ILogger logger, string arrived, string lost);
}
