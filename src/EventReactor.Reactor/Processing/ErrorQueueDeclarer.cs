using EventReactor.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// Declares the reactor's error exchange and queue at start. MassTransit declares them only at the first fault, so on
/// a broker that never saw a fault a service looking for rejected events would find no queue, and a binding made
/// before the first fault would be missing. The declaration is the one MassTransit makes (a durable fanout exchange
/// bound to a durable queue with the receive queue's arguments, none), so either may come first.
/// </summary>
internal sealed partial class ErrorQueueDeclarer(IOptions<BusOptions> options, TimeProvider time, ILogger<ErrorQueueDeclarer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = BusAddress.Parse(options.Value.Url);
        if (address.InMemory)
        {
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
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                OnRetry = args =>
                {
                    LogRetrying(logger, EventBusNames.ReactorErrorQueue, args.RetryDelay, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        try
        {
            await pipeline.ExecuteAsync(token => DeclareAsync(address, options.Value.Tls, token), stoppingToken);
            LogDeclared(logger, EventBusNames.ReactorErrorQueue);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the broker answered: MassTransit still declares it at the first fault.
        }
    }

    private static async ValueTask DeclareAsync(BusAddress address, BusTlsOptions tls, CancellationToken cancellationToken)
    {
        await using var connection = await address.CreateConnectionFactory("eventreactor-topology", tls).CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        const string name = EventBusNames.ReactorErrorQueue;
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, name, routingKey: string.Empty, cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Error queue {Queue} declared")]
    private static partial void LogDeclared(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not declare the error queue {Queue} yet; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string queue, TimeSpan delay, Exception? exception);
}
