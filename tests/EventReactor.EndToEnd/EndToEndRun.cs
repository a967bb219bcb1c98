using System.Globalization;
using EventReactor.Contracts;

namespace EventReactor.EndToEnd;

/// <summary>
/// Issues #8 and #10: throughput, sustained rate, reaction latency and CPU of minions (outbox) -> RabbitMQ -> reactor
/// (1,000 rules) -> event.fire, against plain RabbitMQ.Client doing the single-message and the same work, in one run.
/// </summary>
internal static class EndToEndRun
{
    // How soon after the last event of a sustained trial every reaction must have come.
    private static readonly TimeSpan SustainGrace = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var size = CloudEventJson.SerializeToUtf8Bytes(DockerEvents.Die(RuleFile.MinionId(0), 0, 1)).Length;
        var folder = Path.Combine(Path.GetTempPath(), "eventreactor-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"load average at start: {LoadAverage.Read()}");
        Console.WriteLine($"{settings.Minions} minions x {settings.ContainersPerMinion} containers, {settings.Rules} rules, {settings.Events} events of {size} bytes, vhost {settings.VirtualHost}");

        await BrokerReset.RunAsync(settings);
        var referenceBefore = await ReferenceRun.RunAsync(settings, settings.Events, size);
        Console.WriteLine($"reference (before): {referenceBefore.PerSecond:F0} msg/s ({referenceBefore.CpuMicrosecondsPerMessage:F0} us CPU per message; broker {referenceBefore.BrokerCpuMicrosecondsPerMessage:F0} us)");
        var sameWorkBefore = await SameWorkFloodAsync(settings, size, SameWorkReactions.Stored, "before");
        var unroutedBefore = await SameWorkFloodAsync(settings, size, SameWorkReactions.Unrouted, "before");

        var counter = new FiredCounter();
        using var stages = new StageClock();
        var reactor = await ReactorUnderTest.StartAsync(settings, Path.Combine(folder, "reactor"), counter);
        var minions = new List<SimulatedMinion>();
        for (var i = 0; i < settings.Minions; i++)
        {
            var id = RuleFile.MinionId(i);
            minions.Add(await SimulatedMinion.StartAsync(settings, id, Path.Combine(folder, id), stages));
        }

        await MinionEnrollment.EnrollAsync(reactor, Enumerable.Range(0, settings.Minions).Select(RuleFile.MinionId));
        var generator = new LoadGenerator(minions, counter, settings.ContainersPerMinion);
        await generator.WaitForReactorAsync(TimeSpan.FromSeconds(60));
        await generator.FloodAsync(settings.WarmupEvents);
        await QueueDrain.WaitAsync(settings, TimeSpan.FromSeconds(60));

        var cpu = CpuMeter.Start();
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var gcPause = GC.GetTotalPauseDuration();
        var flood = await generator.FloodAsync(settings.Events);
        var endToEnd = flood.ActedPerSecond;
        var (cpuPerEvent, brokerCpuPerEvent) = cpu.PerEvent(settings.Events);
        Console.WriteLine($"end to end: {endToEnd:F0} events/s acted on ({cpuPerEvent:F0} us CPU per event, whole process); minions stored {flood.StoredPerSecond:F0}/s; broker {brokerCpuPerEvent:F0} us CPU per event");

        // Still compiling (tiering) or collecting during the timed phase is part of the cost; say how much, to read the figure.
        Console.WriteLine($"during the timed flood: JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms, GC pauses {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:F0} ms");

        var latencies = new List<(int Rate, LatencySummary Summary, IReadOnlyList<LatencyStage> Stages)>();
        foreach (var rate in settings.LatencyRates)
        {
            await QueueDrain.WaitAsync(settings, TimeSpan.FromSeconds(60));
            stages.Start();
            var steady = await generator.SteadyAsync(rate, settings.LatencySeconds, LoadGenerator.Patience);
            stages.Stop();
            var latency = LatencySummary.Of(steady.Latencies);
            var (stamped, split) = stages.Split(steady.Reactions);
            latencies.Add((rate, latency, split));
            Console.WriteLine($"latency at {rate}/s over {latency.Count} events: p50 {latency.P50:F1} ms, p99 {latency.P99:F1} ms, max {latency.Max:F1} ms");
            Console.WriteLine($"  at {rate}/s: offered {steady.OfferedPerSecond:F0}/s, {steady.CpuMicrosecondsPerEvent:F0} us CPU per event (whole process), broker {steady.BrokerCpuMicrosecondsPerEvent:F0} us");
            Console.WriteLine($"  where it went ({stamped} events with every stamp): p50 / p99 / mean of the slowest 1%");
            foreach (var stage in split)
            {
                Console.WriteLine($"    {stage.Name}: {stage.P50:F1} / {stage.P99:F1} / {stage.TailMean:F1} ms");
            }
        }

        var sustained = 0;
        if (settings.SustainSteps > 0)
        {
            Console.WriteLine($"sustained rate: trials of {settings.SustainSeconds} s, the reactor's queue under {SustainedSearch.MaxDepth} and every reaction within {SustainGrace.TotalSeconds:F0} s of the last event");
            sustained = await SustainedSearch.FindAsync("reactor", (int)endToEnd, settings.SustainSteps, async rate =>
            {
                await QueueDrain.WaitAsync(settings, TimeSpan.FromSeconds(60));
                SteadyResult steady;
                long maxDepth;
                await using (var depth = await QueueDepthSampler.StartAsync(settings))
                {
                    steady = await generator.SteadyAsync(rate, settings.SustainSeconds, SustainGrace);
                    maxDepth = depth.Max;
                }

                var passed = steady.KeptUp && maxDepth < SustainedSearch.MaxDepth && steady.OfferedPerSecond >= rate * 0.95;
                var p99 = LatencySummary.Of(steady.Latencies).P99;
                Console.WriteLine($"  reactor at {rate}/s: queue max {maxDepth}, offered {steady.OfferedPerSecond:F0}/s, reactions {(steady.KeptUp ? "kept up" : "lagged")}, p99 {p99:F1} ms, {steady.CpuMicrosecondsPerEvent:F0} us CPU per event, broker {steady.BrokerCpuMicrosecondsPerEvent:F0} us -> {(passed ? "sustained" : "not sustained")}");
                return passed;
            });
        }

        foreach (var minion in minions)
        {
            await minion.DisposeAsync();
        }

        await reactor.StopAsync();
        await reactor.DisposeAsync();
        var referenceAfter = await ReferenceRun.RunAsync(settings, settings.Events, size);
        Console.WriteLine($"reference (after): {referenceAfter.PerSecond:F0} msg/s ({referenceAfter.CpuMicrosecondsPerMessage:F0} us CPU per message; broker {referenceAfter.BrokerCpuMicrosecondsPerMessage:F0} us)");
        var sameWorkAfter = await SameWorkFloodAsync(settings, size, SameWorkReactions.Stored, "after");
        var unroutedAfter = await SameWorkFloodAsync(settings, size, SameWorkReactions.Unrouted, "after");
        var sustainedReference = 0;
        if (settings.SustainSteps > 0)
        {
            await using var sameWork = await SameWorkReference.StartAsync(settings, size, SameWorkReactions.Stored);
            var guess = (int)Math.Max(sameWorkBefore.PerSecond, sameWorkAfter.PerSecond);
            sustainedReference = await SustainedSearch.FindAsync("same-work reference", guess, settings.SustainSteps, rate => sameWork.SustainAsync(rate, settings.SustainSeconds, SustainGrace));
        }

        var referenceLatencies = new List<(string Key, int Rate, LatencySummary Summary)>();
        foreach (var variant in new[] { SameWorkReactions.Stored, SameWorkReactions.Unrouted })
        {
            await using var peer = await SameWorkReference.StartAsync(settings, size, variant);
            foreach (var rate in settings.LatencyRates)
            {
                var (latency, peerCpu, peerBrokerCpu) = await peer.LatencyAsync(rate, settings.LatencySeconds);
                referenceLatencies.Add((variant == SameWorkReactions.Stored ? "same_work" : "same_work_unrouted", rate, latency));
                Console.WriteLine($"same-work reference latency, reactions {variant.ToString().ToLowerInvariant()}, at {rate}/s (events through a quorum queue) over {latency.Count} events: p50 {latency.P50:F1} ms, p99 {latency.P99:F1} ms, max {latency.Max:F1} ms; {peerCpu:F0} us CPU per event, broker {peerBrokerCpu:F0} us");
            }
        }

        Directory.Delete(folder, recursive: true);

        // The better of the two runs of each reference, so that noise from other builds cannot flatter a ratio.
        var reference = Math.Max(referenceBefore.PerSecond, referenceAfter.PerSecond);
        var sameWorkBest = sameWorkBefore.PerSecond >= sameWorkAfter.PerSecond ? sameWorkBefore : sameWorkAfter;
        var unrouted = Math.Max(unroutedBefore.PerSecond, unroutedAfter.PerSecond);
        var first = latencies.Count > 0 ? latencies[0].Summary : LatencySummary.Of([]);
        Console.WriteLine($"load average at end: {LoadAverage.Read()}");
        Console.WriteLine($"throughput_ratio={endToEnd / reference:F2}");
        Console.WriteLine($"events_per_second={endToEnd:F0}");
        Console.WriteLine($"reference_per_second={reference:F0}");
        Console.WriteLine($"latency_p50_ms={first.P50:F1}");
        Console.WriteLine($"latency_p99_ms={first.P99:F1}");
        Console.WriteLine($"latency_max_ms={first.Max:F1}");
        Console.WriteLine($"same_work_reference_per_second={sameWorkBest.PerSecond:F0}");
        Console.WriteLine($"same_work_ratio={endToEnd / sameWorkBest.PerSecond:F2}");
        // The ceiling of throughput_ratio for anything that does the design's broker work: the plain client doing only that.
        Console.WriteLine($"same_work_reference_throughput_ratio={sameWorkBest.PerSecond / reference:F2}");
        Console.WriteLine($"same_work_unrouted_reference_per_second={unrouted:F0}");
        Console.WriteLine($"same_work_unrouted_ratio={endToEnd / unrouted:F2}");
        if (settings.SustainSteps > 0)
        {
            Console.WriteLine($"sustained_events_per_second={sustained}");
            Console.WriteLine($"sustained_reference_per_second={sustainedReference}");
            Console.WriteLine($"sustained_ratio={(sustainedReference > 0 ? sustained / (double)sustainedReference : double.NaN):F2}");
        }

        foreach (var (rate, latency, split) in latencies)
        {
            var at = rate.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"latency_at_{at}_p50_ms={latency.P50:F1}");
            Console.WriteLine($"latency_at_{at}_p99_ms={latency.P99:F1}");
            Console.WriteLine($"latency_at_{at}_max_ms={latency.Max:F1}");
            foreach (var stage in split)
            {
                Console.WriteLine($"latency_at_{at}_{stage.Key}_p50_ms={stage.P50:F1}");
                Console.WriteLine($"latency_at_{at}_{stage.Key}_p99_ms={stage.P99:F1}");
                Console.WriteLine($"latency_at_{at}_{stage.Key}_slowest_percent_mean_ms={stage.TailMean:F1}");
            }
        }

        foreach (var (key, rate, latency) in referenceLatencies)
        {
            var at = rate.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"{key}_latency_at_{at}_p50_ms={latency.P50:F1}");
            Console.WriteLine($"{key}_latency_at_{at}_p99_ms={latency.P99:F1}");
            Console.WriteLine($"{key}_latency_at_{at}_max_ms={latency.Max:F1}");
        }

        Console.WriteLine($"cpu_us_per_event={cpuPerEvent:F0}");
        Console.WriteLine($"broker_cpu_us_per_event={brokerCpuPerEvent:F0}");
        Console.WriteLine($"same_work_reference_cpu_us_per_event={sameWorkBest.CpuMicrosecondsPerMessage:F0}");
        Console.WriteLine($"same_work_reference_broker_cpu_us_per_event={sameWorkBest.BrokerCpuMicrosecondsPerMessage:F0}");
        return 0;
    }

    private static async Task<ReferenceResult> SameWorkFloodAsync(BenchSettings settings, int size, SameWorkReactions reactions, string when)
    {
        await using var sameWork = await SameWorkReference.StartAsync(settings, size, reactions);
        var result = await sameWork.FloodAsync(settings.Events);
        var variant = reactions == SameWorkReactions.Stored ? "reactions stored" : "reactions unrouted";
        Console.WriteLine($"same-work reference, {variant} ({when}): {result.PerSecond:F0} events/s ({result.CpuMicrosecondsPerMessage:F0} us CPU per event; broker {result.BrokerCpuMicrosecondsPerMessage:F0} us)");
        return result;
    }
}
