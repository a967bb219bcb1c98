using System.Collections.Concurrent;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Ui.Charts;

namespace EventReactor.Reactor.Ui.Queries;

/// <summary>
/// The charts of a repetition's container, kept while its samples stay the same. Reading a 10-minute 100 ms series
/// (6,000 rows) and cutting it to 2,000 points took most of the run page's time on every load; samples are only
/// inserted (never replaced) or deleted oldest first, so their count, first and last time tell when they changed.
/// </summary>
internal sealed class RepetitionCharts(ContainerMetricsQuery metrics)
{
    private const int MaxSamples = 100_000;

    // Keys are containers of pages people open: past this many kept the cache starts again rather than grow.
    private const int MaxCached = 64;

    private readonly ConcurrentDictionary<(string Container, string IdPrefix), (SampleSpan Span, int Samples, IReadOnlyList<ChartSpec> Charts)> _cached = new();

    public async Task<(int Samples, IReadOnlyList<ChartSpec> Charts)> ForAsync(string container, string idPrefix, CancellationToken cancellationToken)
    {
        // Read before the samples: one written meanwhile changes the span, so what is kept below is not served again.
        var span = await metrics.SpanAsync(container, cancellationToken);
        if (_cached.TryGetValue((container, idPrefix), out var kept) && kept.Span == span)
        {
            return (kept.Samples, kept.Charts);
        }

        var samples = await metrics.SamplesAsync(container, null, MaxSamples, cancellationToken);
        var charts = samples.Count < 2 ? [] : SeriesBuilder.Container(idPrefix, samples);
        if (_cached.Count >= MaxCached)
        {
            _cached.Clear();
        }

        _cached[(container, idPrefix)] = (span, samples.Count, charts);
        return (samples.Count, charts);
    }
}
