using EventReactor.Minion.Outbox;

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

    /// <summary>How often the minion publishes <c>minion/&lt;id&gt;/heartbeat</c>.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the inventory is collected again; it is published only when it changed.</summary>
    public TimeSpan InventoryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A YAML or JSON file of custom grains (e.g. <c>rack: b3</c>), reported under <c>custom</c>.</summary>
    public string? GrainsFile { get; set; }

    /// <summary>Custom grains from configuration (<c>Minion:Grains:rack=b3</c>); they override the file's.</summary>
    public Dictionary<string, string> Grains { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Folder for the outbox and the last known container states; defaults to <c>.eventreactor/minion-&lt;id&gt;</c>.</summary>
    public string? DataPath { get; set; }

    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>The reactor's HTTP API, where the minion enrolls its key (<c>POST /api/keys/enroll</c>); without it the minion cannot be accepted, and refuses every command.</summary>
    public string? Reactor { get; set; }

    /// <summary>A single-use enrollment token (<c>eventreactor keys token create</c>): the key is accepted at once.</summary>
    public string? EnrollmentToken { get; set; }

    /// <summary>A file holding the enrollment token (first line), for secrets mounted as files.</summary>
    public string? EnrollmentTokenFile { get; set; }

    /// <summary>The longest wait between enrollment attempts while the key is pending or the reactor is away.</summary>
    public TimeSpan EnrollPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far the reactor's clock may be from this one's when judging a command's issue time and expiry.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(10);

    public Metrics.MetricsOptions Metrics { get; set; } = new();

    public string ResolveDataPath() => DataPath is { Length: > 0 } configured ? configured : Path.Combine(".eventreactor", $"minion-{Id}");

    /// <summary>Whether to follow the Docker engine; simulated minions that share a host's engine turn it off.</summary>
    public bool WatchDocker { get; set; } = true;

    public string ResolveDockerEndpoint() =>
        Docker is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "unix:///var/run/docker.sock";
}
