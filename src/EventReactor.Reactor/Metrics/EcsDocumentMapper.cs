using System.Globalization;
using System.Text.Json.Nodes;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Contracts.Metrics;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Turns batches, benchmark results and events into ECS documents. Rates (ECS <c>*.cpu.usage</c>, and the per-interval
/// bytes of <c>*.disk.*</c> and <c>container.network.*</c>) come from consecutive cumulative samples, so the mapper keeps
/// the last sample of each container and host; the first sample it sees of one carries the raw counters only. Not thread-safe:
/// one writer maps.
/// </summary>
internal sealed class EcsDocumentMapper(string dataStreamNamespace)
{
    private const int MaxTracked = 10_000;
    private readonly Dictionary<string, ContainerSample> _lastContainer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostSample> _lastHost = new(StringComparer.Ordinal);

    public DataStreams Streams { get; } = new(dataStreamNamespace);

    public IEnumerable<EcsDocument> Container(string minion, ContainerMetricsSampled batch)
    {
        ContainerSample? previous = _lastContainer.TryGetValue(batch.Container, out var last) ? last : null;
        var documents = new List<EcsDocument>(batch.Samples.Count);
        foreach (var sample in batch.Samples.OrderBy(s => s.Time))
        {
            documents.Add(new EcsDocument(Streams.Container, DocumentIds.Container(minion, batch.Container, sample.Time), ContainerBody(minion, batch, sample, previous)));
            previous = sample;
        }

        if (batch.Final)
        {
            _lastContainer.Remove(batch.Container);
        }
        else if (previous is { } tracked)
        {
            Track(_lastContainer, batch.Container, tracked);
        }

        return documents;
    }

    public IEnumerable<EcsDocument> Host(string minion, HostMetricsSampled batch)
    {
        HostSample? previous = _lastHost.TryGetValue(minion, out var last) ? last : null;
        var documents = new List<EcsDocument>(batch.Samples.Count);
        foreach (var sample in batch.Samples.OrderBy(s => s.Time))
        {
            documents.Add(new EcsDocument(Streams.Host, DocumentIds.Host(minion, sample.Time), HostBody(minion, batch, sample, previous)));
            previous = sample;
        }

        if (previous is { } tracked)
        {
            Track(_lastHost, minion, tracked);
        }

        return documents;
    }

    /// <summary>One document per result of a finished or failed run; a run without results gets one, so its failure shows.</summary>
    public IEnumerable<EcsDocument> Benchmark(EventEnvelope envelope)
    {
        // The tag says which run and how it ended, should the data (from another publisher) not.
        BenchmarkTags.TryParseFinished(envelope.Tag, out var taggedRun, out var failed);
        var finished = envelope.DataAs<BenchmarkRunFinished>();
        var run = finished?.Run ?? taggedRun;
        var status = finished?.Status ?? (failed ? BenchmarkStatus.Failed : BenchmarkStatus.Done);
        var ended = finished is { EndedAt: var end } && end != default ? end : envelope.Time;
        var results = finished?.Results ?? [];
        if (results.Count == 0)
        {
            yield return new EcsDocument(Streams.Benchmark, DocumentIds.Benchmark(run, null, null), BenchmarkBody(envelope, finished, run, status, ended, null));
            yield break;
        }

        foreach (var result in results)
        {
            yield return new EcsDocument(Streams.Benchmark, DocumentIds.Benchmark(run, result.Minion, result.Metric), BenchmarkBody(envelope, finished, run, status, ended, result));
        }
    }

    public EcsDocument Event(EventEnvelope envelope)
    {
        var body = Base(envelope.Time, envelope.Minion, DataStreams.EventsDataset, "logs", "event");
        body["message"] = envelope.Tag;
        var ecsEvent = (JsonObject)body["event"]!;
        ecsEvent["id"] = envelope.Id;
        ecsEvent["action"] = envelope.Tag;
        ecsEvent["provider"] = envelope.Source;
        if (TraceIds(envelope.TraceParent) is var (trace, span))
        {
            body["trace"] = new JsonObject { ["id"] = trace };
            body["span"] = new JsonObject { ["id"] = span };
        }

        body["eventreactor"] = new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["tag"] = envelope.Tag,
                ["source"] = envelope.Source,
                ["minion"] = envelope.Minion,
                ["caused_by"] = envelope.CausedBy,
                ["depth"] = envelope.Depth,

                // As text: every tag has its own data shape, and mapping them all would explode the index's field count.
                ["data"] = envelope.Data.GetRawText(),
            },
        };
        return new EcsDocument(Streams.Events, envelope.Id, body);
    }

    private JsonObject ContainerBody(string minion, ContainerMetricsSampled batch, ContainerSample s, ContainerSample? previousSample)
    {
        var body = Base(s.Time, minion, DataStreams.ContainerDataset, "metrics", "metric");
        var container = new JsonObject { ["id"] = batch.Container, ["name"] = batch.Name, ["runtime"] = "docker" };
        var memoryOf = s.MemoryLimitBytes ?? batch.HostMemoryBytes;
        if (memoryOf is > 0)
        {
            container["memory"] = new JsonObject { ["usage"] = Math.Round((double)s.MemoryBytes / memoryOf.Value, 6) };
        }

        double? cores = null;
        if (previousSample is { } previous && s.Time > previous.Time)
        {
            var seconds = (s.Time - previous.Time).TotalSeconds;
            cores = Math.Max(0, s.CpuUsageNanoseconds - previous.CpuUsageNanoseconds) / 1e9 / seconds;
            if (batch.HostCpus is > 0)
            {
                container["cpu"] = new JsonObject { ["usage"] = Math.Round(cores.Value / batch.HostCpus.Value, 6) };
            }

            container["network"] = new JsonObject
            {
                ["ingress"] = new JsonObject { ["bytes"] = Delta(s.NetReceiveBytes, previous.NetReceiveBytes) },
                ["egress"] = new JsonObject { ["bytes"] = Delta(s.NetTransmitBytes, previous.NetTransmitBytes) },
            };
            container["disk"] = new JsonObject
            {
                ["read"] = new JsonObject { ["bytes"] = Delta(s.IoReadBytes, previous.IoReadBytes) },
                ["write"] = new JsonObject { ["bytes"] = Delta(s.IoWriteBytes, previous.IoWriteBytes) },
            };
        }

        body["container"] = container;
        body["eventreactor"] = new JsonObject
        {
            ["interval_ms"] = batch.IntervalMs,
            ["container"] = new JsonObject
            {
                ["cpu"] = new JsonObject
                {
                    ["usage_ns"] = s.CpuUsageNanoseconds,
                    ["cores"] = cores is null ? null : Math.Round(cores.Value, 6),
                    ["periods"] = s.CpuPeriods,
                    ["throttled_periods"] = s.CpuThrottledPeriods,
                    ["throttled_ns"] = s.CpuThrottledNanoseconds,
                },
                ["memory"] = new JsonObject { ["bytes"] = s.MemoryBytes, ["peak_bytes"] = s.MemoryPeakBytes, ["limit_bytes"] = s.MemoryLimitBytes },
                ["io"] = new JsonObject { ["read_bytes"] = s.IoReadBytes, ["write_bytes"] = s.IoWriteBytes, ["read_ops"] = s.IoReadOperations, ["write_ops"] = s.IoWriteOperations },
                ["network"] = new JsonObject { ["rx_bytes"] = s.NetReceiveBytes, ["rx_packets"] = s.NetReceivePackets, ["tx_bytes"] = s.NetTransmitBytes, ["tx_packets"] = s.NetTransmitPackets },
                ["pids"] = s.Pids,
            },
        };
        return body;
    }

    private JsonObject HostBody(string minion, HostMetricsSampled batch, HostSample s, HostSample? previousSample)
    {
        var body = Base(s.Time, minion, DataStreams.HostDataset, "metrics", "metric");
        var host = (JsonObject)body["host"]!;
        if (previousSample is { } previous && s.CpuTotalTicks > previous.CpuTotalTicks)
        {
            var total = s.CpuTotalTicks - previous.CpuTotalTicks;
            var idle = Math.Max(0, s.CpuIdleTicks - previous.CpuIdleTicks);
            host["cpu"] = new JsonObject { ["usage"] = Math.Round(Math.Clamp(1 - ((double)idle / total), 0, 1), 6) };
            host["disk"] = new JsonObject
            {
                ["read"] = new JsonObject { ["bytes"] = Delta(s.DiskReadBytes, previous.DiskReadBytes) },
                ["write"] = new JsonObject { ["bytes"] = Delta(s.DiskWriteBytes, previous.DiskWriteBytes) },
            };
        }

        // ECS has no host memory or load fields; these are the names Metricbeat's system module uses.
        body["system"] = new JsonObject
        {
            ["memory"] = new JsonObject { ["total"] = s.MemoryTotalBytes, ["actual"] = new JsonObject { ["free"] = s.MemoryAvailableBytes } },
            ["load"] = new JsonObject { ["1"] = s.Load1, ["5"] = s.Load5, ["15"] = s.Load15, ["cores"] = batch.Cpus },
        };
        body["eventreactor"] = new JsonObject
        {
            ["interval_ms"] = batch.IntervalMs,
            ["host"] = new JsonObject
            {
                ["cpus"] = batch.Cpus,
                ["cpu_total_ticks"] = s.CpuTotalTicks,
                ["cpu_idle_ticks"] = s.CpuIdleTicks,
                ["disk"] = new JsonObject { ["read_bytes"] = s.DiskReadBytes, ["write_bytes"] = s.DiskWriteBytes, ["read_ops"] = s.DiskReadOperations, ["write_ops"] = s.DiskWriteOperations },
            },
        };
        return body;
    }

    private JsonObject BenchmarkBody(EventEnvelope envelope, BenchmarkRunFinished? finished, string run, BenchmarkStatus status, DateTimeOffset ended, BenchmarkHostResult? result)
    {
        var body = Base(ended, result?.Minion, DataStreams.BenchmarkDataset, "metrics", "metric");
        var ecsEvent = (JsonObject)body["event"]!;
        ecsEvent["outcome"] = status == BenchmarkStatus.Done ? "success" : "failure";
        if (finished?.StartedAt is { } started)
        {
            ecsEvent["start"] = started.ToString("O", CultureInfo.InvariantCulture);
        }

        ecsEvent["end"] = ended.ToString("O", CultureInfo.InvariantCulture);
        var benchmark = new JsonObject
        {
            ["run"] = run,
            ["suite"] = finished?.Suite,
            ["status"] = status.ToWire(),
            ["reason"] = finished?.Reason,
            ["event_id"] = envelope.Id,
        };
        if (result is not null)
        {
            benchmark["metric"] = result.Metric;
            benchmark["unit"] = result.Unit;
            benchmark["higher_is_better"] = result.HigherIsBetter;
            benchmark["n"] = result.N;
            benchmark["mean"] = result.Mean;
            benchmark["stddev"] = result.StdDev;
            benchmark["min"] = result.Min;
            benchmark["max"] = result.Max;
            benchmark["p50"] = result.P50;
            benchmark["p95"] = result.P95;
            benchmark["rsd"] = result.Rsd;
            if (result.Grains is { } grains)
            {
                benchmark["grains"] = new JsonObject
                {
                    ["cpu_model"] = grains.CpuModel,
                    ["gpu_models"] = grains.GpuModels is { } gpus ? new JsonArray([.. gpus.Select(model => JsonValue.Create(model))]) : null,
                    ["instance_type"] = grains.InstanceType,
                };
                if (grains.InstanceType is { } instanceType)
                {
                    body["cloud"] = new JsonObject { ["machine"] = new JsonObject { ["type"] = instanceType } };
                }
            }
        }

        body["eventreactor"] = new JsonObject { ["benchmark"] = benchmark };
        return body;
    }

    /// <summary>What every document has: <c>@timestamp</c>, <c>host.name</c>, <c>event.*</c> and <c>data_stream.*</c>.</summary>
    private JsonObject Base(DateTimeOffset time, string? minion, string dataset, string type, string kind) => new()
    {
        ["@timestamp"] = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["host"] = new JsonObject { ["name"] = minion },
        ["event"] = new JsonObject { ["kind"] = kind, ["module"] = "eventreactor", ["dataset"] = dataset },
        ["data_stream"] = new JsonObject { ["type"] = type, ["dataset"] = dataset, ["namespace"] = Streams.Namespace },
    };

    // A counter that went backwards was reset (the container restarted): the interval's amount is unknown, not negative.
    private static long Delta(long current, long previous) => Math.Max(0, current - previous);

    private static void Track<T>(Dictionary<string, T> last, string key, T value)
    {
        if (last.Count >= MaxTracked && !last.ContainsKey(key))
        {
            last.Clear(); // containers whose final batch never came; the next sample of each just lacks a rate
        }

        last[key] = value;
    }

    private static (string Trace, string Span)? TraceIds(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        return parts is { Length: 4 } ? (parts[1], parts[2]) : null;
    }
}
