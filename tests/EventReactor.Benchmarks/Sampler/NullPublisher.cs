using EventReactor.Contracts;
using EventReactor.Minion.Outbox;

namespace EventReactor.Benchmarks.Sampler;

/// <summary>Counts batches; the batch is already serialised when it gets here, so only the outbox write is left out.</summary>
internal sealed class NullPublisher : IMinionOutbox
{
    private int _batches;

    public int Batches => _batches;

    public Task AppendAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batches);
        return Task.CompletedTask;
    }
}
