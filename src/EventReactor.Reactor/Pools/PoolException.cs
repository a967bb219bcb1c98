namespace EventReactor.Reactor.Pools;

/// <summary>A pool operation that cannot be done; the message says which pool and why. <see cref="NotFound"/> when the pool is unknown.</summary>
public sealed class PoolException(string message, bool notFound = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}
