using System.Diagnostics;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>GET /api/status</c>: one look at a running reactor.</summary>
internal static class StatusEndpoints
{
    private static readonly DateTimeOffset StartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", async (RuleSetProvider rules, IMinionStore minions, IJobStore jobs, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var known = await minions.ListAsync(cancellationToken);
            var last = rules.LastResult;
            return Results.Ok(new
            {
                startedAt = StartedAt,
                uptimeSeconds = Math.Round((time.GetUtcNow() - StartedAt).TotalSeconds),
                rules = new
                {
                    count = rules.Current.Rules.Count,
                    files = rules.Current.Files,
                    lastEditRefused = last is { IsValid: false },
                    errors = last is { IsValid: false } ? last.Diagnostics.Select(d => d.ToString()) : [],
                },
                minions = new { present = known.Count(m => m.Present), lost = known.Count(m => !m.Present) },
                outstandingJobs = await jobs.CountOutstandingAsync(cancellationToken),
                recentFailures = await audit.RecentProblemsAsync(10, cancellationToken),
            });
        }).WithSummary("Uptime, rules in force, minions present, outstanding jobs and recent failures.");
        return routes;
    }
}
