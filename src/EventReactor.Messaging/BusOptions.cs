namespace EventReactor.Messaging;

/// <summary>
/// Where the bus is: <c>memory://</c> (one process), <c>rabbitmq://user:pass@host:port/vhost</c> or, over TLS, <c>amqps://...</c>;
/// the nodes of a cluster comma-separated, <c>rabbitmq://user:pass@host1:port1,host2:port2/vhost</c>.
/// </summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public string Url { get; set; } = "rabbitmq://guest:guest@localhost:5672/";

    /// <summary>Whether <see cref="Url"/> names the in-memory bus (one process, <c>up</c>).</summary>
    public bool InMemory => Url.StartsWith(BusAddress.MemoryScheme + ":", StringComparison.Ordinal);

    /// <summary>CA and client certificate for <c>amqps://</c>.</summary>
    public BusTlsOptions Tls { get; set; } = new();

    /// <summary>The largest event the reactor accepts, in bytes of JSON; a larger one goes to the error queue.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many events the reactor handles at once, shared by its partitions (64 each of the default 4); in
    /// deploy/perf/e2e.sh 128 acted on about a quarter more events per second than 64, and 256 a fifth more than 128
    /// (larger group commits and shared confirms).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 256;

    /// <summary>
    /// The AMQP heartbeat the reactor's and minion's connections ask for, in whole seconds; unset keeps the client's default
    /// (60 s). A broker closes a connection it has not heard from for about two intervals, which is how it learns that a
    /// paused or partitioned reactor is gone and hands its partitions to another (docs/scale-out.md).
    /// </summary>
    public TimeSpan? Heartbeat { get; set; }

    /// <summary>How many unacknowledged messages the broker sends ahead.</summary>
    public int PrefetchCount { get; set; } = 256;
}
