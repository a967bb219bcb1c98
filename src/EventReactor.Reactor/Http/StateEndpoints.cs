using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/minions</c> and <c>/api/jobs</c>: what the reactor knows of hosts and the commands sent to them.</summary>
internal static class StateEndpoints
{
    public static IEndpointRouteBuilder MapStateEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/minions", async (IMinionStore minions, PoolState pools, CancellationToken cancellationToken) =>
            Results.Ok((await minions.ListAsync(cancellationToken)).Select(m => new { m.Id, m.FirstSeen, m.LastSeen, m.Present, m.HeartbeatSeconds, m.Grains, Pools = pools.PoolsOf(m.Id) })))
            .WithSummary("Minions: presence, first and last seen, heartbeat interval, grains, pools.");
        routes.MapGet("/api/jobs", async (IJobStore jobs, int? limit, CancellationToken cancellationToken) => Results.Ok(await jobs.ListAsync(Math.Clamp(limit ?? 50, 1, 1000), cancellationToken)))
            .WithSummary("Recent jobs with their returns, newest first; ?limit=N (default 50).");
        routes.MapGet("/api/jobs/{jid}", async (string jid, IJobStore jobs, CancellationToken cancellationToken) =>
            await jobs.FindAsync(jid, cancellationToken) is { } job
                ? Results.Ok(job)
                : Results.Problem(detail: $"no job '{jid}'", statusCode: StatusCodes.Status404NotFound, title: "Unknown job"))
            .WithSummary("One job with every minion's return.");
        return routes;
    }
}
