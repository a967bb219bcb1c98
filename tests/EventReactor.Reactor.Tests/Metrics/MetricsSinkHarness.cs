using EventReactor.Reactor.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Metrics;

/// <summary>The reactor's metric sinks over a temporary data folder, without a host.</summary>
internal sealed class MetricsSinkHarness : IAsyncDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("metrics-");

    public MetricsSinkHarness(Action<MetricsSinkOptions>? configure = null)
    {
        var sinks = new MetricsSinkOptions();
        configure?.Invoke(sinks);
        new MetricsSinkDefaults().PostConfigure(null, sinks);
        Options = Microsoft.Extensions.Options.Options.Create(sinks);
        Database = new MetricsDatabase(Microsoft.Extensions.Options.Options.Create(new ReactorOptions { DataPath = _root.FullName }));
        Database.Migrate(TimeProvider.System);
        Queue = new MetricsQueue(Options);
        Writer = new MetricsWriter(Queue, Database, Signal, Options, TimeProvider.System, NullLogger<MetricsWriter>.Instance);
        Query = new ContainerMetricsQuery(Database);
    }

    public IOptions<MetricsSinkOptions> Options { get; }

    public MetricsDatabase Database { get; }

    public MetricsQueue Queue { get; }

    public ElasticShipSignal Signal { get; } = new();

    public MetricsWriter Writer { get; }

    public ContainerMetricsQuery Query { get; }

    public ElasticsearchShipper Shipper() =>
        new(Database, new ElasticBulkSender(Options), Signal, Options, NullLogger<ElasticsearchShipper>.Instance);

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }
}
