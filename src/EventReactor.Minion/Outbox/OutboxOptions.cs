namespace EventReactor.Minion.Outbox;

/// <summary>Settings of the minion's on-disk outbox (section <c>Minion:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Events kept at most; when full, metric batches are dropped first and lifecycle events never.</summary>
    public int MaxEvents { get; set; } = 100_000;

    /// <summary>Events read from disk and published per round; on RabbitMQ in waves of one event per lane, each wave's confirms awaited together.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>
    /// Without a batch publisher (<c>memory://</c>): publishes in flight at once; events
    /// of one container (or one tag) always go one after the other.
    /// </summary>
    public int Lanes { get; set; } = 16;

    /// <summary>How long one publish may wait for the broker's confirm before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed publish; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
