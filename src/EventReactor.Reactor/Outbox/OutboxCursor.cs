namespace EventReactor.Reactor.Outbox;

/// <summary>Where the outbox's evaluator and publisher read next (issue #15).</summary>
internal static class OutboxCursor
{
    /// <summary>
    /// After a full batch, on from its last row: a backlog is read page by page. After a short one the reader has caught
    /// up, and reads again from 0: a sequence is taken when a row is stored, not when it commits, so on PostgreSQL a row
    /// below the last one read (another completion's, committed later) may have appeared since. Rows done are deleted and
    /// a batch is marked before the next read, so the read from 0 returns only rows still waiting.
    /// </summary>
    public static long Next(IReadOnlyList<OutboxEvent> batch, int batchSize) => batch.Count < batchSize ? 0 : batch[^1].Sequence;
}
