using EventReactor.Contracts;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Streaming;
using EventReactor.Reactor.Tests.State;
using EventReactor.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Outbox;

/// <summary>
/// The outbox on PostgreSQL, which reactors share (issue #15), on the whole reactor (in-memory bus). A row's sequence is
/// taken when it is inserted, not when it commits, so concurrent completions (two reactors, or one reactor's parallel
/// actions) can commit a lower sequence after a higher one was already read: the evaluator and the publisher must still
/// take it. SQLite cannot get there: its single writer commits the rows in the order it numbered them (a second write
/// transaction waits for the first), so that case exists on PostgreSQL only; so do other reactors' rows, adopted once
/// their reactor's liveness lease is gone.
/// </summary>
public sealed class SharedOutboxTests(PostgresTestDatabase state) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private const string Rules = """
        rules:
          - name: echo
            on: late/*
            do:
              - log: { message: seen }
        """;

    // Longer than Reactor:Leases:RenewEvery (5 s), the adopter's beat.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-outbox-late-").FullName;

    [Fact]
    public async Task Outbox_LowerSequenceCommitsAfterAHigherOneWasHandled_IsStillEvaluatedAndPublished()
    {
        await using var _ = state.OpenEmpty();
        await using var reactor = InMemoryReactor.Build(_folder, Rules, state: state.Url);
        using var watch = await reactor.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
        await reactor.App.StartAsync();
        try
        {
            var database = reactor.Services.GetRequiredService<ReactorPostgresDatabase>();
            var owner = reactor.Services.GetRequiredService<ReactorLiveness>().Holder;
            var late = EventEnvelope.Create("late/lower", "/reactor");
            var early = EventEnvelope.Create("late/higher", "/reactor");

            // An action's completion still in flight: its fired event holds the lower sequence, uncommitted.
            var inserted = new TaskCompletionSource();
            var commit = new TaskCompletionSource();
            var pending = database.InTransactionAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(PostgresReactorOutbox.InsertSql, transaction, CancellationToken.None, PostgresReactorOutbox.InsertParameters(late, DateTimeOffset.UtcNow, owner));
                    inserted.SetResult();
                    await commit.Task;
                    return true;
                },
                CancellationToken.None);
            await inserted.Task;

            // Another completion commits a higher sequence, which is evaluated and published.
            await reactor.Services.GetRequiredService<IEventEmitter>().EmitAsync(early, CancellationToken.None);
            await ReadUntilAsync(watch, early.Id);
            await WaitForEmptyOutboxAsync(reactor, "the higher event");

            // Then the first completion commits and wakes the outbox, as ActionExecutor does.
            commit.SetResult();
            await pending;
            reactor.Services.GetRequiredService<OutboxSignal>().Notify();

            await ReadUntilAsync(watch, late.Id);
            await WaitForEmptyOutboxAsync(reactor, "the lower event, committed last");
        }
        finally
        {
            await reactor.App.StopAsync();
        }
    }

    [Fact]
    public async Task Outbox_EventOfAReactorWhoseLeaseIsGone_AdoptedThenEvaluatedAndPublishedHere()
    {
        await using var _ = state.OpenEmpty();
        await using var reactor = InMemoryReactor.Build(_folder, Rules, state: state.Url);
        using var watch = await reactor.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
        await reactor.App.StartAsync();
        try
        {
            // Stored by a reactor that died before evaluating or publishing it; it never held a liveness lease here.
            var left = EventEnvelope.Create("late/left", "/reactor");
            await reactor.Services.GetRequiredService<ReactorPostgresDatabase>().ExecuteAsync(
                PostgresReactorOutbox.InsertSql, CancellationToken.None, PostgresReactorOutbox.InsertParameters(left, DateTimeOffset.UtcNow, "gone/1/dead"));

            await ReadUntilAsync(watch, left.Id);
            await WaitForEmptyOutboxAsync(reactor, "the dead reactor's event");
        }
        finally
        {
            await reactor.App.StopAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task ReadUntilAsync(StreamSubscription watch, string eventId)
    {
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            while ((await watch.Reader.ReadAsync(deadline.Token)).Id != eventId)
            {
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"event {eventId} was not evaluated within {Patience.TotalSeconds} s");
        }
    }

    private static async Task WaitForEmptyOutboxAsync(InMemoryReactor reactor, string what)
    {
        var outbox = reactor.Services.GetRequiredService<IReactorOutbox>();
        var deadline = DateTime.UtcNow + Patience;
        while (await outbox.CountAsync(CancellationToken.None) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the outbox still holds {what}: not evaluated or not published");
            await Task.Delay(50);
        }
    }
}
