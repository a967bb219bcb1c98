using EventReactor.Contracts.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace EventReactor.Messaging.Direct;

/// <summary>
/// The one RabbitMQ channel a process publishes events on, with publisher confirms tracked by the client; opened on
/// first use and again after <see cref="Reset"/>, so that a broker that comes back is found without a restart.
/// </summary>
internal sealed partial class DirectPublishChannel(IOptions<BusOptions> options, IEnumerable<IBusIdentity> credentials, ILogger<DirectPublishChannel> logger) : IDirectPublishChannel, IAsyncDisposable
{
    private readonly IBusIdentity? _credentials = BusIdentitySource.Single(credentials);
    private readonly SemaphoreSlim _opening = new(1, 1);
    private BrokerCredential? _connectedWith;
    private volatile string? _userId;
    private IConnection? _connection;
    private IChannel? _channel;
    private volatile bool _disposed;

    /// <summary>True once the host disposed it: a publish then fails rather than waits.</summary>
    public bool IsDisposed => _disposed;

    public string UserId => _userId ?? Address().Username;

    public async ValueTask<IChannel> GetAsync(CancellationToken cancellationToken)
    {
        // A credential that arrived (or changed) since the connection opened is used from now on.
        if (Volatile.Read(ref _channel) is { IsOpen: true } open && _credentials?.Current == _connectedWith)
        {
            return open;
        }

        // Not a connection failure: a publish after the host stopped must fail, not wait for a broker forever.
        ObjectDisposedException.ThrowIf(_disposed, this);

        await _opening.WaitAsync(cancellationToken);
        try
        {
            var credential = _credentials?.Current;
            if (_channel is { IsOpen: true } opened && credential == _connectedWith)
            {
                return opened;
            }

            if (_connection is not { IsOpen: true } || credential != _connectedWith)
            {
                await CloseQuietlyAsync(Interlocked.Exchange(ref _channel, null));
                await CloseQuietlyAsync(_connection);
                var address = Address(credential);
                _connection = await address.ConnectAsync("eventreactor-publisher", options.Value, cancellationToken);
                _connectedWith = credential;
                _userId = address.Username;
            }

            // The client's own limiter would delay publishes past 64 in flight; the callers bound that themselves
            // (the outbox by its batch, the reactor by its concurrent message limit).
            var channel = await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null),
                cancellationToken);

            // Every publisher declares the same topology, so that minion or reactor may come first; a process with its
            // own least-privilege account (a minion's) may not configure them, and relies on the reactor's declaration.
            if (credential is null)
            {
                await BusTopology.DeclareEventExchangesAsync(channel, cancellationToken);
            }

            Volatile.Write(ref _channel, channel);
            LogOpened(logger, $"{EventBusNames.EventsExchange}, {EventBusNames.AllExchange}");
            return channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Drops a channel that failed, so that the next publish opens a new one (and a new connection if it is gone).</summary>
    public void Reset(IChannel broken)
    {
        if (Interlocked.CompareExchange(ref _channel, null, broken) == broken)
        {
            _ = CloseQuietlyAsync(broken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await CloseQuietlyAsync(Interlocked.Exchange(ref _channel, null));
        await CloseQuietlyAsync(_connection);
        _opening.Dispose();
    }

    private BusAddress Address(BrokerCredential? credential = null) => BusAddress.Parse(options.Value.Url).WithCredential(credential ?? _credentials?.Current);

    private static async Task CloseQuietlyAsync(IAsyncDisposable? disposable)
    {
        try
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
        catch (Exception)
        {
            // Closing what already failed: nothing to report.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Publishing channel to exchanges {Exchange} opened")]
    private static partial void LogOpened(ILogger logger, string exchange);
}
