using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Metrics;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Ui;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Benchmarks.Ui;

/// <summary>
/// Fills a reactor's data folder through the reactor's own stores (the same code that writes them in service):
/// minions with grains, audited events, benchmark runs with repetitions and their containers' 100 ms samples.
/// The dashboard's browser tests seed a little; deploy/perf/ui.sh seeds a lot.
/// </summary>
internal static class StoreSeeder
{
    public static readonly string[] CpuModels = ["AMD EPYC 7763 64-Core Processor", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz"];
    public static readonly string[] GpuModels = ["NVIDIA A100-SXM4-40GB", "NVIDIA H100 80GB HBM3"];

    public static async Task SeedAsync(string dataPath, SeedPlan plan, CancellationToken cancellationToken = default)
    {
        var options = Options.Create(new ReactorOptions { DataPath = dataPath });
        await using var database = new ReactorDatabase(options);
        database.Migrate(TimeProvider.System);
        var start = DateTimeOffset.UtcNow.AddHours(-2);

        var minions = new MinionPresence(new MinionCache(new SqliteMinionStore(database)), TimeProvider.System);
        for (var i = 0; i < plan.Minions; i++)
        {
            await minions.ObserveAsync(Event($"minion/{MinionId(i)}/inventory", start, Grains(i), MinionId(i)), cancellationToken);
        }

        await SeedEventsAsync(database, plan.Events, start, cancellationToken);
        await SeedRunsAsync(database, options, plan, start, cancellationToken);
    }

    /// <summary>A run of one repetition whose container was sampled every 100 ms for <paramref name="samples"/> samples.</summary>
    public static async Task SeedSeriesRunAsync(string dataPath, string id, int samples, CancellationToken cancellationToken = default)
    {
        var options = Options.Create(new ReactorOptions { DataPath = dataPath });
        await using var database = new ReactorDatabase(options);
        await using var metrics = new MetricsDatabase(options);
        var store = new SqliteBenchmarkStore(database);
        var created = DateTimeOffset.UtcNow.AddHours(-1);
        var container = $"{id}-series".PadRight(64, '0');
        await store.CreateRunAsync(
            new BenchmarkRun(id, "series", BenchmarkStatus.Done, null, MinionId(0), "list", [MinionId(0)], new RunPolicy(0, 1, 1, 0.05, 0, 900), "name: series", null, created, created, created.AddMinutes(10)),
            [new BenchmarkHost(id, MinionId(0), BenchmarkStatus.Done, null, GrainsSnapshot.From(Grains(0)))],
            cancellationToken);
        await store.SaveRepetitionAsync(new BenchmarkRepetition(id, MinionId(0), false, 1, 1, $"jid-{id}", container, BenchmarkStatus.Ok, "exit 0", 0,
            created, created.AddMinutes(10), [new MetricValue("duration", 600, "s", false)]), cancellationToken);
        metrics.Migrate(TimeProvider.System);
        await metrics.WriteBatchAsync([Sampled(MinionId(0), Samples(container, created, samples, new Random(6000)))], [], 0, created, cancellationToken);
    }

    public static string MinionId(int i) => $"bench-{i:D2}";

    public static string RunId(int i) => $"run-{i:D4}";

    private static async Task SeedEventsAsync(ReactorDatabase database, int count, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var audit = new AuditWriter(new SqliteAuditStore(database));
        var journal = new EventJournal(new SqliteEventJournalStore(database), audit, Options.Create(new JournalOptions()), TimeProvider.System, NullLogger<EventJournal>.Instance);
        await journal.StartAsync(cancellationToken);
        await audit.StartAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddMilliseconds(i * 50);
            var exit = i % 3 == 0 ? 3 : 0;
            var envelope = Event($"minion/{MinionId(i % 50)}/docker/container/die", at, JsonSerializer.SerializeToElement(new { name = $"job-{i}", exitCode = exit }), MinionId(i % 50));
            await journal.ObserveAsync(envelope, cancellationToken);
            audit.Record(new AuditRecord(envelope.Id, envelope.Tag, "announce-nonzero-exit", "reactors/demo.yaml:2:5", exit != 0 ? RuleOutcome.Acted : RuleOutcome.ConditionFalse,
                exit != 0 ? null : "condition false: event.data.exitCode != 0", [], at, 0.05));
            audit.Record(new AuditRecord(envelope.Id, envelope.Tag, "log-zero-exit", "reactors/demo.yaml:10:5", exit == 0 ? RuleOutcome.Acted : RuleOutcome.ConditionFalse,
                exit == 0 ? null : "condition false: event.data.exitCode == 0", [], at, 0.04));
        }

        // Written in the background: a flush waits for everything queued before it.
        await audit.FlushAsync(cancellationToken);
        await journal.StopAsync(cancellationToken);
        await audit.StopAsync(cancellationToken);
    }

    private static async Task SeedRunsAsync(ReactorDatabase database, IOptions<ReactorOptions> options, SeedPlan plan, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var store = new SqliteBenchmarkStore(database);
        await using var metrics = new MetricsDatabase(options);
        metrics.Migrate(TimeProvider.System);
        var random = new Random(20261129);
        for (var r = 0; r < plan.Runs; r++)
        {
            var id = RunId(r);
            var created = start.AddSeconds(r);
            var hosts = Enumerable.Range(0, plan.HostsPerRun).Select(h => (r + h) % Math.Max(plan.Minions, 1)).ToList();
            await store.CreateRunAsync(
                new BenchmarkRun(id, plan.Suite, BenchmarkStatus.Done, null, "bench-*", "glob", hosts.Select(MinionId).ToList(), new RunPolicy(0, plan.Repetitions, plan.Repetitions, 0.05, 0, 600),
                    "name: " + plan.Suite, null, created, created, created.AddMinutes(10)),
                hosts.Select(h => new BenchmarkHost(id, MinionId(h), BenchmarkStatus.Done, null, GrainsSnapshot.From(Grains(h)))).ToList(),
                cancellationToken);
            var results = new List<HostMetricResult>();
            foreach (var h in hosts)
            {
                // The AMD hosts are faster: the compare page must show two groups that differ.
                var baseline = h % 2 == 0 ? 120.0 : 150.0;
                var values = new List<double>();
                var repetitions = plan.Repetitions - (h == hosts[^1] && hosts.Count > 1 ? 1 : 0);
                for (var k = 1; k <= repetitions; k++)
                {
                    var value = Math.Round(baseline + (random.NextDouble() * 10), 2);
                    values.Add(value);
                    var container = $"{id}-{MinionId(h)}-{k}".PadRight(64, '0');
                    await store.SaveRepetitionAsync(new BenchmarkRepetition(id, MinionId(h), false, k, 1, $"jid-{id}-{h}-{k}", container, BenchmarkStatus.Ok, "exit 0", 0,
                        created, created.AddMinutes(1), [new MetricValue("duration", value, "s", false)]), cancellationToken);
                    if (plan.SamplesPerRepetition > 0 && r < plan.RunsWithSamples)
                    {
                        await metrics.WriteBatchAsync([Sampled(MinionId(h), Samples(container, created, plan.SamplesPerRepetition, random))], [], 0, created, cancellationToken);
                    }
                }

                results.Add(new HostMetricResult(id, MinionId(h), "duration", "s", false, MetricStatistics.Of(values)));
            }

            await store.SaveResultsAsync(results, cancellationToken);
        }
    }

    // 100 ms samples of a busy container: about 1.5 cores, memory growing then flat, steady reads and bursts of writes.
    // A batch as the metrics writer receives it from a minion's event.
    private static ParsedEvent Sampled(string minion, ContainerMetricsSampled batch) =>
        new(Event($"minion/{minion}/metrics", batch.Samples[0].Time, EventData.ToElement(batch), minion), batch, null);

    private static ContainerMetricsSampled Samples(string container, DateTimeOffset start, int count, Random random)
    {
        var samples = new List<ContainerSample>(count);
        long cpu = 0, read = 0, write = 0;
        for (var i = 0; i < count; i++)
        {
            cpu += (long)(150_000_000 * (0.8 + (random.NextDouble() * 0.4)));
            read += 2_000_000 + random.Next(500_000);
            write += i % 50 < 5 ? 20_000_000 : 100_000;
            samples.Add(new ContainerSample
            {
                Time = start.AddMilliseconds(i * 100),
                CpuUsageNanoseconds = cpu,
                MemoryBytes = (200L << 20) + (Math.Min(i, count / 3) * (1L << 16)) + random.Next(1 << 20),
                IoReadBytes = read,
                IoWriteBytes = write,
                Pids = 4,
            });
        }

        return new ContainerMetricsSampled { Container = container, Name = container[..12], IntervalMs = 100, Samples = samples, Final = true, Ended = "exit 0" };
    }

    private static JsonElement Grains(int i) => JsonSerializer.SerializeToElement(new
    {
        cpu = new { vendor = i % 2 == 0 ? "AMD" : "Intel", model = CpuModels[i % 2], architecture = "x86_64", sockets = 1, cores = 16, threads = 32, flags = new[] { "avx2" } },
        memory = new { totalBytes = 64L << 30 },
        gpus = new[] { new { vendor = "NVIDIA", model = GpuModels[i % 2] } },
        accelerators = i % 5 == 0 ? new[] { new { vendor = "Xilinx", model = "Alveo U250", kind = "fpga", pciAddress = "0000:3b:00.0", driver = "xclmgmt" } } : [],
        virtualization = new { instanceType = i % 3 == 0 ? "p4d.24xlarge" : null },
        custom = new { rack = $"r{i / 10}" },
    });

    private static EventEnvelope Event(string tag, DateTimeOffset time, JsonElement data, string? minion) =>
        EventEnvelope.Create(tag, minion is null ? "/seed" : $"/minion/{minion}", data, minion) with { Time = time };
}
