namespace EventReactor.Reactor.Metrics;

/// <summary>Where the reactor stores metric batches, benchmark results and events (section <c>Reactor:Metrics</c>).</summary>
public sealed class MetricsSinkOptions
{
    public const string Section = "Reactor:Metrics";

    /// <summary>
    /// <c>sqlite</c> (samples in <c>metrics.db</c>, queried by the HTTP API and <c>bench show</c>) and/or
    /// <c>elasticsearch</c>. Starts empty because the binder appends to list defaults; empty means <c>sqlite</c>.
    /// </summary>
    public List<string> Sinks { get; set; } = [];

    /// <summary>Samples older than this many days are deleted from <c>metrics.db</c>; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// Events waiting between the consumer and the writer. Event handling never waits on a sink: when this is full
    /// (the disk stalls), further metric batches and events for Elasticsearch are dropped and counted.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    public ElasticsearchSinkOptions Elasticsearch { get; set; } = new();

    public bool Uses(string sink) => Sinks.Contains(sink, StringComparer.OrdinalIgnoreCase);
}
