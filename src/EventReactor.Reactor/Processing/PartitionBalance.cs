namespace EventReactor.Reactor.Processing;

/// <summary>
/// Which partitions a reactor gives up so that the reactors share them: the broker gives a partition queue to its first
/// consumer (single active consumer) and never moves it while that one lives, so a reactor started first would keep
/// them all. One that holds more than its fair share, ceil(partitions / reactors), hands the excess back; the broker
/// then gives each to the next reactor in line.
/// </summary>
internal static class PartitionBalance
{
    /// <summary>The partitions to hand back, from the highest index down (any choice would do; this one is stable).</summary>
    public static IReadOnlyList<int> ToRelease(IReadOnlyCollection<int> held, int partitions, int reactors)
    {
        if (reactors <= 1 || held.Count == 0)
        {
            return [];
        }

        var fair = (partitions + reactors - 1) / reactors;
        return [.. held.OrderDescending().Take(Math.Max(0, held.Count - fair))];
    }
}
