using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
            await publisher.PublishAsync(envelope, CancellationToken.None);
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

    public void Dispose() => _data.Dispose();

    private static async Task RunDrainerUntilAsync(OutboxStore store, IEventPublisher bus, Func<bool> done)
    {
        var options = new MinionOptions { Id = "m1" };
        options.Outbox.PublishTimeout = TimeSpan.FromMilliseconds(200);
        options.Outbox.RetryDelay = TimeSpan.FromMilliseconds(10);
        options.Outbox.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        options.Outbox.BatchSize = 16;
        options.Outbox.Lanes = 4;
        using var drainer = new OutboxDrainer(store, new OutboxSignal(), bus, Options.Create(options), NullLogger<OutboxDrainer>.Instance);
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
