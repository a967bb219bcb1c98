using EventReactor.Reactor.Outbox;

namespace EventReactor.Reactor.Tests.Outbox;

public sealed class OutboxCursorTests
{
    [Fact]
    public void Next_FullBatch_GoesOnAfterItsLastRow()
    {
        Assert.Equal(12, OutboxCursor.Next([Row(7), Row(12)], batchSize: 2));
    }

    [Fact]
    public void Next_ShortOrEmptyBatch_StartsAgainFromZero()
    {
        // Caught up: a lower sequence may still commit (issue #15), so the next read starts from the lowest waiting row.
        Assert.Equal(0, OutboxCursor.Next([Row(7), Row(12)], batchSize: 3));
        Assert.Equal(0, OutboxCursor.Next([], batchSize: 3));
    }

    private static OutboxEvent Row(long sequence) => new(sequence, $"id-{sequence}", "reactor/a", ReadOnlyMemory<byte>.Empty);
}
