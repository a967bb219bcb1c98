using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Ui.Charts;
using EventReactor.Reactor.Ui.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class MinionEndpoints
{
    private const int MaxHostSamples = 100_000;

    public static IEndpointRouteBuilder MapMinionPages(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/minions", async (IMinionStore minions, PoolState pools, CancellationToken cancellationToken) =>
            UiPage.Render<MinionsPage>((await minions.ListAsync(cancellationToken))
                .OrderBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => MinionRows.From(m, pools.PoolsOf(m.Id)))
                .ToList()));
        ui.MapGet("/minions/{id}", async (string id, IMinionStore minions, PoolState pools, EventJournal journal, IJobStore jobs, ContainerMetricsQuery metrics, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (await minions.FindAsync(id, cancellationToken) is not { } minion)
            {
                return Results.NotFound($"no minion '{id}'");
            }

            var samples = await metrics.HostSamplesAsync(id, time.GetUtcNow().AddHours(-1), MaxHostSamples, cancellationToken);
            return UiPage.Render<MinionPage>(new MinionModel(
                MinionRows.From(minion, pools.PoolsOf(id)),
                minion.Grains,
                await journal.RecentFromMinionAsync(id, 25, cancellationToken),
                (await jobs.ListAsync(200, cancellationToken)).Where(j => j.Minions.Contains(id, StringComparer.Ordinal)).Take(25).ToList(),
                samples.Count < 2 ? [] : SeriesBuilder.Host(samples)));
        });
        ui.MapGet("/jobs", async (IJobStore jobs, CancellationToken cancellationToken) => UiPage.Render<JobsPage>(await jobs.ListAsync(100, cancellationToken)));
        return ui;
    }
}
