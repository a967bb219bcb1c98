using System.Diagnostics;
using System.Globalization;

namespace EventReactor.EndToEnd;

/// <summary>
/// One soak minion, in a process of its own: plays its share of the rate (container <c>die</c> events, every tenth
/// labelled to start the rule chain) for the soak's minutes, writes each event's id to <c>played.log</c>, says its
/// outbox depth and the memory its managed heap holds every 10 s (<c>outbox N</c>, <c>heap MB</c>: what of its RSS is
/// the runtime's heap) and, once the outbox is empty, how many it played (<c>done N</c>).
/// </summary>
internal static class SoakMinionProcess
{
    public const string PlayedFile = "played.log";
    public const string OutboxPrefix = "outbox ";
    public const string HeapPrefix = "heap ";
    public const string DonePrefix = "done ";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var id = RuleFile.MinionId(settings.Index);
        Directory.CreateDirectory(settings.Folder);
        var minion = await SimulatedMinion.StartAsync(settings, id, Path.Combine(settings.Folder, "data"));
        var rate = settings.SoakRate / (double)settings.Minions;
        var count = (long)(rate * settings.SoakMinutes * 60);
        using var reporting = new CancellationTokenSource();
        var reporter = ReportOutboxAsync(minion, reporting.Token);
        await using (var played = new StreamWriter(Path.Combine(settings.Folder, PlayedFile)))
        {
            var interval = Stopwatch.Frequency / rate;
            var started = Stopwatch.GetTimestamp();
            for (var i = 0L; i < count; i++)
            {
                var wait = started + (long)(i * interval) - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }

                var chained = i % 10 == 0;
                var envelope = DockerEvents.Die(id, (int)(i % settings.ContainersPerMinion), i, chained);
                await minion.PublishAsync(envelope);
                await played.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{envelope.Id} {(chained ? 1 : 0)}"));
            }
        }

        // A minion that fell behind gets as long again as the soak (and 3 minutes) to empty its outbox.
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60 * (3 + settings.SoakMinutes));
        while (minion.OutboxDepth > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(200);
        }

        await reporting.CancelAsync();
        await reporter;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{OutboxPrefix}{minion.OutboxDepth}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DonePrefix}{count}"));
        await minion.DisposeAsync();
        return 0;
    }

    private static async Task ReportOutboxAsync(SimulatedMinion minion, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{OutboxPrefix}{minion.OutboxDepth}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{HeapPrefix}{GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F1}"));
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The soak's minutes are over.
        }
    }
}
