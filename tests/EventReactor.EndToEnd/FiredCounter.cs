using System.Collections.Concurrent;
using System.Text.Json;
using EventReactor.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventReactor.EndToEnd;

/// <summary>
/// Follows <c>eventreactor.events</c> from its own queue and counts the reactor's fired events: an expected event is
/// acted on when a <c>bench/fired/...</c> event caused by it arrives. Latency is the fired event's <c>time</c> minus
/// the container event's <c>time</c>, both stamped by this process's clock.
/// </summary>
internal sealed class FiredCounter : IAsyncDisposable
{
    private const string QueueName = "bench.fired-counter";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _latencies = new();
    private IConnection? _connection;
    private IChannel? _channel;
    private int _acted;
    private int _target = int.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Acted => Volatile.Read(ref _acted);

    public async Task StartAsync(BenchSettings settings)
    {
        _connection = await BrokerConnections.OpenAsync(settings, "bench-fired-counter");
        _channel = await _connection.CreateChannelAsync();
        await _channel.ExchangeDeclareAsync(EventBusNames.EventsExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await _channel.QueueDeclareAsync(QueueName, durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(QueueName, EventBusNames.EventsExchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Observe(delivery.Body.Span);
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(QueueName, autoAck: true, consumer);
    }

    /// <summary>Starts a phase: forgets earlier counts and completes <see cref="WaitAsync"/> after <paramref name="target"/> reactions.</summary>
    public void Reset(int target)
    {
        _expected.Clear();
        _latencies.Clear();
        Volatile.Write(ref _acted, 0);
        _target = target;
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Expect(string eventId, DateTimeOffset time) => _expected[eventId] = time;

    public Task WaitAsync(TimeSpan timeout) => _reached.Task.WaitAsync(timeout);

    public IReadOnlyList<double> Latencies => [.. _latencies];

    public async ValueTask DisposeAsync()
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

    private void Observe(ReadOnlySpan<byte> body)
    {
        // Container events pass here too (fanout); only fired events carry the prefix, so skip the rest cheaply.
        if (body.IndexOf("bench/fired/"u8) < 0)
        {
            return;
        }

        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("causedby", out var causedBy) || causedBy.GetString() is not { } cause
            || !_expected.TryRemove(cause, out var origin))
        {
            return;
        }

        var fired = root.GetProperty("time").GetDateTimeOffset();
        _latencies.Enqueue((fired - origin).TotalMilliseconds);
        if (Interlocked.Increment(ref _acted) == _target)
        {
            _reached.TrySetResult();
        }
    }
}
