using EventReactor.Messaging;
using EventReactor.Reactor.Processing;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Streaming;

/// <summary>
/// On RabbitMQ: a temporary queue on <c>eventreactor.all</c>, consumed while anyone watches and for
/// <see cref="Linger"/> after the last one leaves. Bound for good, it brought every event on the bus (each minion's
/// and each fired one) back into the reactor, a second delivery per event that a flood paid for with nobody watching.
/// </summary>
internal sealed partial class BusStreamFeed(
    IBus bus,
    IBusRegistrationContext registration,
    BusStarted started,
    TimeProvider time,
    ILogger<BusStreamFeed> logger) : IStreamFeed, IAsyncDisposable
{
    // A watcher that reconnects (a page reloaded, `events watch` run again) finds the queue still there.
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(30);

    // Long enough for a broker that is up; a broker that is away does not keep a watcher waiting for its headers.
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(10);

    // A watcher loses its oldest events rather than the broker keeping an unbounded backlog for a stalled reactor.
    private const int QueueMaxLength = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private HostReceiveEndpointHandle? _handle;
    private int _watchers;

    // Changed by every acquire and by every release of the last watcher: a close planned before either is void.
    private long _generation;

    public EventStreamSource Source => EventStreamSource.Bus;

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _generation);
            if (_handle is null)
            {
                await started.Started.WaitAsync(cancellationToken);
                _handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition("stream"), DefaultEndpointNameFormatter.Instance, Configure);
                LogOpening(logger);
            }

            await WaitReadyAsync(_handle, cancellationToken);
            Interlocked.Increment(ref _watchers);
        }
        catch
        {
            // The watcher went away while the queue was being opened: nobody else may ever let it go.
            if (Volatile.Read(ref _watchers) == 0 && _handle is not null)
            {
                _ = CloseLaterAsync(Interlocked.Increment(ref _generation));
            }

            throw;
        }
        finally
        {
            _gate.Release();
        }

        return new Lease(this);
    }

    // Not disposed: a planned close may still read its token; the host's end is all that cancels it.
    public async ValueTask DisposeAsync() => await _disposed.CancelAsync();

    private async Task WaitReadyAsync(HostReceiveEndpointHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            await handle.Ready.WaitAsync(ReadyPatience, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The bus keeps connecting it; events reach the watcher once it is up.
            LogNotReady(logger, ReadyPatience.TotalSeconds);
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _watchers) == 0)
        {
            _ = CloseLaterAsync(Interlocked.Increment(ref _generation));
        }
    }

    private async Task CloseLaterAsync(long generation)
    {
        try
        {
            await Task.Delay(Linger, time, _disposed.Token);
            await _gate.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping, and the bus stops every endpoint it holds.
            return;
        }

        try
        {
            if (Interlocked.Read(ref _generation) != generation || _handle is null)
            {
                return;
            }

            await _handle.StopAsync(_disposed.Token);
            _handle = null;
            LogClosed(logger, Linger.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Still bound: the next watcher finds it open, and the next last one leaving tries again.
            LogCloseFailed(logger, ex.GetBaseException().Message);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Configure(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.ConfigureConsumeTopology = false;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Bind(EventBusNames.AllExchange, binding =>
            {
                binding.ExchangeType = RabbitMQ.Client.ExchangeType.Topic;
                binding.RoutingKey = EventBusNames.EveryKey;
            });
            rabbit.SetQueueArgument("x-max-length", QueueMaxLength);
        }

        // In order, as watchers expect; a message that is not an event is dropped here (the reactor's queue reports it).
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.PrefetchCount = 512;
        endpoint.DiscardFaultedMessages();
        endpoint.DiscardSkippedMessages();
        endpoint.ConfigureConsumer<EventStreamFeedConsumer>(registration);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A watcher arrived: consuming eventreactor.all for live watchers")]
    private static partial void LogOpening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No watcher for {Seconds} s: stopped consuming eventreactor.all")]
    private static partial void LogClosed(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live watchers' queue is not consuming after {Seconds} s (is the broker away?); the watcher gets events once it is")]
    private static partial void LogNotReady(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not stop the live watchers' queue: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, string reason);

    private sealed class Lease(BusStreamFeed feed) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                feed.Release();
            }
        }
    }
}
