namespace EventReactor.Minion.Metrics;

/// <summary>A container to sample: its cgroup files and, when it has its own network namespace, its init's net/dev.</summary>
internal sealed record ContainerTarget(string Id, string? Name, ContainerCgroup Cgroup, string? NetDevFile);
