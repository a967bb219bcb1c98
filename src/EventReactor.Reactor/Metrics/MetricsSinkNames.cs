namespace EventReactor.Reactor.Metrics;

/// <summary>The values <c>Reactor:Metrics:Sinks</c> accepts.</summary>
public static class MetricsSinkNames
{
    public const string Sqlite = "sqlite";

    public const string Elasticsearch = "elasticsearch";

    public static IReadOnlyList<string> All { get; } = [Sqlite, Elasticsearch];
}
