using EventReactor.Contracts;
using EventReactor.Messaging.Direct;
using EventReactor.Messaging.Resilience;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Polly.Registry;

namespace EventReactor.Messaging.Tests.Direct;

public sealed class DirectEventPublisherTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task PublishAsync_BrokerUnreachableThenBack_WaitsOnTheClockAndPublishesOnce()
    {
        var channel = new ScriptedPublishChannel(unreachable: 3);
        var publisher = Publisher(channel);

        var publish = publisher.PublishAsync(EventEnvelope.Create("test/direct", "/test"), CancellationToken.None);
        await _time.AdvanceUntilAsync(() => publish.IsCompleted, TimeSpan.FromMilliseconds(100));
        await publish;

        Assert.Equal(4, channel.Opens);
        Assert.Equal(1, channel.Published);
    }

    [Fact]
    public async Task PublishAsync_CancelledWhileTheBrokerIsAway_ThrowsOperationCanceledAndPublishesNothing()
    {
        var channel = new ScriptedPublishChannel(unreachable: int.MaxValue);
        var publisher = Publisher(channel);
        using var stopping = new CancellationTokenSource();

        var publish = publisher.PublishAsync(EventEnvelope.Create("test/direct", "/test"), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
        Assert.Equal(1, channel.Opens);
        Assert.Equal(0, channel.Published);
    }

    [Fact]
    public async Task PublishAsync_AfterTheHostDisposedTheChannel_FailsAtOnce()
    {
        var publisher = Publisher(new ScriptedPublishChannel(unreachable: 0) { IsDisposed = true });

        await Assert.ThrowsAsync<ObjectDisposedException>(() => publisher.PublishAsync(EventEnvelope.Create("test/direct", "/test"), CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_Event_GoesToTheIngressWithTheTagsRoutingKey()
    {
        var channel = new ScriptedPublishChannel(unreachable: 0);

        await Publisher(channel).PublishAsync(EventEnvelope.Create("minion/web1.lan/docker/container/die", "/test"), CancellationToken.None);

        Assert.Equal([(EventBusNames.EventsExchange, "minion.web1%2Elan.docker.container.die")], Sent(channel));
    }

    [Fact]
    public async Task PublishBatch_IngressAndEmitted_EachGoesToItsExchangeWithItsRoutingKey()
    {
        var channel = new ScriptedPublishChannel(unreachable: 0);
        var publisher = Publisher(channel);
        SerializedEvent[] events = [new("1", "ci/build/finished", new byte[] { 1 }), new("2", "reactor/action/failed", new byte[] { 2 })];

        await ((IEventBatchPublisher)publisher).PublishAsync(events[..1], CancellationToken.None);
        await ((IEmittedEventPublisher)publisher).PublishAsync(events[1..], CancellationToken.None);

        Assert.Equal([(EventBusNames.EventsExchange, "ci.build.finished"), (EventBusNames.AllExchange, "reactor.action.failed")], Sent(channel));
    }

    [Fact]
    public async Task PublishAsync_MinionEventAndJobReturn_CarryTheMinionAsPartitionHeader()
    {
        var channel = new ScriptedPublishChannel(unreachable: 0);
        var publisher = Publisher(channel);

        await publisher.PublishAsync(EventEnvelope.Create("minion/gpu7/docker/container/oom", "/test"), CancellationToken.None);
        await ((IEventBatchPublisher)publisher).PublishAsync([new("2", JobTags.Return("42", "gpu7"), new byte[] { 2 }), new("3", "ci/build/finished", new byte[] { 3 })], CancellationToken.None);

        Assert.Equal(["gpu7", "gpu7", "ci/build/finished"], PartitionHeaders(channel));
    }

    private static List<string?> PartitionHeaders(ScriptedPublishChannel channel) =>
        [.. channel.Channel.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(RabbitMQ.Client.IChannel.BasicPublishAsync))
            .Select(call => ((RabbitMQ.Client.IReadOnlyBasicProperties)call.GetArguments()[3]!).Headers?[EventBusNames.PartitionHeader] as string)];

    private static List<(string Exchange, string RoutingKey)> Sent(ScriptedPublishChannel channel) =>
        [.. channel.Channel.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(RabbitMQ.Client.IChannel.BasicPublishAsync))
            .Select(call => ((string)call.GetArguments()[0]!, (string)call.GetArguments()[1]!))];

    private DirectEventPublisher Publisher(IDirectPublishChannel channel)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time).AddEventReactorResilience().BuildServiceProvider();
        return new DirectEventPublisher(channel, services.GetRequiredService<ResiliencePipelineProvider<string>>(), NullLogger<DirectEventPublisher>.Instance);
    }
}
