using RabbitMQ.Client;

namespace EventReactor.Messaging.Direct;

/// <summary>The channel <see cref="DirectEventPublisher"/> publishes on: opened on demand, dropped when it fails.</summary>
internal interface IDirectPublishChannel
{
    /// <summary>True once the host disposed it: a publish then fails rather than waits.</summary>
    bool IsDisposed { get; }

    /// <summary>The broker user the channel connects as; every message carries it as <c>user_id</c>, which the broker checks.</summary>
    string UserId { get; }

    ValueTask<IChannel> GetAsync(CancellationToken cancellationToken);

    /// <summary>Drops a channel that failed, so that the next publish opens a new one.</summary>
    void Reset(IChannel broken);
}
