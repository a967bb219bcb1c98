using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client.Exceptions;

namespace EventReactor.EndToEnd;

/// <summary>
/// Issue #10's soak: the reactor and each minion in a process of its own (so that each one's memory can be read) at a
/// steady rate for some minutes, a tenth of the events setting off a chain of three rules. Prints each minute the
/// reactor's and the minions' resident memory, the reactor's queue and outbox and the minions' outboxes, then whether every event
/// was acted on exactly once.
/// </summary>
internal static class SoakRun
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eventreactor-soak-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"load average at start: {LoadAverage.Read()}");
        Console.WriteLine($"soak: {settings.SoakMinutes} min at {settings.SoakRate} events/s over {settings.Minions} minion processes, {settings.Rules} rules + a chain of {RuleFile.ChainDepth} on every tenth event, vhost {settings.VirtualHost}");
        await BrokerReset.RunAsync(settings);
        string[] common =
        [
            "--host", settings.Host, "--port", Text(settings.Port), "--vhost", settings.VirtualHost, "--minions", Text(settings.Minions),
            "--containers", Text(settings.ContainersPerMinion), "--rules", Text(settings.Rules), "--rate", Text(settings.SoakRate),
            "--minutes", Text(settings.SoakMinutes),
        ];
        var reactorFolder = Path.Combine(folder, "reactor");
        using var reactor = SoakChild.Start("reactor", ["soak-reactor", .. common, "--folder", reactorFolder]);
        await reactor.WaitForLineAsync(SoakReactorProcess.Ready, TimeSpan.FromMinutes(2));
        await WaitForReactorQueueAsync(settings, TimeSpan.FromMinutes(1));

        var minions = new List<SoakChild>();
        var minionFolders = new List<string>();
        try
        {
            for (var i = 0; i < settings.Minions; i++)
            {
                minionFolders.Add(Path.Combine(folder, RuleFile.MinionId(i)));
                // The reactor's GC setting (endtoend.sh takes it from the reactor's unit); the minion's unit has none.
                minions.Add(SoakChild.Start(RuleFile.MinionId(i), ["soak-minion", .. common, "--folder", minionFolders[i], "--index", Text(i)], "DOTNET_GCgen0size"));
            }

            var reactorRss = new List<double>();
            var minionRss = new List<double>();
            long queueMax;
            await using (var depth = await QueueDepthSampler.StartAsync(settings))
            {
                var started = Stopwatch.GetTimestamp();
                for (var minute = 1; minute <= settings.SoakMinutes; minute++)
                {
                    var wait = TimeSpan.FromMinutes(minute) - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    reactorRss.Add(ResidentMemory.Megabytes(reactor.Pid));
                    minionRss.Add(ResidentMemory.Megabytes(minions[0].Pid));
                    var others = string.Join(" / ", minions.Skip(1).Select(m => ResidentMemory.Megabytes(m.Pid).ToString("F1", CultureInfo.InvariantCulture)));
                    var outboxes = string.Join(" / ", minions.Select(m => m.Last(SoakMinionProcess.OutboxPrefix) ?? "?"));
                    Console.WriteLine($"minute {minute}: reactor RSS {reactorRss[^1]:F1} MB, minion {RuleFile.MinionId(0)} RSS {minionRss[^1]:F1} MB (its managed heap {minions[0].Last(SoakMinionProcess.HeapPrefix) ?? "?"} MB; others {others}), reactor queue {await ReadQueueAsync(settings)} (max so far {depth.Max}), minion outboxes {outboxes}, reactor outbox {reactor.Last(SoakReactorProcess.OutboxPrefix) ?? "?"}, load {LoadAverage.Read()}");
                }

                foreach (var minion in minions)
                {
                    await minion.WaitForExitAsync(TimeSpan.FromMinutes(4 + settings.SoakMinutes));
                }

                queueMax = depth.Max;
            }

            // Deliveries still in the reactor's queue (a reactor that fell behind gets as long again as the soak), then
            // the reactor stops and closes its reaction log; what its queue still holds then is unacted, not lost.
            await QueueDrain.WaitAsync(settings, TimeSpan.FromMinutes(3 + settings.SoakMinutes));
            var queueAtStop = await ReadQueueAsync(settings);
            await reactor.StopAsync(TimeSpan.FromMinutes(1));
            var verdict = SoakVerdict.Read(minionFolders.Select(f => Path.Combine(f, SoakMinionProcess.PlayedFile)), Path.Combine(reactorFolder, SoakReactorProcess.LogFile));
            var outboxesAtEnd = string.Join(" / ", minions.Select(m => m.Last(SoakMinionProcess.OutboxPrefix) ?? "?"));
            Console.WriteLine($"played {verdict.Played} events ({verdict.Chained} chained), {verdict.Reactions} distinct reactions; missing {verdict.Missing}, acted on twice {verdict.Doubled}, unexpected {verdict.Unexpected}, republished ids {verdict.Republished}; minion outboxes at end {outboxesAtEnd}; the reactor's queue held {queueAtStop} when it stopped");
            Console.WriteLine($"load average at end: {LoadAverage.Read()}");
            Console.WriteLine($"soak_reactor_rss_mb_by_minute={string.Join(',', reactorRss.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"soak_minion_rss_mb_by_minute={string.Join(',', minionRss.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}");
            Console.WriteLine($"soak_reactor_rss_growth_pct={Growth(reactorRss):F1}");
            Console.WriteLine($"soak_minion_rss_growth_pct={Growth(minionRss):F1}");
            Console.WriteLine($"soak_reactor_queue_max={queueMax}");
            Console.WriteLine($"soak_reactor_queue_at_stop={queueAtStop}");
            Console.WriteLine($"soak_events={verdict.Played}");
            Console.WriteLine($"soak_reactions={verdict.Reactions}");
            Console.WriteLine($"soak_exactly_once={(verdict.ExactlyOnce ? "true" : "false")}");
            Directory.Delete(folder, recursive: true);
            return verdict.ExactlyOnce ? 0 : 1;
        }
        finally
        {
            foreach (var minion in minions)
            {
                minion.Dispose();
            }
        }
    }

    // Growth after the first minute (issue #10's target: at most 10%).
    private static double Growth(List<double> rss) => rss.Count < 2 ? double.NaN : (rss[^1] - rss[0]) / rss[0] * 100;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<uint> ReadQueueAsync(BenchSettings settings)
    {
        await using var connection = await BrokerConnections.OpenAsync(settings, "bench-soak-queue");
        await using var channel = await connection.CreateChannelAsync();
        return await QueueDepthSampler.ReadAsync(channel, settings);
    }

    // The reactor declares its queue once its bus has started; events published before that would be lost.
    private static async Task WaitForReactorQueueAsync(BenchSettings settings, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await ReadQueueAsync(settings);
                return;
            }
            catch (OperationInterruptedException) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
