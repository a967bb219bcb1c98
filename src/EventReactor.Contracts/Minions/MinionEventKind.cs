namespace EventReactor.Contracts.Minions;

/// <summary>What a <c>minion/&lt;id&gt;/...</c> tag says happened.</summary>
public enum MinionEventKind
{
    /// <summary>Any other <c>minion/&lt;id&gt;/...</c> tag, e.g. one a rule fired.</summary>
    Other,

    /// <summary><c>minion/&lt;id&gt;/start</c>.</summary>
    Start,

    /// <summary><c>minion/&lt;id&gt;/heartbeat</c>.</summary>
    Heartbeat,

    /// <summary><c>minion/&lt;id&gt;/stop</c>.</summary>
    Stop,

    /// <summary><c>minion/&lt;id&gt;/inventory</c>.</summary>
    Inventory,

    /// <summary><c>minion/&lt;id&gt;/docker/container/&lt;action&gt;</c>.</summary>
    ContainerEvent,

    /// <summary><c>minion/&lt;id&gt;/metrics</c>.</summary>
    ContainerMetrics,

    /// <summary><c>minion/&lt;id&gt;/metrics/host</c>.</summary>
    HostMetrics,
}
