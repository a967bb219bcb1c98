using System.Diagnostics;
using System.Globalization;
using EventReactor.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventReactor.EndToEnd;

/// <summary>
/// The same-work reference (issue #10): plain RabbitMQ.Client doing per event exactly the broker work the design
/// needs and nothing else: a persistent confirmed publish of the event to a durable queue; its delivery, which
/// publishes a persistent confirmed reaction of the same size and then acks the delivery, as the reactor acts before
/// it acks. The consumer runs as many deliveries at once, with the same prefetch, as the reactor's defaults.
/// Where the reaction goes is the one thing the design leaves open (it depends on who binds fired events), so there
/// are two variants: <see cref="SameWorkReactions.Stored"/> (a durable queue nobody consumes, purged after each
/// phase: the broker stores every reaction) and <see cref="SameWorkReactions.Unrouted"/> (no queue binds it: the
/// broker confirms without storing).
/// </summary>
internal sealed class SameWorkReference : IAsyncDisposable
{
    private const string EventsQueue = "bench.same-work.events";

    // The latency phases' events go through a quorum queue, as the reactor's partitions are (the flood keeps the
    // classic queue it was first measured with).
    private const string QuorumEventsQueue = "bench.same-work.events.quorum";
    private const string ReactionsQueue = "bench.same-work.reactions";
    private const string Nowhere = "bench.same-work.unbound";
    private const int Window = 256;
    private const ushort Prefetch = 256;

    // As many at once as the reactor handles by default.
    private static readonly ushort Concurrency = (ushort)new BusOptions().ConcurrentMessageLimit;

    private readonly BenchSettings _settings;
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _reactions;
    private readonly IChannel _consumer;
    private readonly string _reactionsTo;
    private readonly byte[] _body;
    private readonly BasicProperties _properties = new() { Persistent = true, ContentType = "application/json" };
    private int _reacted;
    private int _target = int.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long[] _sentAt = [];
    private double[] _latencies = [];

    private SameWorkReference(BenchSettings settings, IConnection connection, IChannel publisher, IChannel reactions, IChannel consumer, int size, SameWorkReactions variant)
    {
        _reactionsTo = variant == SameWorkReactions.Stored ? ReactionsQueue : Nowhere;
        _settings = settings;
        _connection = connection;
        _publisher = publisher;
        _reactions = reactions;
        _consumer = consumer;
        _body = new byte[size];
        Array.Fill(_body, (byte)'x');
    }

    public static async Task<SameWorkReference> StartAsync(BenchSettings settings, int size, SameWorkReactions variant)
    {
        var connection = await BrokerConnections.OpenAsync(settings, "bench-same-work");
        var confirms = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        var publisher = await connection.CreateChannelAsync(confirms);
        var reactions = await connection.CreateChannelAsync(confirms);
        foreach (var queue in new[] { EventsQueue, ReactionsQueue })
        {
            await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await publisher.QueuePurgeAsync(queue);
        }

        await publisher.QueueDeclareAsync(QuorumEventsQueue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await publisher.QueuePurgeAsync(QuorumEventsQueue);

        var consumer = await connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: Concurrency));
        await consumer.BasicQosAsync(0, Prefetch, false);
        var reference = new SameWorkReference(settings, connection, publisher, reactions, consumer, size, variant);
        var handler = new AsyncEventingBasicConsumer(consumer);
        handler.ReceivedAsync += reference.ReactAsync;
        await consumer.BasicConsumeAsync(EventsQueue, autoAck: false, handler);
        await consumer.BasicConsumeAsync(QuorumEventsQueue, autoAck: false, handler);
        return reference;
    }

    /// <summary>As fast as confirms allow (<see cref="Window"/> publishes in flight), timed until the last reaction is confirmed.</summary>
    public async Task<ReferenceResult> FloodAsync(int count)
    {
        Reset(count);
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(PublishEventAsync());
            if (inFlight.Count == Window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        await _reached.Task.WaitAsync(LoadGenerator.Patience);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (process, broker) = cpu.PerEvent(count);
        await _publisher.QueuePurgeAsync(ReactionsQueue);
        return new ReferenceResult(count / elapsed, process, broker);
    }

    /// <summary>
    /// A steady <paramref name="rate"/> for <paramref name="seconds"/> (confirms awaited <see cref="Window"/> at a time,
    /// never blocking the pace); passes when the events' queue stayed under <see cref="SustainedSearch.MaxDepth"/>,
    /// the pace was held and every reaction was confirmed within <paramref name="grace"/> of the last publish.
    /// </summary>
    public async Task<bool> SustainAsync(int rate, int seconds, TimeSpan grace)
    {
        var count = Math.Max(1, rate * seconds);
        Reset(count);
        bool keptUp;
        double offered;
        long maxDepth;
        await using (var depth = await QueueDepthSampler.StartAsync(_settings, EventsQueue))
        {
            offered = count / await PublishPacedAsync(rate, count, _ => PublishEventAsync());
            keptUp = await Task.WhenAny(_reached.Task, Task.Delay(grace)) == _reached.Task;
            maxDepth = depth.Max;
        }

        await _reached.Task.WaitAsync(LoadGenerator.Patience);
        await _publisher.QueuePurgeAsync(ReactionsQueue);
        var passed = keptUp && maxDepth < SustainedSearch.MaxDepth && offered >= rate * 0.95;
        Console.WriteLine($"  same-work reference at {rate}/s: queue max {maxDepth}, offered {offered:F0}/s, reactions {(keptUp ? "kept up" : "lagged")} -> {(passed ? "sustained" : "not sustained")}");
        return passed;
    }

    /// <summary>
    /// The latency peer of the reactor's at <paramref name="rate"/>: events paced as in <see cref="SustainAsync"/>
    /// through a quorum queue, each timed from its publish to its reaction's confirm.
    /// </summary>
    public async Task<(LatencySummary Latency, double CpuMicrosecondsPerEvent, double BrokerCpuMicrosecondsPerEvent)> LatencyAsync(int rate, int seconds)
    {
        var count = Math.Max(1, rate * seconds);
        Reset(count);
        var cpu = CpuMeter.Start();
        _sentAt = new long[count];
        _latencies = new double[count];
        await PublishPacedAsync(rate, count, i =>
        {
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json", MessageId = i.ToString(CultureInfo.InvariantCulture) };
            _sentAt[i] = Stopwatch.GetTimestamp();
            return _publisher.BasicPublishAsync(string.Empty, QuorumEventsQueue, mandatory: false, properties, _body).AsTask();
        });
        await _reached.Task.WaitAsync(LoadGenerator.Patience);
        var (process, broker) = cpu.PerEvent(count);
        await _publisher.QueuePurgeAsync(ReactionsQueue);
        var latencies = _latencies;
        _sentAt = [];
        return (LatencySummary.Of(latencies), process, broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.QueueDeleteAsync(QuorumEventsQueue);
        await _publisher.QueueDeleteAsync(EventsQueue);
        await _publisher.QueueDeleteAsync(ReactionsQueue);
        await _consumer.DisposeAsync();
        await _reactions.DisposeAsync();
        await _publisher.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>
    /// Calls <paramref name="publish"/> for events 0 to <paramref name="count"/> - 1 at a steady <paramref name="rate"/>,
    /// confirms awaited <see cref="Window"/> at a time; returns the seconds it took, the last confirm included.
    /// </summary>
    private static async Task<double> PublishPacedAsync(int rate, int count, Func<int, Task> publish)
    {
        var interval = Stopwatch.Frequency / (double)rate;
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            var wait = started + (long)(i * interval) - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            }

            inFlight.Add(publish(i));
            if (inFlight.Count == Window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private Task PublishEventAsync() => _publisher.BasicPublishAsync(string.Empty, EventsQueue, mandatory: false, _properties, _body).AsTask();

    private void Reset(int target)
    {
        Volatile.Write(ref _reacted, 0);
        _target = target;
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task ReactAsync(object sender, BasicDeliverEventArgs delivery)
    {
        await _reactions.BasicPublishAsync(string.Empty, _reactionsTo, mandatory: false, _properties, _body);
        var sentAt = _sentAt;
        if (delivery.BasicProperties.MessageId is { } id && int.TryParse(id, CultureInfo.InvariantCulture, out var index) && index < sentAt.Length)
        {
            _latencies[index] = Stopwatch.GetElapsedTime(sentAt[index]).TotalMilliseconds;
        }

        await _consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        if (Interlocked.Increment(ref _reacted) == _target)
        {
            _reached.TrySetResult();
        }
    }
}
