namespace EventReactor.Minion.Docker;

/// <summary>
/// The last lifecycle action emitted per container. It keeps a resumed stream and reconciliation from emitting the
/// same transition twice: a start for a container already running, a die for one already dead, a second destroy,
/// or any lifecycle event older than the container's last emitted transition.
/// </summary>
internal sealed class ContainerLedger
{
    public const string Create = "create";
    public const string Start = "start";
    public const string Die = "die";
    public const string Destroy = "destroy";

    private readonly Dictionary<string, ContainerState> _containers = new(StringComparer.Ordinal);

    public ContainerLedger(IEnumerable<ContainerState> known)
    {
        foreach (var state in known)
        {
            _containers[state.Id] = state;
        }
    }

    public IReadOnlyDictionary<string, ContainerState> Known => _containers;

    public static bool IsLifecycle(string action) => action is Create or Start or Die or Destroy;

    /// <summary>Whether a transition of this container would be news; a lifecycle action that is not news is a duplicate.</summary>
    public bool IsNew(string containerId, string action, long timeNano)
    {
        if (!IsLifecycle(action) || !_containers.TryGetValue(containerId, out var known))
        {
            return true;
        }

        if (known.LastAction == Destroy || (timeNano > 0 && timeNano <= known.LastNano))
        {
            return false;
        }

        return action switch
        {
            Create => false,
            Start => !known.Running,
            Die => known.LastAction != Die,
            _ => true,
        };
    }

    /// <summary>Records an emitted transition and returns the container's new state (for persisting), or null if nothing changed.</summary>
    public ContainerState? Record(string containerId, string action, long timeNano, string? name, string? image)
    {
        if (!IsLifecycle(action))
        {
            return null;
        }

        _containers.TryGetValue(containerId, out var known);
        var running = action switch
        {
            Start => true,
            Die or Destroy => false,
            _ => known?.Running ?? false,
        };
        var state = new ContainerState(containerId, name ?? known?.Name, image ?? known?.Image, running, action, Math.Max(timeNano, known?.LastNano ?? 0));
        _containers[containerId] = state;
        return state;
    }

    /// <summary>
    /// Stores what the engine shows without emitting anything: the first start has nothing to compare with. Containers
    /// never started, or changed after <paramref name="nowNano"/>, are left to the event stream; null for those.
    /// </summary>
    public ContainerState? Baseline(ObservedContainer container, long nowNano)
    {
        if (container.StartedNano == 0 || Math.Max(container.StartedNano, container.FinishedNano) > nowNano)
        {
            return null;
        }

        var state = new ContainerState(
            container.Id,
            container.Name,
            container.Image,
            container.Running,
            container.Running ? Start : Die,
            Math.Max(container.StartedNano, container.FinishedNano));
        _containers[container.Id] = state;
        return state;
    }

    public void Forget(string containerId) => _containers.Remove(containerId);
}
