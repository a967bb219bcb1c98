using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;

namespace EventReactor.Cli.Commands;

/// <summary><c>bench show RUN</c>: one run with every host's repetitions (status, reason, values, container) and its results.</summary>
internal static class BenchShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("RUN") { Description = "The run id" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("show", "One benchmark run: hosts, repetitions and results") { id, json, server };
        command.SetAction((parse, cancellationToken) =>
            StateCommands.RunAsync(parse.GetValue(server)!, $"api/bench/runs/{Uri.EscapeDataString(parse.GetValue(id)!)}", parse.GetValue(json), Print, cancellationToken));
        return command;
    }

    private static void Print(JsonElement detail)
    {
        var run = detail.GetProperty("run");
        var policy = run.GetProperty("policy");
        Console.WriteLine($"run {run.GetProperty("id").GetString()}: {run.GetProperty("suite").GetString()}, {run.GetProperty("status").GetString()}{(run.GetProperty("reason").ValueKind == JsonValueKind.String ? $": {run.GetProperty("reason").GetString()}" : string.Empty)}");
        Console.WriteLine($"  target    {run.GetProperty("target").GetString()} ({run.GetProperty("targetType").GetString()})");
        Console.WriteLine($"  times     created {BenchFormat.Time(run.GetProperty("createdAt"))}, started {BenchFormat.Time(run.GetProperty("startedAt"))}, ended {BenchFormat.Time(run.GetProperty("endedAt"))}");
        Console.WriteLine($"  policy    {policy.GetProperty("warmup").GetInt32()} warm-up, {BenchFormat.Repetitions(policy)} repetitions (until RSD < {policy.GetProperty("rsdThreshold").GetDouble().ToString(CultureInfo.InvariantCulture)}%), retries {policy.GetProperty("retries").GetInt32()}, timeout {policy.GetProperty("timeoutSeconds").GetDouble().ToString(CultureInfo.InvariantCulture)}s");
        foreach (var host in detail.GetProperty("hosts").EnumerateArray())
        {
            var grains = host.GetProperty("grains");
            var gpus = grains.GetProperty("gpuModels").EnumerateArray().Select(g => g.GetString()).ToList();
            Console.WriteLine();
            Console.WriteLine($"{host.GetProperty("minion").GetString()}: {host.GetProperty("status").GetString()}{(host.GetProperty("reason").ValueKind == JsonValueKind.String ? $": {host.GetProperty("reason").GetString()}" : string.Empty)}");
            Console.WriteLine($"  cpu {BenchFormat.Text(grains.GetProperty("cpuModel"))}; gpus {(gpus.Count == 0 ? "-" : string.Join(", ", gpus))}; instance {BenchFormat.Text(grains.GetProperty("instanceType"))}");
            TableWriter.Write(
                ["REPETITION", "ATTEMPT", "STATUS", "REASON", "EXIT", "SECONDS", "CONTAINER", "VALUES"],
                host.GetProperty("repetitions").EnumerateArray().Select(r => (IReadOnlyList<string>)
                [
                    r.GetProperty("warmup").GetBoolean() ? $"warm-up {r.GetProperty("index").GetInt32()}" : r.GetProperty("index").GetInt32().ToString(CultureInfo.InvariantCulture),
                    r.GetProperty("attempt").GetInt32().ToString(CultureInfo.InvariantCulture),
                    r.GetProperty("status").GetString()!,
                    BenchFormat.Text(r.GetProperty("reason")),
                    r.GetProperty("exitCode").ValueKind == JsonValueKind.Number ? r.GetProperty("exitCode").GetInt32().ToString(CultureInfo.InvariantCulture) : "-",
                    r.GetProperty("durationMs").ValueKind == JsonValueKind.Number ? (r.GetProperty("durationMs").GetDouble() / 1000).ToString("F1", CultureInfo.InvariantCulture) : "-",
                    r.GetProperty("containerId").ValueKind == JsonValueKind.String ? r.GetProperty("containerId").GetString()![..Math.Min(12, r.GetProperty("containerId").GetString()!.Length)] : "-",
                    string.Join(" ", r.GetProperty("values").EnumerateArray().Select(v => $"{v.GetProperty("metric").GetString()}={BenchFormat.Number(v.GetProperty("value"))}")),
                ]));
            PrintContainerMetrics(host);
            var results = host.GetProperty("results").EnumerateArray().ToList();
            if (results.Count > 0)
            {
                Console.WriteLine();
                TableWriter.Write(
                    ["METRIC", "UNIT", .. BenchFormat.StatsHeaders],
                    results.Select(r => (IReadOnlyList<string>)[r.GetProperty("metric").GetString()!, r.GetProperty("unit").GetString()!, .. BenchFormat.Stats(r)]));
            }
        }
    }

    // Each attempt's container as the minion sampled it (containerMetrics in the API; null when nothing was stored).
    private static void PrintContainerMetrics(JsonElement host)
    {
        var sampled = host.GetProperty("repetitions").EnumerateArray()
            .Where(r => r.TryGetProperty("containerMetrics", out var m) && m.ValueKind == JsonValueKind.Object)
            .ToList();
        if (sampled.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        TableWriter.Write(
            ["REPETITION", "SAMPLES", "INTERVAL", "CPU-SECONDS", "MEAN-CORES", "PEAK-MEMORY", "IO-READ", "IO-WRITE", "NET-RX", "NET-TX"],
            sampled.Select(r =>
            {
                var m = r.GetProperty("containerMetrics");
                return (IReadOnlyList<string>)
                [
                    r.GetProperty("warmup").GetBoolean() ? $"warm-up {r.GetProperty("index").GetInt32()}" : r.GetProperty("index").GetInt32().ToString(CultureInfo.InvariantCulture),
                    m.GetProperty("samples").GetInt32().ToString(CultureInfo.InvariantCulture),
                    m.GetProperty("meanIntervalMs").ValueKind == JsonValueKind.Number ? $"{m.GetProperty("meanIntervalMs").GetDouble().ToString("F0", CultureInfo.InvariantCulture)}ms" : "-",
                    BenchFormat.Number(m.GetProperty("cpuSeconds")),
                    BenchFormat.Number(m.GetProperty("meanCpuCores")),
                    BenchFormat.Bytes(m.GetProperty("peakMemoryBytes")),
                    BenchFormat.Bytes(m.GetProperty("ioReadBytes")),
                    BenchFormat.Bytes(m.GetProperty("ioWriteBytes")),
                    BenchFormat.Bytes(m.GetProperty("netReceiveBytes")),
                    BenchFormat.Bytes(m.GetProperty("netTransmitBytes")),
                ];
            }));
    }
}
