using RabbitMQ.Client;

namespace EventReactor.EndToEnd;

/// <summary>Polls one queue's depth every 200 ms until disposed and keeps the highest seen.</summary>
internal sealed class QueueDepthSampler : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private long _max;

    private QueueDepthSampler(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _polling = PollAsync(queue);
    }

    public long Max => Interlocked.Read(ref _max);

    public static async Task<QueueDepthSampler> StartAsync(BenchSettings settings, string queue)
    {
        var connection = await BrokerConnections.OpenAsync(settings, "bench-depth");
        var channel = await connection.CreateChannelAsync();
        return new QueueDepthSampler(connection, channel, queue);
    }

    /// <summary>The queue's depth now (one passive declare).</summary>
    public static async Task<uint> ReadAsync(IChannel channel, string queue) => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PollAsync(string queue)
    {
        while (!_stop.IsCancellationRequested)
        {
            var depth = await ReadAsync(_channel, queue);
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
