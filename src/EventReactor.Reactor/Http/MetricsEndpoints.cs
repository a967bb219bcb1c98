using EventReactor.Reactor.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/metrics</c>: samples and summaries from <c>metrics.db</c> (the SQLite sink).</summary>
internal static class MetricsEndpoints
{
    private const int DefaultLimit = 10_000;
    private const int MaxLimit = 100_000;

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/metrics/containers/{id}", async (string id, DateTimeOffset? since, int? limit, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            await query.ResolveAsync(id, cancellationToken) is { } container
                ? Results.Ok(new { container, samples = await query.SamplesAsync(container, since, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), cancellationToken) })
                : NotFound(id))
            .WithSummary("A container's samples in time order (cumulative counters); ?since=ISO-8601&limit=N (default 10000). The id may be a unique prefix.");
        routes.MapGet("/api/metrics/containers/{id}/summary", async (string id, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            await query.ResolveAsync(id, cancellationToken) is { } container
                ? Results.Ok((await query.SummarizeAsync([container], cancellationToken))[0])
                : NotFound(id))
            .WithSummary("A container's sampled run: sample count, first/last, mean interval, CPU seconds and cores, peak memory, I/O and network bytes.");
        routes.MapGet("/api/metrics/hosts/{minion}", async (string minion, DateTimeOffset? since, int? limit, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            Results.Ok(new { minion, samples = await query.HostSamplesAsync(minion, since, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), cancellationToken) }))
            .WithSummary("A minion's host samples in time order; ?since=ISO-8601&limit=N (default 10000).");
        return routes;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(detail: $"no sampled container '{id}' (or the prefix is not unique)", statusCode: StatusCodes.Status404NotFound, title: "Unknown container");
}
