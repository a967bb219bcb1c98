namespace EventReactor.Reactor.Processing;

/// <summary>
/// Whether <see cref="TopologyDeclarer"/> has declared the exchanges and partition bindings and
/// <see cref="PartitionConsumers"/> consumes the partition queues (both at once in memory, where neither exists).
/// </summary>
internal sealed class TopologyState
{
    private volatile bool _declared;
    private volatile bool _consuming;

    public bool Ready => _declared && _consuming;

    public void MarkDeclared() => _declared = true;

    public void MarkConsuming() => _consuming = true;
}
