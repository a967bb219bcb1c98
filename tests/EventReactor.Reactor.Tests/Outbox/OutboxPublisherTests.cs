using EventReactor.Contracts;
using EventReactor.Messaging.Resilience;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Tests.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Registry;

namespace EventReactor.Reactor.Tests.Outbox;

public sealed class OutboxPublisherTests : IAsyncDisposable
{
    private readonly TempReactorDatabase _state = new();

    [Fact]
    public async Task Publish_BrokerConfirmsOnlyPart_SendsTheRestAgainWithItsIdAndKeepsUnevaluatedRows()
    {
        var outbox = new SqliteReactorOutbox(_state.Database, TimeProvider.System);
        var first = EventEnvelope.Create("reactor/a", "/reactor");
        var second = EventEnvelope.Create("reactor/b", "/reactor");
        await outbox.AddAsync(first, CancellationToken.None);
        await outbox.AddAsync(second, CancellationToken.None);
        var broker = new PartlyConfirmingPublisher();
        await using var services = new ServiceCollection().AddLogging().AddEventReactorResilience().BuildServiceProvider();
        using var publisher = new OutboxPublisher(outbox, new OutboxSignal(), broker, services.GetRequiredService<ResiliencePipelineProvider<string>>(), NullLogger<OutboxPublisher>.Instance);

        await publisher.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await outbox.ReadToPublishAsync(0, 10, CancellationToken.None)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox still holds unpublished events");
            await Task.Delay(20);
        }

        await publisher.StopAsync(CancellationToken.None);

        lock (broker.Sent)
        {
            Assert.Equal([first.Id, second.Id, second.Id], broker.Sent);
        }

        // Published but not evaluated yet: kept for the evaluator.
        Assert.Equal(2, await outbox.CountAsync(CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _state.DisposeAsync();
}
