using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/bench</c>: start runs, follow them, compare results across hardware. Errors are problem documents.</summary>
internal static class BenchmarkEndpoints
{
    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        var commands = routes.MapGroup(string.Empty).RequireScope(ApiScope.Commands);
        commands.MapPost("/api/bench/runs", async Task<Results<Accepted<BenchmarkRunSummary>, ProblemHttpResult>> (HttpRequest request, BenchmarkService benchmarks, CancellationToken cancellationToken) =>
        {
            var body = await ReadAsync(request, cancellationToken);
            if (body is not { ValueKind: JsonValueKind.Object } json || Text(json, "suite") is not { Length: > 0 } suite)
            {
                return BadRequest("the body must be {\"suite\": \"NAME\"}, optionally with \"tgt\" and \"tgt_type\"");
            }

            try
            {
                var run = await benchmarks.StartAsync(suite, Text(json, "tgt"), Text(json, "tgt_type"), null, cancellationToken);
                return TypedResults.Accepted($"/api/bench/runs/{run.Id}", BenchmarkRunView.Summary(run));
            }
            catch (BenchmarkRequestException ex)
            {
                return BadRequest(ex.Message);
            }
        }).WithSummary("Start a run of a suite: {suite, tgt?, tgt_type?}; 202 with the run, 400 with the reason (suite problems as file:line:column).");
        read.MapGet("/api/bench/runs", async (IBenchmarkStore store, string? suite, int? limit, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListRunsAsync(suite, Math.Clamp(limit ?? 50, 1, 1000), cancellationToken)).Select(BenchmarkRunView.Summary).ToList()))
            .WithSummary("Recent runs, newest first; ?suite=NAME, ?limit=N (default 50).");
        read.MapGet("/api/bench/runs/{id}", async Task<Results<Ok<BenchmarkRunReport>, ProblemHttpResult>> (string id, IBenchmarkStore store, IRepetitionMetrics metrics, CancellationToken cancellationToken) =>
            await store.FindAsync(id, cancellationToken) is { } detail
                ? TypedResults.Ok(await BenchmarkRunView.DetailAsync(detail, metrics, cancellationToken))
                : TypedResults.Problem(detail: $"no benchmark run '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Unknown benchmark run"))
            .WithSummary("One run: per host its grains, every repetition attempt with status, reason, values and container metrics, and results.");
        read.MapGet("/api/bench/results", async (BenchmarkResultsQuery query, string? suite, string? by, CancellationToken cancellationToken) =>
            TypedResults.Ok((await query.CompareAsync(suite, string.IsNullOrWhiteSpace(by) ? null : by, cancellationToken)).Select(c => BenchmarkRunView.Comparison(c, by ?? "minion")).ToList()))
            .WithSummary("Results compared across hardware: per suite, metric and group (?by=GRAIN_PATH such as cpu.model; default the minion).");
        read.MapGet("/api/bench/compare", CompareAsync)
            .WithSummary("Two runs (?a=RUN&b=RUN), or two grain values (?by=cpu.model&a=...&b=...), compared per metric: intervals, change, Mann-Whitney U p-value; ?suite=, ?metric=.");
        read.MapGet("/api/bench/noisy", async (NoisyHostsQuery query, string? suite, CancellationToken cancellationToken) => TypedResults.Ok(await query.FindAsync(suite, cancellationToken)))
            .WithSummary("Hosts whose RSD stayed above the suite's threshold in each of their latest runs (up to 3, at least 2), with load and CPU busy share; ?suite=.");
        read.MapGet("/api/bench/suites", (IOptions<BenchmarkOptions> options) => TypedResults.Ok(BenchmarkSuiteLoader.List(options.Value.Path)))
            .WithSummary("The names of the suites in the benchmarks folder.");
        return routes;
    }

    private static async Task<Results<Ok<BenchComparisonResponse>, ProblemHttpResult>> CompareAsync(BenchmarkComparer comparer, string? a, string? b, string? by, string? suite, string? metric, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return TypedResults.Problem(detail: "name both sides: ?a=RUN&b=RUN, or ?by=GRAIN_PATH&a=VALUE&b=VALUE", statusCode: StatusCodes.Status400BadRequest, title: "Comparison refused");
        }

        try
        {
            return TypedResults.Ok(await comparer.CompareAsync(a, b, string.IsNullOrWhiteSpace(by) ? null : by, suite, metric, cancellationToken));
        }
        catch (BenchmarkRequestException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Comparison refused");
        }
    }

    private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Benchmark run refused");
}
