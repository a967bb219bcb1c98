using System.Threading.Channels;
using EventReactor.Core.Evaluation.Replay;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Reads a journal window on one thread and visits its events on another, so that reading (mostly the database
/// driver materialising columns) and evaluating overlap. The hand-off is bounded, in batches: memory stays bounded
/// whatever the window, and the visitor sees the events in the order read, one at a time.
/// </summary>
internal static class WindowHandOff
{
    // Large batches: fewer hand-offs, each of which may wake a pool thread.
    private const int BatchSize = 1024;

    /// <summary>At most this many batches wait for the visitor; the reader waits when they are there.</summary>
    private const int BatchesInFlight = 4;

    /// <param name="read">Reads the window, handing each event to the visitor it is given; returns how many it read.</param>
    public static async Task<long> RunAsync(
        Func<Action<RecordedEvent>, CancellationToken, Task<long>> read,
        Action<RecordedEvent> visit,
        CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<List<RecordedEvent>>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var visiting = Task.Run(() => VisitAsync(channel, visit, cancellationToken), cancellationToken);
        var batch = new List<RecordedEvent>(BatchSize);
        long count;
        try
        {
            count = await Task.Run(
                () => read(
                    recorded =>
                    {
                        batch.Add(recorded);
                        if (batch.Count == BatchSize)
                        {
                            Write(channel.Writer, batch, cancellationToken);
                            batch = new List<RecordedEvent>(BatchSize);
                        }
                    },
                    cancellationToken),
                cancellationToken);
            if (batch.Count > 0)
            {
                Write(channel.Writer, batch, cancellationToken);
            }

            channel.Writer.TryComplete();
        }
        catch (Exception error)
        {
            channel.Writer.TryComplete(error);

            // The visitor failed first (it closed the channel): its error is the one to report.
            if (error is ChannelClosedException)
            {
                await visiting;
            }

            throw;
        }

        await visiting;
        return count;
    }

    // The reader's callback is synchronous: it waits here while the visitor is behind, which is what bounds memory.
    private static void Write(ChannelWriter<List<RecordedEvent>> writer, List<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        if (!writer.TryWrite(batch))
        {
            writer.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }

    private static async Task VisitAsync(Channel<List<RecordedEvent>> channel, Action<RecordedEvent> visit, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var recorded in batch)
                {
                    visit(recorded);
                }
            }
        }
        catch (Exception error)
        {
            // Unblocks a reader waiting for room; it then stops with this error.
            channel.Writer.TryComplete(error);
            throw;
        }
    }
}
