using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Tests.State;

namespace EventReactor.Reactor.Tests.Minions;

public sealed class MinionPresenceTests : IAsyncDisposable
{
    private readonly TempReactorDatabase _state = new();
    private readonly MinionCache _minions;
    private readonly MinionPresence _presence;

    public MinionPresenceTests()
    {
        _minions = new MinionCache(new SqliteMinionStore(_state.Database));
        _presence = new MinionPresence(_minions, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    [Fact]
    public async Task ObserveAsync_StopAfterHeartbeat_LostAtOnceAndKeptAcrossReload()
    {
        await _presence.ObserveAsync(Event("minion/m1/heartbeat", """{"intervalSeconds":60}"""), CancellationToken.None);
        Assert.Equal(("m1", ""), await SweepAsync(_presence));

        await _presence.ObserveAsync(Event("minion/m1/stop", "{}"), CancellationToken.None);

        Assert.Equal(("", "m1"), await SweepAsync(_presence));
        var reloaded = new MinionCache(new SqliteMinionStore(_state.Database));
        Assert.False((await reloaded.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_MetricsBatchAfterStop_StaysLostUntilTheNextStart()
    {
        var t0 = DateTimeOffset.UtcNow;
        await _presence.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0), CancellationToken.None);
        await _presence.ObserveAsync(Event("minion/m1/stop", "{}", t0.AddSeconds(5)), CancellationToken.None);

        // The final host batch leaves through the outbox after the goodbye, which went straight to the bus.
        await _presence.ObserveAsync(Event("minion/m1/metrics/host", "{}", t0.AddSeconds(5.1)), CancellationToken.None);
        Assert.False((await _minions.FindAsync("m1", CancellationToken.None))!.Present);

        await _presence.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0.AddSeconds(30)), CancellationToken.None);
        Assert.True((await _minions.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_StopOfAnEarlierSessionConsumedLate_Ignored()
    {
        var t0 = DateTimeOffset.UtcNow;
        await _presence.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0.AddSeconds(30)), CancellationToken.None);

        await _presence.ObserveAsync(Event("minion/m1/stop", "{}", t0), CancellationToken.None);
        await _presence.ObserveAsync(Event("minion/m1/heartbeat", """{"intervalSeconds":10}""", t0.AddSeconds(40)), CancellationToken.None);

        Assert.True((await _minions.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_StopFromUnknownMinion_Ignored()
    {
        await _presence.ObserveAsync(Event("minion/ghost/stop", "{}"), CancellationToken.None);
        Assert.Empty(await _minions.ListAsync(CancellationToken.None));
    }

    private static async Task<(string Arrived, string Lost)> SweepAsync(MinionPresence presence)
    {
        var (arrived, lost) = await presence.SweepAsync(CancellationToken.None);
        return (string.Join(",", arrived), string.Join(",", lost));
    }

    private static EventEnvelope Event(string tag, string data) =>
        EventEnvelope.Create(tag, "/test", JsonDocument.Parse(data).RootElement.Clone(), tag.Split('/')[1]);

    private static EventEnvelope Event(string tag, string data, DateTimeOffset time) => Event(tag, data) with { Time = time };
}
