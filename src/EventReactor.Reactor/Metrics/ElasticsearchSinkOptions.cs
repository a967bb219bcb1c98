namespace EventReactor.Reactor.Metrics;

/// <summary>The Elasticsearch sink (section <c>Reactor:Metrics:Elasticsearch</c>).</summary>
public sealed class ElasticsearchSinkOptions
{
    /// <summary>The cluster's address, e.g. <c>https://es.example:9200</c>.</summary>
    public string? Url { get; set; }

    /// <summary>An API key (the encoded form Kibana shows); or use <see cref="Username"/> and <see cref="Password"/>.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The data streams' namespace: <c>metrics-eventreactor.container-&lt;namespace&gt;</c> and so on.</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>Documents per bulk request.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Index every other event too (<c>logs-eventreactor.events-*</c>), not only metrics and benchmark results.</summary>
    public bool IndexEvents { get; set; } = true;

    /// <summary>Documents kept in <c>metrics.db</c> while Elasticsearch is away; past it the oldest go first, with a warning.</summary>
    public int MaxPending { get; set; } = 1_000_000;

    /// <summary>First wait after a failed bulk request; doubles, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one bulk request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
