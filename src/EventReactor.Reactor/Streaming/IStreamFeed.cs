namespace EventReactor.Reactor.Streaming;

/// <summary>Where the hub's events come from, held open only while someone watches.</summary>
internal interface IStreamFeed
{
    EventStreamSource Source { get; }

    /// <summary>Opens the feed for one more watcher (once it returns, no later event can be missed); disposing lets it go.</summary>
    Task<IDisposable> AcquireAsync(CancellationToken cancellationToken);
}
