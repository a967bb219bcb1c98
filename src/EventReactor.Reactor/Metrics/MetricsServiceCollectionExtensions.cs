using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>Registers the metric sinks: the observer, <c>metrics.db</c> and its writer, the query, and the Elasticsearch shipper when configured.</summary>
internal static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddMetricSinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsSinkOptions>().BindConfiguration(MetricsSinkOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MetricsSinkOptions>, MetricsSinkDefaults>();
        services.AddSingleton<IValidateOptions<MetricsSinkOptions>, MetricsSinkOptionsValidator>();
        services.AddSingleton<MetricsDatabase>();
        services.AddSingleton<MetricsQueue>();
        services.AddSingleton<ElasticShipSignal>();
        services.AddSingleton<ContainerMetricsQuery>();
        services.AddSingleton<IRepetitionMetrics, SampledRepetitionMetrics>();
        services.AddSingleton<IHostLoadHistory, SampledHostLoad>();
        services.AddSingleton<IEventObserver, MetricsObserver>();
        services.AddHostedService<MetricsWriter>();
        services.AddHostedService<MetricsRetention>();

        // Known before the host is built, as the minion's id is: no shipper (nor client) without the sink.
        var sinks = configuration.GetSection($"{MetricsSinkOptions.Section}:{nameof(MetricsSinkOptions.Sinks)}").Get<List<string>>() ?? [];
        if (sinks.Contains(MetricsSinkNames.Elasticsearch, StringComparer.OrdinalIgnoreCase))
        {
            services.AddSingleton<ElasticBulkSender>();
            services.AddHostedService<ElasticsearchShipper>();
        }

        return services;
    }
}
