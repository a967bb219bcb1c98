using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.Messaging.Tests;

public sealed class BusTopologyTests
{
    [Fact]
    public async Task DeclarePartitionsAsync_ThreePartitions_HashExchangeOnTheHeaderFedByTheIngressAndThreeQuorumSingleConsumerQueues()
    {
        var channel = Substitute.For<IChannel>();

        await BusTopology.DeclarePartitionsAsync(channel, 3, CancellationToken.None);

        await channel.Received(1).ExchangeDeclareAsync(
            EventBusNames.PartitionExchange,
            "x-consistent-hash",
            Arg.Is(true),
            Arg.Is(false),
            Arg.Is<IDictionary<string, object?>>(a => (string)a["hash-header"]! == EventBusNames.PartitionHeader),
            Arg.Any<bool>(),
            Arg.Any<bool>(),
            Arg.Any<CancellationToken>());
        await channel.Received(1).ExchangeBindAsync(EventBusNames.PartitionExchange, EventBusNames.EventsExchange, "#", Arg.Any<IDictionary<string, object?>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
        foreach (var queue in new[] { "eventreactor.reactor.0", "eventreactor.reactor.1", "eventreactor.reactor.2" })
        {
            await channel.Received(1).QueueDeclareAsync(
                queue,
                Arg.Is(true),
                Arg.Is(false),
                Arg.Is(false),
                Arg.Is<IDictionary<string, object?>>(a => (string)a["x-queue-type"]! == "quorum" && (bool)a["x-single-active-consumer"]!),
                Arg.Any<bool>(),
                Arg.Any<bool>(),
                Arg.Any<CancellationToken>());

            // A consistent-hash binding's key is its weight: every partition gets an equal share.
            await channel.Received(1).QueueBindAsync(queue, EventBusNames.PartitionExchange, "1", Arg.Any<IDictionary<string, object?>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
        }

        Assert.Equal(3, channel.ReceivedCalls().Count(c => c.GetMethodInfo().Name == nameof(IChannel.QueueDeclareAsync)));
    }

    [Fact]
    public async Task DeclarePartitionsAsync_BrokerWithoutThePlugin_ThrowsNamingTheCommandThatEnablesIt()
    {
        var channel = Substitute.For<IChannel>();
        channel.ExchangeDeclareAsync(EventBusNames.PartitionExchange, Arg.Any<string>(), Arg.Any<bool>(), Arg.Any<bool>(), Arg.Any<IDictionary<string, object?>>(), Arg.Any<bool>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new OperationInterruptedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 503, "COMMAND_INVALID - unknown exchange type 'x-consistent-hash'")));

        var error = await Assert.ThrowsAsync<BusTopologyException>(() => BusTopology.DeclarePartitionsAsync(channel, 2, CancellationToken.None));

        Assert.Contains("rabbitmq-plugins enable rabbitmq_consistent_hash_exchange", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(channel.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(IChannel.QueueDeclareAsync));
    }

    [Theory]
    [InlineData("eventreactor.reactor.0", "eventreactor.reactor_error")]
    [InlineData("eventreactor.reactor.17", "eventreactor.reactor_error")]
    [InlineData("eventreactor.reactor", "eventreactor.reactor_error")]
    [InlineData("eventreactor.reactor.x", "eventreactor.reactor.x_error")]
    [InlineData("eventreactor.minion.web1", "eventreactor.minion.web1_error")]
    public void FormatErrorQueueName_Queue_PartitionsShareTheReactorsErrorQueue(string queue, string error) =>
        Assert.Equal(error, new PartitionErrorQueueNameFormatter().FormatErrorQueueName(queue));
}
