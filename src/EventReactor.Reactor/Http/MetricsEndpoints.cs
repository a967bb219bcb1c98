using EventReactor.Contracts.Api;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/metrics</c>: samples and summaries from <c>metrics.db</c> (the SQLite sink).</summary>
internal static class MetricsEndpoints
{
    private const int DefaultLimit = 10_000;
    private const int MaxLimit = 100_000;

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapGet("/api/metrics/containers/{id}", async Task<Results<Ok<ContainerSamples>, ProblemHttpResult>> (string id, DateTimeOffset? since, int? limit, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            await query.ResolveAsync(id, cancellationToken) is { } container
                ? TypedResults.Ok(new ContainerSamples(container, await query.SamplesAsync(container, since, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), cancellationToken)))
                : NotFound(id))
            .WithSummary("A container's samples in time order (cumulative counters); ?since=ISO-8601&limit=N (default 10000). The id may be a unique prefix.");
        read.MapGet("/api/metrics/containers/{id}/summary", async Task<Results<Ok<ContainerMetricsSummary>, ProblemHttpResult>> (string id, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            await query.ResolveAsync(id, cancellationToken) is { } container
                ? TypedResults.Ok((await query.SummarizeAsync([container], cancellationToken))[0])
                : NotFound(id))
            .WithSummary("A container's sampled run: sample count, first/last, mean interval, CPU seconds and cores, peak memory, I/O and network bytes.");
        read.MapGet("/api/metrics/hosts/{minion}", async (string minion, DateTimeOffset? since, int? limit, ContainerMetricsQuery query, CancellationToken cancellationToken) =>
            TypedResults.Ok(new HostSamples(minion, await query.HostSamplesAsync(minion, since, Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), cancellationToken))))
            .WithSummary("A minion's host samples in time order; ?since=ISO-8601&limit=N (default 10000).");
        return routes;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(detail: $"no sampled container '{id}' (or the prefix is not unique)", statusCode: StatusCodes.Status404NotFound, title: "Unknown container");
}
