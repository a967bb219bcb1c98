using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Tests.State;
using EventReactor.Reactor.Tests.State.Contract;

namespace EventReactor.Reactor.Tests.Minions;

/// <summary>
/// Two reactors on one state: the holder of the presence lease sweeps, the other hears the minion's events (its
/// partition). Each has its own cache, as each reactor process does.
/// </summary>
public sealed class MinionPresenceAcrossReactorsTests : IAsyncDisposable
{
    private readonly TempReactorDatabase _state = new();
    private readonly ManualTime _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));
    private readonly MinionPresence _holder;
    private readonly MinionPresence _other;

    public MinionPresenceAcrossReactorsTests()
    {
        _holder = new MinionPresence(new MinionCache(new SqliteMinionStore(_state.Database)), _time);
        _other = new MinionPresence(new MinionCache(new SqliteMinionStore(_state.Database)), _time);
    }

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    [Fact]
    public async Task SweepAsync_HeartbeatsNowHeardByAnotherReactor_NotMarkedLost()
    {
        await _holder.ObserveAsync(Heartbeat("m1"), CancellationToken.None);
        Assert.Equal(["m1"], (await _holder.SweepAsync(CancellationToken.None)).Arrived);

        // The minion's partition moved to the other reactor: the holder hears nothing more from it.
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await _other.ObserveAsync(Heartbeat("m1"), CancellationToken.None);
        }

        var (arrived, lost) = await _holder.SweepAsync(CancellationToken.None);

        Assert.Empty(arrived);
        Assert.Empty(lost);
    }

    [Fact]
    public async Task SweepAsync_MinionHeardOnlyByAnotherReactorThenSilent_AnnouncedArrivedThenLost()
    {
        await _holder.SweepAsync(CancellationToken.None);
        await _other.ObserveAsync(Heartbeat("m2"), CancellationToken.None);

        Assert.Equal(["m2"], (await _holder.SweepAsync(CancellationToken.None)).Arrived);

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["m2"], (await _holder.SweepAsync(CancellationToken.None)).Lost);
    }

    [Fact]
    public async Task SweepAsync_GoodbyeHeardByAnotherReactor_AnnouncedLost()
    {
        await _holder.ObserveAsync(Heartbeat("m3"), CancellationToken.None);
        await _holder.SweepAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        await _other.ObserveAsync(Event("minion/m3/stop", "{}"), CancellationToken.None);

        Assert.Equal(["m3"], (await _holder.SweepAsync(CancellationToken.None)).Lost);
    }

    private EventEnvelope Heartbeat(string minion) => Event($"minion/{minion}/heartbeat", """{"intervalSeconds":10}""");

    private EventEnvelope Event(string tag, string data) =>
        EventEnvelope.Create(tag, "/test", JsonDocument.Parse(data).RootElement.Clone(), tag.Split('/')[1]) with { Time = _time.GetUtcNow() };
}
