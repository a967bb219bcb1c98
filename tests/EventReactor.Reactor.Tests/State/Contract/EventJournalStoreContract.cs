using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IEventJournalStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class EventJournalStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IEventJournalStore Store { get; }

    /// <summary>The audit over the same state, which a window is joined with.</summary>
    private protected abstract IAuditStore Audit { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task AppendAsync_NewEvent_FoundWithEveryField()
    {
        var envelope = Event("e1", "minion/m1/docker/container/die", "m1") with { CausedBy = "e0", Depth = 2 };

        await Audit.AppendAsync([envelope], [], CancellationToken.None);

        var found = await Store.FindAsync("e1", CancellationToken.None);
        Assert.Equal(new JournalEntry("e1", envelope.Tag, envelope.Source, T0, "m1", "e0", 2, """{"n":1}"""), found);
        Assert.Null(await Store.FindAsync("e2", CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_SameEventTwice_KeptOnce()
    {
        await Audit.AppendAsync([Event("e1", "a", null)], [], CancellationToken.None);

        await Audit.AppendAsync([Event("e1", "a", null), Event("e2", "b", null)], [], CancellationToken.None);

        Assert.Equal(["e2", "e1"], (await Store.RecentAsync(null, 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task RecentAsync_OfOneMinion_ItsEventsNewestFirst()
    {
        await Audit.AppendAsync([Event("e1", "a", "m1"), Event("e2", "a", "m2"), Event("e3", "a", "m1"), Event("e4", "a", "m1")], [], CancellationToken.None);

        var recent = await Store.RecentAsync("m1", 2, CancellationToken.None);

        Assert.Equal(["e4", "e3"], recent.Select(e => e.Id));
    }

    [Fact]
    public async Task CausedByAsync_SeveralCaused_InTheOrderSeen()
    {
        await Audit.AppendAsync([Event("z", "a", null) with { CausedBy = "root" }, Event("other", "a", null) with { CausedBy = "x" }, Event("a", "a", null) with { CausedBy = "root" }], [], CancellationToken.None);

        var caused = await Store.CausedByAsync("root", CancellationToken.None);

        Assert.Equal(["z", "a"], caused.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadWindowAsync_EventsOfTheWindow_InTimeOrderWithTheirAuditInOrder()
    {
        var fired = new ActionAudit("event.fire", "r.yaml:5:9", JsonDocument.Parse("""{"tag":"b"}""").RootElement.Clone(), ActionStatus.Done, "fired b", null, 1, 0.5);

        // As the reactor writes them: the events and their audit in one batch.
        await Audit.AppendAsync(
            [
                Event("before", "a", null) with { Time = T0.AddHours(-1) },
                Event("second", "b", null) with { Time = T0.AddSeconds(2), CausedBy = "first", Depth = 1 },
                Event("first", "a", "m1") with { Time = T0.AddSeconds(1) },
                Event("at-end", "a", null) with { Time = T0.AddMinutes(1) },
            ],
            [
                new AuditRecord("first", "a", "fire", "r.yaml:2:5", RuleOutcome.Acted, null, [fired], T0, 1),
                new AuditRecord("first", "a", "quiet", "r.yaml:9:5", RuleOutcome.ConditionFalse, "condition false: x", [], T0, 0),
            ],
            CancellationToken.None);
        var visited = new List<RecordedEvent>();

        var count = await Store.ReadWindowAsync(T0, T0.AddMinutes(1), visited.Add, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal(["first", "second"], visited.Select(e => e.Event.Id));
        Assert.Equal((T0.AddSeconds(1), "m1", """{"n":1}"""), (visited[0].Event.Time, visited[0].Event.Minion, visited[0].Event.Data.GetRawText()));
        Assert.Equal(("first", 1), (visited[1].Event.CausedBy, visited[1].Event.Depth));
        Assert.Equal(["fire", "quiet"], visited[0].Audit.Select(r => r.Rule));
        Assert.Equal((RuleOutcome.ConditionFalse, "condition false: x"), (visited[0].Audit[1].Outcome, visited[0].Audit[1].Detail));
        var action = Assert.Single(visited[0].Audit[0].Actions);
        Assert.Equal(("event.fire", ActionStatus.Done, """{"tag":"b"}"""), (action.Action, action.Status, action.Arguments?.GetRawText()));
        Assert.Empty(visited[1].Audit);
    }

    [Fact]
    public async Task PruneAsync_OlderThanTheAge_Dropped()
    {
        await Audit.AppendAsync([Event("old", "a", null) with { Time = T0.AddDays(-8) }, Event("kept", "a", null)], [], CancellationToken.None);

        var dropped = await Store.PruneAsync(T0.AddDays(-7), 1L << 30, CancellationToken.None);

        Assert.Equal(1, dropped);
        Assert.Null(await Store.FindAsync("old", CancellationToken.None));
        Assert.NotNull(await Store.FindAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_OverTheSize_OldestDroppedUntilTheRestFits()
    {
        var data = JsonSerializer.SerializeToElement(new { text = new string('x', 1000) });
        await Audit.AppendAsync([Event("e1", "a", null) with { Data = data }, Event("e2", "a", null) with { Data = data }, Event("e3", "a", null) with { Data = data }], [], CancellationToken.None);

        // Each event counts about 1.1 kB: two fit in 2.5 kB, three do not.
        var dropped = await Store.PruneAsync(T0.AddDays(-7), 2500, CancellationToken.None);

        Assert.Equal(1, dropped);
        Assert.Equal(["e3", "e2"], (await Store.RecentAsync(null, 10, CancellationToken.None)).Select(e => e.Id));
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
