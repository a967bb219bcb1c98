using System.Diagnostics;
using System.Globalization;
using EventReactor.Contracts;
using EventReactor.EndToEnd;

// Issue #8: end-to-end throughput and reaction latency of minions (outbox) -> RabbitMQ -> reactor (1,000 rules) -> event.fire,
// against plain RabbitMQ.Client publishing and consuming as many messages of the same size, in the same run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.Parse(args);
var size = CloudEventJson.SerializeToUtf8Bytes(DockerEvents.Die(RuleFile.MinionId(0), 0, 1)).Length;
var folder = Path.Combine(Path.GetTempPath(), "eventreactor-e2e-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"load average at start: {LoadAverage.Read()}");
Console.WriteLine($"{settings.Minions} minions x {settings.ContainersPerMinion} containers, {settings.Rules} rules, {settings.Events} events of {size} bytes, vhost {settings.VirtualHost}");

await BrokerReset.RunAsync(settings);
var referenceBefore = await ReferenceRun.RunAsync(settings, settings.Events, size);
Console.WriteLine($"reference (before): {referenceBefore.PerSecond:F0} msg/s ({referenceBefore.CpuMicrosecondsPerMessage:F0} us CPU per message; broker {referenceBefore.BrokerCpuMicrosecondsPerMessage:F0} us)");

var counter = new FiredCounter();
var reactor = await ReactorUnderTest.StartAsync(settings, Path.Combine(folder, "reactor"), counter);
var minions = new List<SimulatedMinion>();
for (var i = 0; i < settings.Minions; i++)
{
    var id = RuleFile.MinionId(i);
    minions.Add(await SimulatedMinion.StartAsync(settings, id, Path.Combine(folder, id)));
}

await MinionEnrollment.EnrollAsync(reactor, Enumerable.Range(0, settings.Minions).Select(RuleFile.MinionId));
var generator = new LoadGenerator(minions, counter, settings.ContainersPerMinion);
await generator.WaitForReactorAsync(TimeSpan.FromSeconds(60));
await generator.FloodAsync(settings.WarmupEvents);
await QueueDrain.WaitAsync(settings, TimeSpan.FromSeconds(60));

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var jit = System.Runtime.JitInfo.GetCompilationTime();
var gcPause = GC.GetTotalPauseDuration();
var brokerCpu = BrokerCpu.Read();
var flood = await generator.FloodAsync(settings.Events);
var endToEnd = flood.ActedPerSecond;
var cpuPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / settings.Events;
var brokerCpuPerEvent = (BrokerCpu.Read() - brokerCpu).TotalMicroseconds / settings.Events;
Console.WriteLine($"end to end: {endToEnd:F0} events/s acted on ({cpuPerEvent:F0} us CPU per event, whole process); minions stored {flood.StoredPerSecond:F0}/s; broker {brokerCpuPerEvent:F0} us CPU per event");

// Still compiling (tiering) or collecting during the timed phase is part of the cost; say how much, to read the figure.
Console.WriteLine($"during the timed flood: JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms, GC pauses {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:F0} ms");

await QueueDrain.WaitAsync(settings, TimeSpan.FromSeconds(60));
var latency = LatencySummary.Of(await generator.SteadyAsync(settings.Rate, settings.LatencySeconds));
Console.WriteLine($"latency at {settings.Rate}/s over {latency.Count} events: p50 {latency.P50:F1} ms, p99 {latency.P99:F1} ms, max {latency.Max:F1} ms");

foreach (var minion in minions)
{
    await minion.DisposeAsync();
}

await reactor.StopAsync();
await reactor.DisposeAsync();
var referenceAfter = await ReferenceRun.RunAsync(settings, settings.Events, size);
Console.WriteLine($"reference (after): {referenceAfter.PerSecond:F0} msg/s ({referenceAfter.CpuMicrosecondsPerMessage:F0} us CPU per message; broker {referenceAfter.BrokerCpuMicrosecondsPerMessage:F0} us)");
Directory.Delete(folder, recursive: true);

// The better of the two reference runs, so that noise from other builds cannot flatter the ratio.
var reference = Math.Max(referenceBefore.PerSecond, referenceAfter.PerSecond);
Console.WriteLine($"load average at end: {LoadAverage.Read()}");
Console.WriteLine($"throughput_ratio={endToEnd / reference:F2}");
Console.WriteLine($"events_per_second={endToEnd:F0}");
Console.WriteLine($"reference_per_second={reference:F0}");
Console.WriteLine($"latency_p50_ms={latency.P50:F1}");
Console.WriteLine($"latency_p99_ms={latency.P99:F1}");
Console.WriteLine($"latency_max_ms={latency.Max:F1}");
return 0;
