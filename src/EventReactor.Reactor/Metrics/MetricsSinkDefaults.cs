using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>No sink configured means SQLite; the default is set here because the binder would append to a list default.</summary>
internal sealed class MetricsSinkDefaults : IPostConfigureOptions<MetricsSinkOptions>
{
    public void PostConfigure(string? name, MetricsSinkOptions options)
    {
        if (options.Sinks.Count == 0)
        {
            options.Sinks.Add(MetricsSinkNames.Sqlite);
        }
    }
}
