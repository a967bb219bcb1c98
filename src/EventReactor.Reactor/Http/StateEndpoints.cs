using EventReactor.Contracts.Api;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/minions</c> and <c>/api/jobs</c>: what the reactor knows of hosts and the commands sent to them.</summary>
internal static class StateEndpoints
{
    public static IEndpointRouteBuilder MapStateEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        read.MapGet("/api/minions", async (IMinionStore minions, PoolState pools, CancellationToken cancellationToken) =>
            TypedResults.Ok((await minions.ListAsync(cancellationToken)).Select(m => new MinionView(m.Id, m.FirstSeen, m.LastSeen, m.Present, m.HeartbeatSeconds, m.Grains, pools.PoolsOf(m.Id))).ToList()))
            .WithSummary("Minions: presence, first and last seen, heartbeat interval, grains, pools.");
        read.MapGet("/api/jobs", async (IJobStore jobs, int? limit, CancellationToken cancellationToken) => TypedResults.Ok((await jobs.ListAsync(Math.Clamp(limit ?? 50, 1, 1000), cancellationToken)).Select(ToView).ToList()))
            .WithSummary("Recent jobs with their returns, newest first; ?limit=N (default 50).");
        read.MapGet("/api/jobs/{jid}", async Task<Results<Ok<JobView>, ProblemHttpResult>> (string jid, IJobStore jobs, CancellationToken cancellationToken) =>
            await jobs.FindAsync(jid, cancellationToken) is { } job
                ? TypedResults.Ok(ToView(job))
                : TypedResults.Problem(detail: $"no job '{jid}'", statusCode: StatusCodes.Status404NotFound, title: "Unknown job"))
            .WithSummary("One job with every minion's return.");
        return routes;
    }

    private static JobView ToView(JobRecord job) => new(
        job.Jid,
        job.Function,
        job.Arguments,
        job.Target,
        job.TargetType,
        job.Minions,
        job.CausedBy,
        job.CreatedAt,
        job.Returns.Select(r => new JobReturnView(r.Minion, r.Success, r.RetCode, r.Return, r.Error, r.DurationMs, r.At)).ToList());
}
