using System.Collections.Concurrent;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion.Outbox;

namespace EventReactor.Minion.Tests;

/// <summary>Keeps what was published (to the bus or the outbox), in order, and signals each event.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher, IMinionOutbox
{
    private readonly ConcurrentQueue<EventEnvelope> _published = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<EventEnvelope> Published => _published.ToList();

    public Task AppendAsync(EventEnvelope envelope, CancellationToken cancellationToken) => PublishAsync(envelope, cancellationToken);

    public Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        _published.Enqueue(envelope);
        _arrived.Release();
        return Task.CompletedTask;
    }

    /// <summary>Waits until at least <paramref name="count"/> events were published, or fails after the timeout.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (_published.Count < count)
        {
            await _arrived.WaitAsync(deadline.Token);
        }
    }
}
