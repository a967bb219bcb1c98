using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion.Outbox;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace EventReactor.Minion.Tests.Outbox;

public sealed class OutboxDrainerTests : IDisposable
{
    private readonly TempDataFolder _data = new();
    private readonly ConcurrentQueue<EventEnvelope> _published = new();

    [Fact]
    public async Task Drain_BrokerFailsThenRecovers_PublishesEveryEventOncePerContainerInOrderAndEmptiesTheOutbox()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = Enumerable.Range(0, 60).Select(i => TestEvents.Lifecycle($"c{i % 6}", $"a{i}")).ToList();
        var failures = 5;
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                return Task.FromException(new InvalidOperationException("broker away"));
            }

            _published.Enqueue(call.Arg<EventEnvelope>());
            return Task.CompletedTask;
        });
        var publisher = new OutboxEventPublisher(store, new OutboxSignal(), NullLogger<OutboxEventPublisher>.Instance);
        foreach (var envelope in events)
        {
            await publisher.AppendAsync(envelope, CancellationToken.None);
        }

        await RunDrainerUntilAsync(store, bus, () => store.Count == 0);

        Assert.Equal(events.Count, _published.Count);
        foreach (var container in events.GroupBy(e => e.Data.GetProperty("id").GetString()))
        {
            var order = _published.Where(p => p.Data.GetProperty("id").GetString() == container.Key).Select(p => p.Id);
            Assert.Equal(container.Select(e => e.Id), order);
        }
    }

    [Fact]
    public async Task Drain_PublishNeverConfirms_TimesOutAndRetriesWithTheSameId()
    {
        var store = new OutboxStore(_data.Open(), 10);
        var envelope = TestEvents.Lifecycle("c1");
        store.Append([envelope]);
        var attempts = 0;
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _published.Enqueue(call.Arg<EventEnvelope>());

            // The first attempt hangs and ignores its token, as a publish to a vanished broker may.
            return Interlocked.Increment(ref attempts) == 1 ? new TaskCompletionSource().Task : Task.CompletedTask;
        });

        await RunDrainerUntilAsync(store, bus, () => store.Count == 0);

        Assert.Equal(2, _published.Count);
        Assert.All(_published, p => Assert.Equal(envelope.Id, p.Id));
    }

    [Fact]
    public async Task Drain_AfterRestart_PublishesWhatThePreviousRunLeft()
    {
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.Lifecycle("c1", $"a{i}")).ToList();
        new OutboxStore(_data.Open(), 10).Append(events);
        var restarted = new OutboxStore(_data.Open(), 10);
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            _published.Enqueue(call.Arg<EventEnvelope>());
            return Task.CompletedTask;
        });

        await RunDrainerUntilAsync(restarted, bus, () => restarted.Count == 0);

        Assert.Equal(events.Select(e => e.Id), _published.Select(p => p.Id));
    }

    [Fact]
    public async Task Drain_BatchPublisherConfirmsAll_PublishesEveryEventInStoredOrderAsStoredAndEmptiesTheOutbox()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = Enumerable.Range(0, 40).Select(i => TestEvents.Lifecycle($"c{i % 3}", $"a{i}")).ToList();
        store.Append(events);
        var batches = ScriptedBatchPublisher.ConfirmingAll();

        await RunDrainerUntilAsync(store, UnusedBus(), () => store.Count == 0, batches);

        var published = batches.Calls.SelectMany(call => call).ToList();
        Assert.Equal(events.Select(e => e.Id), published.Select(p => p.Id));
        Assert.Equal(events.Select(e => e.Data.GetRawText()), published.Select(p => p.Data.GetRawText()));
        Assert.All(batches.Calls, call => Assert.True(call.Count <= 16, "a call holds at most one read batch"));
    }

    [Fact]
    public async Task Drain_BatchPartlyNacked_DeletesOnlyConfirmedRowsAndResendsTheRestInOrderBeforeNewerEvents()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = Enumerable.Range(0, 20).Select(i => TestEvents.Lifecycle($"c{i}", $"a{i}")).ToList();
        store.Append(events);
        var nacked = new HashSet<int> { 3, 4, 9, 15 };
        IReadOnlyList<string>? storedAtSecondCall = null;
        var confirmedAtSecondCall = -1;
        var batches = new ScriptedBatchPublisher((call, sent) =>
        {
            if (call == 1)
            {
                storedAtSecondCall = store.ReadAfter(0, 100).Select(e => e.Id).ToList();
                confirmedAtSecondCall = store.ConfirmedCount;
            }

            return Task.FromResult(sent.Select((_, i) => call > 0 || !nacked.Contains(i)).ToArray());
        });

        await RunDrainerUntilAsync(store, UnusedBus(), () => store.Count == 0, batches);

        // The first read batch holds 16: the 12 confirmed are due for deletion, the nacked are kept and resent first.
        var calls = batches.Calls.ToList();
        var resent = nacked.Order().Select(i => events[i].Id).ToList();
        Assert.Equal(12, confirmedAtSecondCall);
        Assert.Subset(storedAtSecondCall!.ToHashSet(), resent.ToHashSet());
        Assert.Equal(resent, calls[1].Select(e => e.Id));
        Assert.Equal(events.Skip(16).Select(e => e.Id), calls[2].Select(e => e.Id));
    }

    [Fact]
    public async Task Drain_OneContainerTwiceInABatch_SendsItsNextEventOnlyOnceThePreviousIsConfirmed()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = new[]
        {
            TestEvents.Lifecycle("c1", "create"),
            TestEvents.Lifecycle("c2", "create"),
            TestEvents.Lifecycle("c1", "start"),
            PresenceLike("start"),
            PresenceLike("inventory"),
            TestEvents.Lifecycle("c1", "die"),
        };
        store.Append(events);

        // The first c1 event is nacked once: nothing later of c1 may go out before it is confirmed.
        var batches = new ScriptedBatchPublisher((call, sent) => Task.FromResult(sent.Select(e => call > 0 || e.Id != events[0].Id).ToArray()));

        await RunDrainerUntilAsync(store, UnusedBus(), () => store.Count == 0, batches);

        var calls = batches.Calls.Select(call => call.Select(e => Array.IndexOf(events, events.Single(x => x.Id == e.Id))).ToList()).ToList();
        Assert.Equal([[0, 1, 3], [0], [2, 4], [5]], calls);
    }

    [Fact]
    public void LaneOf_StoredEvents_AgreesWithTheLaneKeyOfTheParsedEvent()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = new[] { TestEvents.Lifecycle("c1"), TestEvents.Lifecycle("c2", "oom"), PresenceLike("start"), TestEvents.Metrics(1) };
        store.Append(events);

        var stored = store.ReadAfter(0, 10);

        Assert.Equal(stored.Select(e => OutboxDrainer.LaneKey(e.Envelope)), stored.Select(OutboxLane.Of));
        Assert.Equal(["c1", "c2", string.Empty, string.Empty], stored.Select(OutboxLane.Of));
    }

    [Fact]
    public async Task Drain_StoringOneAtATime_DeletesConfirmedEventsWithTheNextStoreOrWhenIdle()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var publisher = new OutboxEventPublisher(store, new OutboxSignal(), NullLogger<OutboxEventPublisher>.Instance);
        var first = TestEvents.Lifecycle("c1", "start");
        await publisher.AppendAsync(first, CancellationToken.None);
        store.MarkConfirmed(store.ReadAfter(0, 10).Select(e => e.Sequence));

        await publisher.AppendAsync(TestEvents.Lifecycle("c1", "die"), CancellationToken.None);

        Assert.Equal(0, store.ConfirmedCount);
        Assert.DoesNotContain(store.ReadAfter(0, 10), e => e.Id == first.Id);
        await RunDrainerUntilAsync(store, UnusedBus(), () => store.Count == 0, ScriptedBatchPublisher.ConfirmingAll());
    }

    [Fact]
    public async Task Drain_BatchPublisherThrowsOrHangs_ResendsTheWholeBatchWithTheSameIds()
    {
        var store = new OutboxStore(_data.Open(), 1000);
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.Lifecycle($"c{i}", $"a{i}")).ToList();
        store.Append(events);
        var batches = new ScriptedBatchPublisher((call, sent) => call switch
        {
            0 => Task.FromException<bool[]>(new InvalidOperationException("broker away")),

            // Ignores its token, as a publish to a vanished broker may: the drainer's timeout must end it.
            1 => new TaskCompletionSource<bool[]>().Task,
            _ => Task.FromResult(Enumerable.Repeat(true, sent.Count).ToArray()),
        });

        await RunDrainerUntilAsync(store, UnusedBus(), () => store.Count == 0, batches);

        Assert.Equal(3, batches.Calls.Count);
        Assert.All(batches.Calls, call => Assert.Equal(events.Select(e => e.Id), call.Select(e => e.Id)));
    }

    [Fact]
    public async Task Drain_BrokerAwayThenBack_RetriesOnTheClockAndDrains()
    {
        var time = new FakeTimeProvider();
        var store = new OutboxStore(_data.Open(), 10);
        store.Append([TestEvents.Lifecycle("c1")]);
        var attempts = 0;
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>())
            .Returns(_ => ++attempts <= 3 ? Task.FromException(new InvalidOperationException("broker away")) : Task.CompletedTask);
        using var drainer = Drainer(store, bus, time);

        await drainer.StartAsync(CancellationToken.None);
        await time.AdvanceUntilAsync(() => store.Count == 0, TimeSpan.FromMilliseconds(200));
        await drainer.StopAsync(CancellationToken.None);

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Drain_StoppedWhileBrokerAway_StopsAndKeepsTheEvents()
    {
        var time = new FakeTimeProvider();
        var store = new OutboxStore(_data.Open(), 10);
        store.Append([TestEvents.Lifecycle("c1")]);
        var tried = new TaskCompletionSource();
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            tried.TrySetResult();
            return Task.FromException(new InvalidOperationException("broker away"));
        });
        using var drainer = Drainer(store, bus, time);

        await drainer.StartAsync(CancellationToken.None);
        await tried.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await drainer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, store.Count);
    }

    public void Dispose() => _data.Dispose();

    private static OutboxDrainer Drainer(OutboxStore store, IEventPublisher bus, TimeProvider time)
    {
        var options = new MinionOptions { Id = "m1" };
        return new OutboxDrainer(store, new OutboxSignal(), bus, TestPipelines.For(options, time), Options.Create(options), NullLogger<OutboxDrainer>.Instance);
    }

    private static EventEnvelope PresenceLike(string what) => EventEnvelope.Create($"minion/m1/{what}", "/minion/m1", null, "m1");

    // With a batch publisher the drainer must not fall back to publishing one event at a time.
    private static IEventPublisher UnusedBus()
    {
        var bus = Substitute.For<IEventPublisher>();
        bus.PublishAsync(Arg.Any<EventEnvelope>(), Arg.Any<CancellationToken>()).Returns(Task.FromException(new InvalidOperationException("the single-event path was used")));
        return bus;
    }

    private static async Task RunDrainerUntilAsync(OutboxStore store, IEventPublisher bus, Func<bool> done, IEventBatchPublisher? batches = null)
    {
        var options = new MinionOptions { Id = "m1" };
        options.Outbox.PublishTimeout = TimeSpan.FromMilliseconds(200);
        options.Outbox.RetryDelay = TimeSpan.FromMilliseconds(10);
        options.Outbox.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        options.Outbox.BatchSize = 16;
        options.Outbox.Lanes = 4;
        using var drainer = new OutboxDrainer(store, new OutboxSignal(), bus, TestPipelines.For(options), Options.Create(options), NullLogger<OutboxDrainer>.Instance, batches);
        await drainer.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await drainer.StopAsync(CancellationToken.None);
        Assert.True(done(), "the outbox did not drain within 20 s");
    }
}
