using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IEventJournalStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class EventJournalStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IEventJournalStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task AppendAsync_NewEvent_FoundWithEveryField()
    {
        var envelope = Event("e1", "minion/m1/docker/container/die", "m1") with { CausedBy = "e0", Depth = 2 };

        await Store.AppendAsync([envelope], 100, CancellationToken.None);

        var found = await Store.FindAsync("e1", CancellationToken.None);
        Assert.Equal(new JournalEntry("e1", envelope.Tag, envelope.Source, T0, "m1", "e0", 2, """{"n":1}"""), found);
        Assert.Null(await Store.FindAsync("e2", CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_SameEventTwice_KeptOnce()
    {
        await Store.AppendAsync([Event("e1", "a", null)], 100, CancellationToken.None);

        await Store.AppendAsync([Event("e1", "a", null), Event("e2", "b", null)], 100, CancellationToken.None);

        Assert.Equal(["e2", "e1"], (await Store.RecentAsync(null, 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task AppendAsync_MoreThanKept_OnlyTheNewestKept()
    {
        await Store.AppendAsync([Event("e1", "a", null), Event("e2", "a", null)], 3, CancellationToken.None);

        await Store.AppendAsync([Event("e3", "a", null), Event("e4", "a", null)], 3, CancellationToken.None);

        Assert.Equal(["e4", "e3", "e2"], (await Store.RecentAsync(null, 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task RecentAsync_OfOneMinion_ItsEventsNewestFirst()
    {
        await Store.AppendAsync([Event("e1", "a", "m1"), Event("e2", "a", "m2"), Event("e3", "a", "m1"), Event("e4", "a", "m1")], 100, CancellationToken.None);

        var recent = await Store.RecentAsync("m1", 2, CancellationToken.None);

        Assert.Equal(["e4", "e3"], recent.Select(e => e.Id));
    }

    [Fact]
    public async Task CausedByAsync_SeveralCaused_InTheOrderSeen()
    {
        await Store.AppendAsync([Event("z", "a", null) with { CausedBy = "root" }, Event("other", "a", null) with { CausedBy = "x" }, Event("a", "a", null) with { CausedBy = "root" }], 100, CancellationToken.None);

        var caused = await Store.CausedByAsync("root", CancellationToken.None);

        Assert.Equal(["z", "a"], caused.Select(e => e.Id));
    }

    private static EventEnvelope Event(string id, string tag, string? minion) => new()
    {
        Id = id,
        Tag = tag,
        Source = minion is null ? "/test" : $"/minion/{minion}",
        Time = T0,
        Minion = minion,
        Data = JsonDocument.Parse("""{"n":1}""").RootElement.Clone(),
    };
}
