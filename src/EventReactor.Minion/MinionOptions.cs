namespace EventReactor.Minion;

/// <summary>Settings of the minion agent (section <c>Minion</c>).</summary>
public sealed class MinionOptions
{
    public const string Section = "Minion";

    /// <summary>The minion's id, which sits in its tags; defaults to the host name.</summary>
    public string Id { get; set; } = Environment.MachineName;

    /// <summary>The Docker engine endpoint; defaults to <c>DOCKER_HOST</c>, then <c>unix:///var/run/docker.sock</c>.</summary>
    public string? Docker { get; set; }

    /// <summary>First wait before reconnecting to the engine; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A YAML or JSON file with the command policy (see <c>Minion:Policy</c>); it replaces the configured policy.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Whether to follow the Docker engine; simulated minions that share a host's engine turn it off.</summary>
    public bool WatchDocker { get; set; } = true;

    /// <summary>How often the minion says it is alive; the reactor marks it lost after three missed beats.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Custom grains (<c>Minion:Grains:&lt;key&gt;</c>), reported under <c>custom</c> in the minion's inventory.</summary>
    public Dictionary<string, string> Grains { get; set; } = new(StringComparer.Ordinal);

    public string ResolveDockerEndpoint() =>
        Docker is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "unix:///var/run/docker.sock";
}
