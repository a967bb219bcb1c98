using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventReactor.Contracts;

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

    public IEnumerable<EcsDocument> Container(string minion, ContainerBatch batch)
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

    public IEnumerable<EcsDocument> Host(string minion, HostBatch batch)
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
        var data = envelope.Data;
        var run = Text(data, "run") ?? envelope.Tag.Split('/')[1];
        var ended = Time(data, "endedAt") ?? envelope.Time;
        var results = data.TryGetProperty("results", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        if (results.Count == 0)
        {
            yield return new EcsDocument(Streams.Benchmark, DocumentIds.Benchmark(run, null, null), BenchmarkBody(envelope, run, ended, null));
            yield break;
        }

        foreach (var result in results)
        {
            yield return new EcsDocument(Streams.Benchmark, DocumentIds.Benchmark(run, Text(result, "minion"), Text(result, "metric")), BenchmarkBody(envelope, run, ended, result));
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

    private JsonObject ContainerBody(string minion, ContainerBatch batch, ContainerSample s, ContainerSample? previousSample)
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

    private JsonObject HostBody(string minion, HostBatch batch, HostSample s, HostSample? previousSample)
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

    private JsonObject BenchmarkBody(EventEnvelope envelope, string run, DateTimeOffset ended, JsonElement? result)
    {
        var data = envelope.Data;
        var status = Text(data, "status") ?? envelope.Tag.Split('/')[^1];
        var body = Base(ended, result is { } r ? Text(r, "minion") : null, DataStreams.BenchmarkDataset, "metrics", "metric");
        var ecsEvent = (JsonObject)body["event"]!;
        ecsEvent["outcome"] = status == "done" ? "success" : "failure";
        if (Time(data, "startedAt") is { } started)
        {
            ecsEvent["start"] = started.ToString("O", CultureInfo.InvariantCulture);
        }

        ecsEvent["end"] = ended.ToString("O", CultureInfo.InvariantCulture);
        var benchmark = new JsonObject
        {
            ["run"] = run,
            ["suite"] = Text(data, "suite"),
            ["status"] = status,
            ["reason"] = Text(data, "reason"),
            ["event_id"] = envelope.Id,
        };
        if (result is { } item)
        {
            foreach (var (source, target) in (ReadOnlySpan<(string, string)>)[("metric", "metric"), ("unit", "unit"), ("higherIsBetter", "higher_is_better"), ("n", "n"), ("mean", "mean"), ("stddev", "stddev"), ("min", "min"), ("max", "max"), ("p50", "p50"), ("p95", "p95"), ("rsd", "rsd")])
            {
                if (item.TryGetProperty(source, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    benchmark[target] = JsonNode.Parse(value.GetRawText());
                }
            }

            if (item.TryGetProperty("grains", out var grains) && grains.ValueKind == JsonValueKind.Object)
            {
                benchmark["grains"] = new JsonObject
                {
                    ["cpu_model"] = Text(grains, "cpuModel"),
                    ["gpu_models"] = grains.TryGetProperty("gpuModels", out var gpus) && gpus.ValueKind == JsonValueKind.Array ? JsonNode.Parse(gpus.GetRawText()) : null,
                    ["instance_type"] = Text(grains, "instanceType"),
                };
                if (Text(grains, "instanceType") is { } instanceType)
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

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;

    private static (string Trace, string Span)? TraceIds(string? traceParent)
    {
        var parts = traceParent?.Split('-');
        return parts is { Length: 4 } ? (parts[1], parts[2]) : null;
    }
}
