using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Messaging;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Streaming;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Outbox;

/// <summary>The reactor's own events chained in-process through its outbox, on the whole reactor (in-memory bus).</summary>
public sealed class OutboxChainTests : IDisposable
{
    private const string ChainRules = """
        rules:
          - name: first
            on: chain/start
            do:
              - event.fire: { tag: chain/one }
          - name: second
            on: chain/one
            do:
              - event.fire: { tag: chain/two }
          - name: third
            on: chain/two
            do:
              - event.fire: { tag: chain/three }
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-outbox-").FullName;

    [Fact]
    public async Task Chain_ThreeRulesDeep_EachFiredEventIsEvaluatedInProcessAndSeenByWatchers()
    {
        await using var reactor = InMemoryReactor.Build(_folder, ChainRules);
        using var watch = await reactor.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
        await reactor.App.StartAsync();
        try
        {
            var start = EventEnvelope.Create("chain/start", "/test");

            var seen = await PublishUntilSeenAsync(reactor, watch, start, "chain/three");

            var chain = seen.Where(e => e.Tag.StartsWith("chain/", StringComparison.Ordinal)).ToList();
            Assert.Equal(["chain/start", "chain/one", "chain/two", "chain/three"], chain.Select(e => e.Tag).Distinct());
            var three = chain.Single(e => e.Tag == "chain/three");
            Assert.Equal(3, three.Depth);
            Assert.Equal(chain.Single(e => e.Tag == "chain/two").Id, three.CausedBy);
            await WaitForEmptyOutboxAsync(reactor);
        }
        finally
        {
            await reactor.App.StopAsync();
        }
    }

    [Fact]
    public async Task Restart_AfterFiredEventStoredButNotEvaluated_EvaluatesItExactlyOnce()
    {
        var fired = EventEnvelope.Create("chain/start", "/test").CreateCaused("chain/one", "/reactor");

        // A reactor that died right after committing the action that fired chain/one: stored, never evaluated.
        await using (var killed = InMemoryReactor.Build(_folder, ChainRules))
        {
            killed.MigrateOnly();
            var ledger = killed.Services.GetRequiredService<IReactionLedger>();
            var claim = await ledger.TryClaimAsync(fired.CausedBy!, "first", 0, CancellationToken.None);
            Assert.NotNull(claim);
            Assert.True(await ledger.CompleteAsync(claim, succeeded: true, fired, CancellationToken.None));
        }

        await using (var restarted = InMemoryReactor.Build(_folder, ChainRules))
        {
            using var watch = await restarted.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
            await restarted.App.StartAsync();
            var two = await ReadUntilAsync(watch, e => e.Tag == "chain/two");
            Assert.Equal(fired.Id, two.CausedBy);
            await WaitForEmptyOutboxAsync(restarted);
            await WaitForAuditAsync(restarted, fired.Id);
            await restarted.App.StopAsync();
        }

        // Started again: nothing is left to evaluate, so chain/one was evaluated once in all.
        await using var again = InMemoryReactor.Build(_folder, ChainRules);
        await again.App.StartAsync();
        try
        {
            await WaitForEmptyOutboxAsync(again);
            var audit = await again.Services.GetRequiredService<IAuditLog>().ForEventAsync(fired.Id, CancellationToken.None);
            Assert.Equal([("second", RuleOutcome.Acted)], audit.Select(r => (r.Rule, r.Outcome)));
        }
        finally
        {
            await again.App.StopAsync();
        }
    }

    [Fact]
    public async Task Chain_RuleFiresItsOwnTrigger_StopsAtDepthLimitInProcess()
    {
        await using var reactor = InMemoryReactor.Build(_folder, """
            rules:
              - name: echo
                on: loop/*
                do:
                  - event.fire: { tag: loop/again }
            """, maxDepth: 3);
        using var watch = await reactor.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
        await reactor.App.StartAsync();
        try
        {
            var seen = await PublishUntilSeenAsync(reactor, watch, EventEnvelope.Create("loop/start", "/test"), "loop/again", depth: 4);

            var deepest = seen.Last(e => e.Tag == "loop/again");
            var audit = await WaitForAuditAsync(reactor, deepest.Id);
            Assert.Equal(RuleOutcome.DepthExceeded, Assert.Single(audit).Outcome);
            await WaitForEmptyOutboxAsync(reactor);
            Assert.DoesNotContain(seen, e => e.Depth > 4);
        }
        finally
        {
            await reactor.App.StopAsync();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // The in-memory bus starts without holding up the host: publish (the same id) until the reactor took it.
    private static async Task<List<EventEnvelope>> PublishUntilSeenAsync(InMemoryReactor reactor, StreamSubscription watch, EventEnvelope sent, string tag, int depth = 3)
    {
        var publisher = reactor.Services.GetRequiredService<IEventPublisher>();
        var seen = new List<EventEnvelope>();
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            if (!seen.Any(e => e.Id == sent.Id))
            {
                await publisher.PublishAsync(sent, CancellationToken.None);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                while (true)
                {
                    var next = await watch.Reader.ReadAsync(wait.Token);
                    seen.Add(next);
                    if (next.Tag == tag && next.Depth == depth)
                    {
                        return seen;
                    }
                }
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                // Not consumed yet: publish again; consumed: wait on.
            }
        }
    }

    private static async Task<EventEnvelope> ReadUntilAsync(StreamSubscription watch, Func<EventEnvelope, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await watch.Reader.ReadAsync(deadline.Token);
            if (wanted(next))
            {
                return next;
            }
        }
    }

    private static async Task WaitForEmptyOutboxAsync(InMemoryReactor reactor)
    {
        var outbox = reactor.Services.GetRequiredService<IReactorOutbox>();
        var deadline = DateTime.UtcNow + Patience;
        while (await outbox.CountAsync(CancellationToken.None) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox kept events that were evaluated and published");
            await Task.Delay(50);
        }
    }

    private static async Task<IReadOnlyList<AuditRecord>> WaitForAuditAsync(InMemoryReactor reactor, string eventId)
    {
        var audit = reactor.Services.GetRequiredService<IAuditLog>();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var records = await audit.ForEventAsync(eventId, CancellationToken.None);
            if (records.Count > 0)
            {
                return records;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no audit for event {eventId}");
            await Task.Delay(50);
        }
    }
}
