using System.Diagnostics;
using System.Globalization;
using EventReactor.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Issue #15's fencing at scale: three reactor processes on one PostgreSQL database and one broker, as in
/// <see cref="ReactorScaleChaosTests"/>, and one reactor paused with <c>SIGSTOP</c> past its liveness lease while it has
/// actions in hand (a webhook that answers after a while), then resumed with <c>SIGCONT</c>. The broker hands its
/// partitions to the others once its connection misses its heartbeats, they take its running claims over once its
/// lease has run out, and when it resumes its completions of those claims are refused.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ReactorPauseChaosTests(ITestOutputHelper output)
{
    private const int Minions = 50;

    // Publishing goes on until the others have taken the paused reactor's actions over: up to 50 s at 200 a second,
    // however long the reactors took to share the partitions first (a CI run took over 12 s).
    private const int MaxPerMinion = 200;
    private const int Publishers = 4;
    private const double PublishRate = 200;
    private const int DoneBeforePause = 400;
    private const string Rule = "pause";
    private const string Refused = "was taken over by another reactor; its completion is refused";

    // The lease and the heartbeat short, so that the pause needs to last only seconds: the broker closes a connection
    // silent for about two heartbeats, and a claim is taken over once its owner's lease has expired.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LeaseRenewEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WebhookDelay = TimeSpan.FromMilliseconds(100);

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["EVENTREACTOR__Reactor__Partitions"] = "6",

        // The PostgreSQL server is shared with other test runs (max_connections 100): 30 for the three reactors at most.
        ["EVENTREACTOR__Reactor__StateConnections"] = "10",
        ["EVENTREACTOR__Reactor__Leases__Duration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        ["EVENTREACTOR__Reactor__Leases__RenewEvery"] = LeaseRenewEvery.ToString("c", CultureInfo.InvariantCulture),
        ["EVENTREACTOR__Bus__Heartbeat"] = Heartbeat.ToString("c", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ThreeReactors_OnePausedPastItsLeaseWithActionsInHand_OthersTakeThemOverAndItsLateCompletionsAreRefused()
    {
        var started = Stopwatch.StartNew();
        using var webhook = new SlowWebhook(WebhookDelay);
        await using var cluster = await ScaleCluster.StartAsync(Rule, Environment, webhook: webhook.Url);
        var publishers = new PacedPublishers();
        using var stopPublishing = new CancellationTokenSource();
        var publishing = publishers.RunAsync(cluster.VirtualHost, cluster.EventTag, Publishers, Minions, MaxPerMinion, PublishRate, stopPublishing.Token);
        await cluster.WaitForAsync($"{DoneBeforePause} events done and every reactor acting", async () =>
        {
            var acting = await cluster.ActingReactorsAsync();
            return acting.Count == cluster.Processes.Count && await cluster.DoneAsync() >= DoneBeforePause ? acting : null;
        });

        // Pause the reactor with the most actions running. What it still has running once stopped is in its hands: it
        // cannot commit anything more until it is resumed. One stopped at a moment when it held none (a CI run found one)
        // is resumed at once, well within its lease, and another moment is tried.
        var (victim, inHand) = await PauseWithActionsInHandAsync(cluster);
        List<string> takenOver;
        int doneAtPause;
        try
        {
            doneAtPause = await cluster.DoneAsync();
            // Publishing must still be going on while it is stopped: the others take its partitions over with new events
            // arriving on them.
            Assert.False(publishing.IsCompleted, $"publishing ended before the pause ({publishers.Published.Count} events, {doneAtPause} done)");

            // While it is still stopped, the others get its partitions (its connection missed its heartbeats), take its
            // running claims over (its lease ran out), and finish every one of those events.
            var deadline = Stopwatch.StartNew();
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                takenOver = await cluster.DoneByOthersAsync(victim, inHand);
            }
            while (takenOver.Count < inHand.Count && deadline.Elapsed < Pause);

            output.WriteLine($"paused pid {victim.Id} with {inHand.Count} actions in hand and {doneAtPause} of {publishers.Published.Count} published done; " +
                $"the others finished {takenOver.Count} of them within {deadline.Elapsed.TotalSeconds:F1} s, {await cluster.DoneAsync()} done by then");
            Assert.True(takenOver.Count == inHand.Count, $"only {takenOver.Count} of the {inHand.Count} actions the paused reactor held were finished by another within {Pause.TotalSeconds} s");
            Assert.False(victim.HasExited, "the paused reactor exited");
        }
        finally
        {
            Signals.Send(victim.Id, "CONT");
            await stopPublishing.CancelAsync();
        }

        await publishing;
        var claims = await cluster.WaitAllDoneAsync(publishers.Published.Count);
        Assert.Equal(publishers.Published.Order(StringComparer.Ordinal), claims.Keys.Order(StringComparer.Ordinal));
        ExactlyOnce.AssertEach(publishers.Published, await cluster.Reactions.ByCauseAsync(cluster.FiredTag));

        // Resumed, it finishes the actions it had in hand, and the ledger refuses each completion: it logs that the claim
        // was taken over, and none of those events has a reaction committed by it. The refusal is audited even when the
        // delivery is cancelled before the rule's next action (its broker connection was closed during the pause).
        var refusal = await victim.WaitForLineAsync(l => l.Contains(Refused, StringComparison.Ordinal), TimeSpan.FromSeconds(20), "a refused completion after the resume");
        var refused = victim.Output.Split('\n').Count(l => l.Contains(Refused, StringComparison.Ordinal));
        var owners = await cluster.Reactions.OwnersAsync(cluster.FiredTag, inHand);
        var itsOwn = owners.Where(o => o.Value.Any(holder => holder.Split('/')[1] == victim.Id.ToString(CultureInfo.InvariantCulture))).Select(o => o.Key).ToList();
        Assert.True(itsOwn.Count == 0, $"the resumed reactor committed reactions to events it had lost: {string.Join(',', itsOwn.Take(20))}");
        Assert.False(victim.HasExited, $"the resumed reactor exited:\n{victim.Output}");
        var audited = await cluster.WaitForAsync("an audited refused completion", async () =>
        {
            var rows = await cluster.Database.QueryAsync($"SELECT event_id, coalesce(detail, '') FROM audit WHERE rule = '{Rule}' AND actions LIKE '%taken over by another reactor%completion was refused%'");
            return rows.Count > 0 ? rows : null;
        });
        Assert.All(audited, row => Assert.Contains(row[0], inHand));

        // The webhook is outside the database: an action taken over after its request went out is posted twice.
        output.WriteLine($"resumed: {refused} completions refused, {audited.Count} audited as duplicates, {audited.Count(row => row[1].StartsWith("interrupted", StringComparison.Ordinal))} of them cut short before the rule's next action (first: {refusal.Trim()}); webhook posts doubled: " +
            $"{webhook.Posts.Count(p => p.Value > 1)} (of {inHand.Count} in hand); test took {started.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<(CliProcess Victim, List<string> InHand)> PauseWithActionsInHandAsync(ScaleCluster cluster)
    {
        for (var attempt = 1; ; attempt++)
        {
            var victim = await cluster.BusiestReactorAsync();
            Signals.Send(victim.Id, "STOP");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var inHand = await cluster.RunningClaimsAsync(victim);
            if (inHand.Count > 0)
            {
                return (victim, inHand);
            }

            Signals.Send(victim.Id, "CONT");
            Assert.True(attempt < 5, "the paused reactor had no action in hand, five times");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
