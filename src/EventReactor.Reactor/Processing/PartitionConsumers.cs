using EventReactor.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// Consumes every partition queue (<see cref="EventBusNames.PartitionQueue"/>) on RabbitMQ; the broker makes this reactor
/// the active consumer of some and keeps it waiting on the others, and moves a queue to a waiting reactor when its
/// consumer goes (a reactor that dies included). Every few seconds it compares the partitions that delivered here with
/// its fair share of them (<see cref="PartitionBalance"/>, reactors counted as the consumers of
/// <see cref="EventBusNames.ReactorsQueue"/>, which every reactor holds and nothing is sent to: the broker counts only the
/// active consumer of a single-active-consumer queue) and hands the
/// excess back by stopping that endpoint and consuming it again, behind the others. Stopping waits for the events in
/// flight, so a partition is never handled by two reactors at once.
/// </summary>
internal sealed partial class PartitionConsumers(
    IBus consumers,
    IBusRegistrationContext registration,
    BusStarted started,
    IOptions<BusOptions> busOptions,
    IOptions<ReactorOptions> reactor,
    TopologyState state,
    ILogger<PartitionConsumers> logger) : BackgroundService
{
    private static readonly TimeSpan BalanceEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = busOptions.Value;
        if (options.InMemory)
        {
            return;
        }

        try
        {
            await started.Started.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var partitions = reactor.Value.Partitions;
        var activity = new PartitionActivity(partitions);
        var handles = new HostReceiveEndpointHandle[partitions];
        for (var i = 0; i < partitions; i++)
        {
            handles[i] = Connect(i, partitions, activity);
        }

        try
        {
            await Task.WhenAll(handles.Select(h => h.Ready)).WaitAsync(stoppingToken);
            state.MarkConsuming();
            using var timer = new PeriodicTimer(BalanceEvery);
            IConnection? connection = null;
            IChannel? membership = null;
            try
            {
                // Counted by the others from the start, not from this reactor's first look.
                do
                {
                    try
                    {
                        connection ??= await BusAddress.Parse(options.Url).ConnectAsync("eventreactor-partitions", options, stoppingToken);
                        membership ??= await JoinAsync(connection, stoppingToken);
                        var reactors = (int)await membership.ConsumerCountAsync(EventBusNames.ReactorsQueue, stoppingToken);
                        var held = activity.Take();
                        LogBalance(logger, held.Count, partitions, reactors);
                        foreach (var partition in PartitionBalance.ToRelease(held, partitions, reactors))
                        {
                            LogReleasing(logger, EventBusNames.PartitionQueue(partition), reactors);
                            await handles[partition].StopAsync(stoppingToken);
                            handles[partition] = Connect(partition, partitions, activity);
                            await handles[partition].Ready.WaitAsync(stoppingToken);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The broker away or a connection lost: the bus reconnects its endpoints itself; balance next time.
                        LogBalanceFailed(logger, ex.GetBaseException().Message);
                        if (connection is not null)
                        {
                            await connection.DisposeAsync();
                            connection = null;
                            membership = null;
                        }
                    }
                }
                while (await timer.WaitForNextTickAsync(stoppingToken));
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the bus stops every endpoint it holds.
        }
    }

    private HostReceiveEndpointHandle Connect(int partition, int partitions, PartitionActivity activity)
    {
        var bus = busOptions.Value;
        return consumers.ConnectReceiveEndpoint(EventBusNames.PartitionQueue(partition), endpoint =>
        {
            // TopologyDeclarer binds the queue to the partition exchange; the arguments are the same, so either declares first.
            endpoint.ConfigureConsumeTopology = false;
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                foreach (var (key, value) in BusTopology.PartitionQueueArguments)
                {
                    rabbit.SetQueueArgument(key, value);
                }
            }

            // Bus:ConcurrentMessageLimit stays what one reactor holding every partition handles at once. Nothing is fetched
            // ahead of what runs: a partition handed back would return such events to its queue behind later ones.
            var concurrent = Math.Max(1, (bus.ConcurrentMessageLimit + partitions - 1) / partitions);
            endpoint.ConcurrentMessageLimit = concurrent;
            endpoint.PrefetchCount = concurrent;
            endpoint.UseExecute(_ => activity.Mark(partition));
            endpoint.ConfigureConsumer<EventConsumer>(registration);
        });
    }

    // Held while this reactor runs: its consumer on the membership queue is how the others count it (the connection
    // closes with the process, however it ends).
    private static async Task<IChannel> JoinAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(EventBusNames.ReactorsQueue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.BasicConsumeAsync(EventBusNames.ReactorsQueue, autoAck: false, new AsyncEventingBasicConsumer(channel), cancellationToken);
        return channel;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handing partition {Queue} to another reactor ({Reactors} share the partitions)")]
    private static partial void LogReleasing(ILogger logger, string queue, int reactors);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Held} of {Partitions} partitions delivered here; {Reactors} reactors share them")]
    private static partial void LogBalance(ILogger logger, int held, int partitions, int reactors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not balance the partitions this time: {Reason}")]
    private static partial void LogBalanceFailed(ILogger logger, string reason);
}
