using EventReactor.Messaging;
using RabbitMQ.Client;

namespace EventReactor.EndToEnd;

/// <summary>Polls the reactor's queues' depth (its partitions, summed) every 200 ms until disposed and keeps the highest seen.</summary>
internal sealed class QueueDepthSampler : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private long _max;

    private QueueDepthSampler(IConnection connection, IChannel channel, string[] queues)
    {
        _connection = connection;
        _channel = channel;
        _polling = PollAsync(queues);
    }

    public long Max => Interlocked.Read(ref _max);

    /// <summary>Samples the reactor's partition queues.</summary>
    public static Task<QueueDepthSampler> StartAsync(BenchSettings settings) => StartAsync(settings, ReactorQueues(settings));

    /// <summary>Samples the given queues, summed.</summary>
    public static async Task<QueueDepthSampler> StartAsync(BenchSettings settings, params string[] queues)
    {
        var connection = await BrokerConnections.OpenAsync(settings, "bench-depth");
        var channel = await connection.CreateChannelAsync();
        return new QueueDepthSampler(connection, channel, queues);
    }

    /// <summary>The reactor's queues' depth now: every partition queue's, summed (one passive declare each).</summary>
    public static Task<uint> ReadAsync(IChannel channel, BenchSettings settings) => ReadAsync(channel, ReactorQueues(settings));

    private static string[] ReactorQueues(BenchSettings settings) => [.. Enumerable.Range(0, settings.Partitions).Select(EventBusNames.PartitionQueue)];

    private static async Task<uint> ReadAsync(IChannel channel, string[] queues)
    {
        var depth = 0u;
        foreach (var queue in queues)
        {
            depth += (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }

        return depth;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PollAsync(string[] queues)
    {
        while (!_stop.IsCancellationRequested)
        {
            var depth = await ReadAsync(_channel, queues);
            if (depth > Interlocked.Read(ref _max))
            {
                Interlocked.Exchange(ref _max, depth);
            }

            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
