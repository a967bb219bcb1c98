namespace EventReactor.Reactor.Metrics;

/// <summary>
/// The data streams, named <c>type-dataset-namespace</c> so that Elasticsearch's built-in <c>metrics-*-*</c> and
/// <c>logs-*-*</c> index templates create them on the first write.
/// </summary>
internal sealed record DataStreams(string Namespace)
{
    public const string ContainerDataset = "eventreactor.container";
    public const string HostDataset = "eventreactor.host";
    public const string BenchmarkDataset = "eventreactor.benchmark";
    public const string EventsDataset = "eventreactor.events";

    public string Container => $"metrics-{ContainerDataset}-{Namespace}";

    public string Host => $"metrics-{HostDataset}-{Namespace}";

    public string Benchmark => $"metrics-{BenchmarkDataset}-{Namespace}";

    public string Events => $"logs-{EventsDataset}-{Namespace}";
}
