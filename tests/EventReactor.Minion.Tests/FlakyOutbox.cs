using EventReactor.Contracts;
using EventReactor.Minion.Outbox;

namespace EventReactor.Minion.Tests;

/// <summary>An outbox whose first <c>failures</c> appends fail (a full disk, a locked file); then it records.</summary>
internal sealed class FlakyOutbox(int failures) : IMinionOutbox
{
    private int _attempts;

    public RecordingEventPublisher Stored { get; } = new();

    public int Attempts => Volatile.Read(ref _attempts);

    public Task AppendAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _attempts) <= failures
            ? Task.FromException(new IOException("disk I/O error"))
            : Stored.AppendAsync(envelope, cancellationToken);
}
