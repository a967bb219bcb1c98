using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// Declares the bus topology at start: the event exchanges and the partition exchange and queues
/// (<see cref="BusTopology"/>, <see cref="ReactorOptions.Partitions"/>), and the reactor's error exchange and queue. MassTransit declares the latter only at the first fault, so on a broker that never saw a fault a
/// service looking for rejected events would find no queue; the declaration is the one MassTransit makes (a durable
/// fanout exchange bound to a durable queue without arguments), so either may come first. An exchange left by an older
/// version with another type stops the reactor with how to remove it, and so does a broker without the consistent-hash
/// plugin. The error queue stays a classic queue: MassTransit declares it so at the first fault, and it holds only
/// messages the reactor refused (docs/scale-out.md).
/// </summary>
internal sealed partial class TopologyDeclarer(
    IOptions<BusOptions> options,
    IOptions<ReactorOptions> reactor,
    TopologyState state,
    TimeProvider time,
    ILogger<TopologyDeclarer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = BusAddress.Parse(options.Value.Url);
        if (address.InMemory)
        {
            state.MarkDeclared();
            state.MarkConsuming();
            return;
        }

        // The broker may come up after the reactor; the bus itself waits for it the same way.
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not (OperationCanceledException or BusTopologyException)),
                OnRetry = args =>
                {
                    LogRetrying(logger, EventBusNames.ReactorErrorQueue, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        try
        {
            var partitions = reactor.Value.Partitions;
            await pipeline.ExecuteAsync(token => DeclareAsync(address, options.Value, partitions, token), stoppingToken);
            state.MarkDeclared();
            LogDeclared(logger, partitions, EventBusNames.ReactorErrorQueue);
        }
        catch (BusTopologyException ex)
        {
            // Thrown on, it stops the host: the reactor would otherwise consume nothing from an exchange it cannot bind.
            LogWrongTopology(logger, ex.Message);
            throw;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the broker answered: the publisher and MassTransit declare the same at first use.
        }
    }

    private static async ValueTask DeclareAsync(BusAddress address, BusOptions bus, int partitions, CancellationToken cancellationToken)
    {
        await using var connection = await address.ConnectAsync("eventreactor-topology", bus, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await BusTopology.DeclareEventExchangesAsync(channel, cancellationToken);
        await BusTopology.DeclarePartitionsAsync(channel, partitions, cancellationToken);
        const string name = EventBusNames.ReactorErrorQueue;
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, name, routingKey: string.Empty, cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Reason}")]
    private static partial void LogWrongTopology(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event exchanges, {Partitions} partition queues and error queue {Queue} declared")]
    private static partial void LogDeclared(ILogger logger, int partitions, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not declare the event exchanges and error queue {Queue} yet; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string queue, TimeSpan delay, Exception? exception);
}
