using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>
/// What every <see cref="IReactorOutbox"/> must do, with the ledger of the same state; each implementation runs it through
/// a subclass. The tests' outbox and ledger are one reactor's; another reactor may share the state.
/// </summary>
public abstract class ReactorOutboxContract : IAsyncDisposable
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(15);

    private IReactorOutbox? _outbox;
    private IReactionLedger? _ledger;
    private ReactorLiveness? _reactor;

    private protected ManualTime Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));

    /// <summary>This reactor's outbox over empty state, reading <see cref="Time"/>.</summary>
    private protected IReactorOutbox Outbox => _outbox ??= OutboxOf(Reactor);

    /// <summary>This reactor's ledger over the same state as <see cref="Outbox"/>.</summary>
    private protected IReactionLedger Ledger => _ledger ??= LedgerOf(Reactor);

    /// <summary>
    /// Whether several reactors share the state (PostgreSQL): each then evaluates and publishes the events it stored, and
    /// those it took over from a reactor whose liveness lease ran out. A SQLite file has one reactor, whose every event is.
    /// </summary>
    private protected abstract bool SharedByReactors { get; }

    /// <summary>The leases of the shared state.</summary>
    private protected abstract ILeaseStore Leases { get; }

    private ReactorLiveness Reactor => _reactor ??= Liveness("reactor");

    public abstract ValueTask DisposeAsync();

    /// <summary>The outbox of the reactor holding <paramref name="liveness"/>, over the shared state.</summary>
    private protected abstract IReactorOutbox OutboxOf(ReactorLiveness liveness);

    /// <summary>The ledger of the reactor holding <paramref name="liveness"/>, over the shared state.</summary>
    private protected abstract IReactionLedger LedgerOf(ReactorLiveness liveness);

    [Fact]
    public async Task AddAsync_TwoEvents_BothStepsSeeThemInEmissionOrderWithTheirJson()
    {
        var first = Event("reactor/a");
        var second = Event("reactor/b");

        await Outbox.AddAsync(first, CancellationToken.None);
        await Outbox.AddAsync(second, CancellationToken.None);

        var toEvaluate = await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None);
        Assert.Equal([first.Id, second.Id], toEvaluate.Select(e => e.Id));
        Assert.True(toEvaluate[0].Sequence < toEvaluate[1].Sequence);
        Assert.Equal(first, CloudEventJson.Deserialize(toEvaluate[0].Json.Span) with { Data = first.Data });
        Assert.Equal("reactor/b", toEvaluate[1].Tag);
        Assert.Equal([first.Id, second.Id], (await Outbox.ReadToPublishAsync(0, 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task ReadToEvaluateAsync_AfterAndLimit_GiveTheNextPage()
    {
        for (var i = 0; i < 5; i++)
        {
            await Outbox.AddAsync(Event($"reactor/{i}"), CancellationToken.None);
        }

        var page = await Outbox.ReadToEvaluateAsync(0, 2, CancellationToken.None);
        var next = await Outbox.ReadToEvaluateAsync(page[^1].Sequence, 2, CancellationToken.None);

        Assert.Equal(["reactor/0", "reactor/1"], page.Select(e => e.Tag));
        Assert.Equal(["reactor/2", "reactor/3"], next.Select(e => e.Tag));
    }

    [Fact]
    public async Task MarkEvaluatedAsync_NotPublished_LeavesItToPublishOnly()
    {
        await Outbox.AddAsync(Event("reactor/a"), CancellationToken.None);
        var stored = Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None));

        await Outbox.MarkEvaluatedAsync([stored.Sequence], CancellationToken.None);

        Assert.Empty(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None));
        Assert.Single(await Outbox.ReadToPublishAsync(0, 10, CancellationToken.None));
        Assert.Equal(1, await Outbox.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MarkAsync_BothSteps_InEitherOrder_RemovesTheEvent(bool evaluatedFirst)
    {
        await Outbox.AddAsync(Event("reactor/a"), CancellationToken.None);
        var stored = Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None));

        if (evaluatedFirst)
        {
            await Outbox.MarkEvaluatedAsync([stored.Sequence], CancellationToken.None);
            await Outbox.MarkPublishedAsync([stored.Sequence], CancellationToken.None);
        }
        else
        {
            await Outbox.MarkPublishedAsync([stored.Sequence], CancellationToken.None);
            Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None));
            await Outbox.MarkEvaluatedAsync([stored.Sequence], CancellationToken.None);
        }

        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MarkAsync_ABatchInOneCall_MarksEachAndRemovesThoseWithBothStepsDone()
    {
        for (var i = 0; i < 4; i++)
        {
            await Outbox.AddAsync(Event($"reactor/{i}"), CancellationToken.None);
        }

        var stored = await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None);
        await Outbox.MarkPublishedAsync([stored[0].Sequence, stored[1].Sequence], CancellationToken.None);

        await Outbox.MarkEvaluatedAsync([stored[1].Sequence, stored[2].Sequence, stored[3].Sequence], CancellationToken.None);

        Assert.Equal(["reactor/0"], (await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
        Assert.Equal(["reactor/2", "reactor/3"], (await Outbox.ReadToPublishAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
        Assert.Equal(3, await Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_AfterEverythingWasRemoved_SequenceStillGrows()
    {
        // The evaluator and publisher read after the last sequence they saw: a reused one would be skipped.
        await Outbox.AddAsync(Event("reactor/a"), CancellationToken.None);
        var first = Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None));
        await Outbox.MarkEvaluatedAsync([first.Sequence], CancellationToken.None);
        await Outbox.MarkPublishedAsync([first.Sequence], CancellationToken.None);

        await Outbox.AddAsync(Event("reactor/b"), CancellationToken.None);

        Assert.Equal("reactor/b", Assert.Single(await Outbox.ReadToEvaluateAsync(first.Sequence, 10, CancellationToken.None)).Tag);
    }

    [Fact]
    public async Task LedgerCompleteAsync_WithEmittedEvent_StoresItWithTheCompletion()
    {
        var fired = Event("chain/next");
        var claim = await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        Assert.NotNull(claim);

        Assert.True(await Ledger.CompleteAsync(claim, succeeded: true, fired, CancellationToken.None));

        Assert.Equal(fired.Id, Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Id);
        Assert.Null(await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None));
    }

    [Fact]
    public async Task LedgerCompleteAsync_WithoutEmittedEvent_StoresNothing()
    {
        var claim = await Ledger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        Assert.NotNull(claim);

        Assert.True(await Ledger.CompleteAsync(claim, succeeded: false, null, CancellationToken.None));

        Assert.Equal(0, await Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_EventStoredByAnotherLiveReactor_ReadOnlyWhereItIsThatReactorsOwn()
    {
        var otherReactor = Liveness("other");
        var other = OutboxOf(otherReactor);
        var otherLedger = LedgerOf(otherReactor);
        await other.AddAsync(Event("reactor/by-other"), CancellationToken.None);
        var claim = await otherLedger.TryClaimAsync("e1", "rule", 0, CancellationToken.None);
        Assert.True(await otherLedger.CompleteAsync(claim!, succeeded: true, Event("chain/by-other"), CancellationToken.None));
        await Outbox.AddAsync(Event("reactor/mine"), CancellationToken.None);

        string[] everything = ["reactor/by-other", "chain/by-other", "reactor/mine"];
        Assert.Equal(SharedByReactors ? ["reactor/mine"] : everything, (await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
        Assert.Equal(SharedByReactors ? ["reactor/mine"] : everything, (await Outbox.ReadToPublishAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
        Assert.Equal(SharedByReactors ? ["reactor/by-other", "chain/by-other"] : everything, (await other.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Select(e => e.Tag));
        Assert.Equal(0, await Outbox.AdoptAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AdoptAsync_OwnerLeaseRanOut_TakenOverOnceAndNoLongerTheOldOwners()
    {
        var dead = Liveness("dead");
        await OutboxOf(dead).AddAsync(Event("reactor/left"), CancellationToken.None);
        Time.Advance(LeaseLength + TimeSpan.FromSeconds(1));

        Assert.Equal(SharedByReactors ? 1 : 0, await Outbox.AdoptAsync(CancellationToken.None));
        Assert.Equal(0, await OutboxOf(Liveness("third")).AdoptAsync(CancellationToken.None));

        Assert.Equal("reactor/left", Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Tag);
        Assert.Equal("reactor/left", Assert.Single(await Outbox.ReadToPublishAsync(0, 10, CancellationToken.None)).Tag);
        Assert.Equal(SharedByReactors ? 0 : 1, (await OutboxOf(Liveness("third")).ReadToEvaluateAsync(0, 10, CancellationToken.None)).Count);

        // The old owner comes back (it was paused, not dead): what was taken from it stays taken.
        await dead.RenewAsync(CancellationToken.None);
        Assert.Equal(SharedByReactors ? 0 : 1, (await OutboxOf(dead).ReadToEvaluateAsync(0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AdoptAsync_OwnerStoppedAndLetItsLeaseGo_TakenOverAtOnce()
    {
        var stopped = Liveness("stopped");
        await OutboxOf(stopped).AddAsync(Event("reactor/left"), CancellationToken.None);
        await stopped.ReleaseAsync(CancellationToken.None);

        Assert.Equal(SharedByReactors ? 1 : 0, await Outbox.AdoptAsync(CancellationToken.None));
        Assert.Equal("reactor/left", Assert.Single(await Outbox.ReadToEvaluateAsync(0, 10, CancellationToken.None)).Tag);
    }

    private ReactorLiveness Liveness(string holder) => new(Leases, holder, LeaseLength, Time);

    private static EventEnvelope Event(string tag) => EventEnvelope.Create(tag, "/reactor") with { Depth = 1, CausedBy = "cause" };
}
