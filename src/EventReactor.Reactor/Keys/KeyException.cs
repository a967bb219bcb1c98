namespace EventReactor.Reactor.Keys;

/// <summary>A key operation that cannot be done, with the HTTP status that says why.</summary>
internal sealed class KeyException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
