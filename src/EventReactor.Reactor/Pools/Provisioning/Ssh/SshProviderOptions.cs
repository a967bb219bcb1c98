namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>Settings of the <c>ssh</c> pool provider (section <c>Reactor:Providers:Ssh</c>); the hosts themselves are in the pools file.</summary>
public sealed class SshProviderOptions
{
    public const string Section = "Reactor:Providers:Ssh";

    /// <summary>
    /// The self-contained single-file <c>eventreactor-minion</c> (linux-x64, the minion alone, trimmed) to install; the shared
    /// libraries beside it travel with it. Unset: the <c>eventreactor-minion</c> beside this process's own executable when that
    /// is a single-file build (the .deb's <c>/usr/lib/eventreactor/eventreactor-minion</c>).
    /// </summary>
    public string? MinionBinary { get; set; }

    /// <summary>The broker as the hosts reach it (a user of its own: RabbitMQ refuses <c>guest</c> off loopback). Unset: <c>Bus:Url</c>.</summary>
    public string? BusUrl { get; set; }

    /// <summary>The reactor's HTTP API as the hosts reach it, where minions enroll. Unset: the first of <c>Reactor:Http</c>.</summary>
    public string? ReactorUrl { get; set; }

    /// <summary>How long connecting (TCP, key exchange, login) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a started minion has to enroll and announce itself before the host counts as failed.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a host that failed is passed over before the reconciler tries it again.</summary>
    public TimeSpan FailureCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the answer to "does the minion still run there" is reused before asking the host again.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
