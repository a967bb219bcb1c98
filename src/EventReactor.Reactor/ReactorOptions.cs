using EventReactor.Reactor.Security;

namespace EventReactor.Reactor;

/// <summary>Settings of the reactor (section <c>Reactor</c>).</summary>
public sealed class ReactorOptions
{
    public const string Section = "Reactor";

    /// <summary>The folder of rule files (<c>*.yaml</c>).</summary>
    public string RulesPath { get; set; } = "reactors";

    /// <summary>The folder for the reactor's state.</summary>
    public string DataPath { get; set; } = ".eventreactor";

    /// <summary>
    /// Where the state (ledger, audit, minions, jobs, pools, benchmark runs) is kept: unset for SQLite in
    /// <see cref="DataPath"/>, or <c>postgres://user:password@host:port/database</c> for a database several reactors share.
    /// </summary>
    public string? State { get; set; }

    /// <summary>
    /// The most connections this reactor opens to the PostgreSQL <see cref="State"/>; events beyond it wait for one. Every
    /// reactor of a database counts against the server's <c>max_connections</c> (100 by default), so three reactors at 20
    /// leave room for the CLI, psql and the server's reserved slots. Unused on SQLite.
    /// </summary>
    public int StateConnections { get; set; } = 20;

    /// <summary>The HTTP API's address; <c>https://</c> needs <see cref="HttpsCertificateFile"/> and <see cref="HttpsKeyFile"/>.</summary>
    public string Http { get; set; } = "http://127.0.0.1:7070";

    /// <summary>The API's address as a client on this host reaches it: the first of <see cref="Http"/>, a wildcard host made 127.0.0.1.</summary>
    public string LocalApiUrl()
    {
        var first = Http.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? Http;
        return first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>PEM certificate (with its chain) the API serves over https.</summary>
    public string? HttpsCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="HttpsCertificateFile"/>.</summary>
    public string? HttpsKeyFile { get; set; }

    /// <summary>Named API tokens with scopes (<c>Reactor:Api:Tokens</c>, <c>Reactor:Api:TokensFile</c>). Without any token, the API listens on loopback only.</summary>
    public ApiOptions Api { get; set; } = new();

    /// <summary>A single bearer token, as before scopes: it becomes the token <c>api-token</c> with every scope. Also read from <c>EVENTREACTOR_API_TOKEN</c>.</summary>
    public string? ApiToken { get; set; }

    /// <summary>A file holding the API token (first line), for secrets mounted as files.</summary>
    public string? ApiTokenFile { get; set; }

    /// <summary>The pools file; a missing file means no pools.</summary>
    public string PoolsFile { get; set; } = "config/pools.yaml";

    /// <summary>
    /// How many partition queues the events are split into on RabbitMQ (by minion, <c>eventreactor.reactor.0</c>, ...): the
    /// most reactors that share the event work. The same on every reactor of one broker; see docs/scale-out.md.
    /// </summary>
    public int Partitions { get; set; } = DefaultPartitions;

    public const int DefaultPartitions = 4;

    /// <summary>The most <see cref="Partitions"/>: each is a quorum queue (a Raft group on every broker node).</summary>
    public const int MaxPartitions = 64;

    /// <summary>Events deeper than this in a causation chain are not acted on: it cuts reaction loops.</summary>
    public int MaxDepth { get; set; } = 8;
}
