using EventReactor.Messaging.Telemetry;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Minion.Health;

/// <summary>Reports the outbox depth as the metric <c>eventreactor.outbox.depth</c>.</summary>
internal sealed class OutboxDepthGauge(OutboxStore outbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        EventReactorTelemetry.Meter.CreateObservableGauge("eventreactor.outbox.depth", () => outbox.Count, "{event}", "Events in the minion's outbox, not yet confirmed by the broker");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
