using System.Threading.Channels;
using EventReactor.Contracts;

namespace EventReactor.Minion.Tests;

/// <summary>What <see cref="ReceivedEventsConsumer"/> took off the bus.</summary>
internal sealed class ReceivedEvents
{
    private readonly Channel<EventEnvelope> _events = Channel.CreateUnbounded<EventEnvelope>();

    public void Add(EventEnvelope envelope) => _events.Writer.TryWrite(envelope);

    /// <summary>The first event that matches, or fails after the timeout.</summary>
    public async Task<EventEnvelope> WaitForAsync(Func<EventEnvelope, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await foreach (var envelope in _events.Reader.ReadAllAsync(deadline.Token))
        {
            if (match(envelope))
            {
                return envelope;
            }
        }

        throw new InvalidOperationException("the channel is never completed");
    }
}
