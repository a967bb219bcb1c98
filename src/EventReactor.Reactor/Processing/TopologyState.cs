namespace EventReactor.Reactor.Processing;

/// <summary>Whether <see cref="TopologyDeclarer"/> has declared the exchanges and partition bindings (always so in memory).</summary>
internal sealed class TopologyState
{
    private volatile bool _declared;

    public bool Declared => _declared;

    public void MarkDeclared() => _declared = true;
}
