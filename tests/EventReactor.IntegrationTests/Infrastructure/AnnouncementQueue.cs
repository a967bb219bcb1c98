using RabbitMQ.Client;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>A queue of its own on <c>eventreactor.all</c> that counts the <c>reactor/rules/loaded</c> announcements any reactor of the virtual host makes.</summary>
internal sealed class AnnouncementQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private int _count;

    private AnnouncementQueue(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<AnnouncementQueue> CreateAsync(string vhost)
    {
        var factory = new ConnectionFactory { HostName = "localhost", VirtualHost = vhost, UserName = "guest", Password = "guest" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "eventreactor.all", "reactor.rules.loaded");
        return new AnnouncementQueue(connection, channel, queue);
    }

    /// <summary>How many announcements arrived so far.</summary>
    public async Task<int> CountAsync()
    {
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is not null)
        {
            _count++;
        }

        return _count;
    }

    public async Task WaitForAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (await CountAsync() < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} reactor/rules/loaded announcements did not arrive within {within.TotalSeconds} s (got {_count})");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
