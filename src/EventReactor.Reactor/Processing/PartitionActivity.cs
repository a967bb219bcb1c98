namespace EventReactor.Reactor.Processing;

/// <summary>
/// Which partition queues delivered to this reactor since the last look. Only the active consumer of a queue receives
/// from it, so a partition that delivered is one this reactor holds (an idle one it holds carries no load to share).
/// </summary>
internal sealed class PartitionActivity(int partitions)
{
    private readonly int[] _delivered = new int[partitions];

    public void Mark(int partition) => Volatile.Write(ref _delivered[partition], 1);

    /// <summary>The partitions that delivered since the last call, and forgets them.</summary>
    public IReadOnlyCollection<int> Take() =>
        [.. Enumerable.Range(0, _delivered.Length).Where(i => Interlocked.Exchange(ref _delivered[i], 0) == 1)];
}
