using System.Diagnostics;
using EventReactor.Contracts;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A durable queue of the test's own, bound with <c>#</c> to the exchange of every event (the reactor's own included)
/// of the private broker, so that it keeps what arrives while the test is not reading and survives a broker restart;
/// read as raw CloudEvents JSON.
/// </summary>
internal sealed class EventQueue : IAsyncDisposable
{
    private const string AllExchange = "eventreactor.all";
    private readonly ConnectionFactory _factory = new() { HostName = "localhost", Port = ChaosServices.RabbitMqPort, UserName = "guest", Password = "guest" };
    private readonly string _name;
    private IConnection? _connection;
    private IChannel? _channel;

    private EventQueue(string name)
    {
        _name = name;
    }

    /// <summary>Everything read so far, in arrival order, duplicates included.</summary>
    public List<EventEnvelope> Received { get; } = [];

    public static async Task<EventQueue> CreateAsync(string name)
    {
        var queue = new EventQueue(name);
        var channel = await queue.ChannelAsync();
        await channel.ExchangeDeclareAsync(AllExchange, ExchangeType.Topic, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name, AllExchange, "#");
        return queue;
    }

    /// <summary>Reads until <paramref name="done"/> holds for what was received (then a little longer, to catch duplicates).</summary>
    public async Task ReadUntilAsync(Func<IReadOnlyList<EventEnvelope>, bool> done, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        TimeSpan? doneAt = null;
        while (deadline.Elapsed < timeout)
        {
            var got = await TryReadAsync();
            if (got)
            {
                continue;
            }

            if (doneAt is null && done(Received))
            {
                doneAt = deadline.Elapsed;
            }

            if (doneAt is { } at && deadline.Elapsed - at > TimeSpan.FromSeconds(1))
            {
                return;
            }

            await Task.Delay(50);
        }

        if (!done(Received))
        {
            throw new TimeoutException($"no {what} within {timeout.TotalSeconds}s; received {Received.Count} events");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await (await ChannelAsync()).QueueDeleteAsync(_name);
        }
        catch (Exception)
        {
            // The broker may be down at the end of a failed test; chaos.sh down removes its state anyway.
        }

        await CloseAsync();
    }

    private async Task<bool> TryReadAsync()
    {
        try
        {
            var result = await (await ChannelAsync()).BasicGetAsync(_name, autoAck: true);
            if (result is null)
            {
                return false;
            }

            Received.Add(CloudEventJson.Deserialize(result.Body.Span));
            return true;
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException)
        {
            // The broker is away; try again with a new connection.
            await CloseAsync();
            return false;
        }
    }

    private async Task<IChannel> ChannelAsync()
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await CloseAsync();
        _connection = await _factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        return _channel;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception)
        {
            // Closing a connection to a broker that is gone.
        }

        _channel = null;
        _connection = null;
    }
}
