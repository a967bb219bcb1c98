namespace EventReactor.Reactor.Streaming;

/// <summary>The in-memory bus (<c>up</c>): the events this reactor processes are all there is, and always flowing.</summary>
internal sealed class ProcessedStreamFeed : IStreamFeed
{
    private static readonly Task<IDisposable> Open = Task.FromResult<IDisposable>(new NothingToRelease());

    public EventStreamSource Source => EventStreamSource.Processed;

    public Task<IDisposable> AcquireAsync(CancellationToken cancellationToken) => Open;

    private sealed class NothingToRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
