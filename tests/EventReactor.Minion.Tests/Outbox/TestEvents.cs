using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Minion.Tests.Outbox;

internal static class TestEvents
{
    public static EventEnvelope Lifecycle(string container, string action = "die") =>
        EventEnvelope.Create($"minion/m1/docker/container/{action}", "/minion/m1", JsonSerializer.SerializeToElement(new { id = container, action }), "m1");

    public static EventEnvelope Metrics(int batch) =>
        EventEnvelope.Create("minion/m1/metrics/container", "/minion/m1", JsonSerializer.SerializeToElement(new { batch }), "m1");
}
