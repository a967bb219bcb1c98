using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

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
            StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.BenchmarkRunAsync(parse.GetValue(id)!, token), parse.GetValue(json), Print, cancellationToken));
        return command;
    }

    private static void Print(BenchmarkRunReport detail)
    {
        var run = detail.Run;
        var policy = run.Policy;
        Console.WriteLine($"run {run.Id}: {run.Suite}, {run.Status.ToWire()}{(run.Reason is { } reason ? $": {reason}" : string.Empty)}");
        Console.WriteLine($"  target    {run.Target} ({run.TargetType})");
        Console.WriteLine($"  times     created {BenchFormat.Time(run.CreatedAt)}, started {BenchFormat.Time(run.StartedAt)}, ended {BenchFormat.Time(run.EndedAt)}");
        Console.WriteLine($"  policy    {policy.Warmup} warm-up, {BenchFormat.Repetitions(policy)} repetitions (until RSD < {policy.RsdThreshold.ToString(CultureInfo.InvariantCulture)}%), retries {policy.Retries}, timeout {policy.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}s");
        foreach (var host in detail.Hosts)
        {
            var gpus = host.Grains.GpuModels;
            Console.WriteLine();
            Console.WriteLine($"{host.Minion}: {host.Status.ToWire()}{(host.Reason is { } failure ? $": {failure}" : string.Empty)}");
            Console.WriteLine($"  cpu {BenchFormat.Text(host.Grains.CpuModel)}; gpus {(gpus.Count == 0 ? "-" : string.Join(", ", gpus))}; instance {BenchFormat.Text(host.Grains.InstanceType)}");
            TableWriter.Write(
                ["REPETITION", "ATTEMPT", "STATUS", "REASON", "EXIT", "SECONDS", "CONTAINER", "VALUES"],
                host.Repetitions.Select(r => (IReadOnlyList<string>)
                [
                    Label(r),
                    r.Attempt.ToString(CultureInfo.InvariantCulture),
                    r.Status.ToWire(),
                    BenchFormat.Text(r.Reason),
                    r.ExitCode is { } exit ? exit.ToString(CultureInfo.InvariantCulture) : "-",
                    r.DurationMs is { } ms ? (ms / 1000).ToString("F1", CultureInfo.InvariantCulture) : "-",
                    r.ContainerId is { } container ? container[..Math.Min(12, container.Length)] : "-",
                    string.Join(" ", r.Values.Select(v => $"{v.Metric}={BenchFormat.Number(v.Value)}")),
                ]));
            PrintContainerMetrics(host);
            if (host.Results.Count > 0)
            {
                Console.WriteLine();
                TableWriter.Write(
                    ["METRIC", "UNIT", .. BenchFormat.StatsHeaders],
                    host.Results.Select(r => (IReadOnlyList<string>)[r.Metric, r.Unit, .. BenchFormat.Stats(r)]));
            }
        }
    }

    // Each attempt's container as the minion sampled it (containerMetrics in the API; null when nothing was stored).
    private static void PrintContainerMetrics(BenchmarkHostReport host)
    {
        var sampled = host.Repetitions.Where(r => r.ContainerMetrics is not null).ToList();
        if (sampled.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        TableWriter.Write(
            ["REPETITION", "SAMPLES", "INTERVAL", "CPU-SECONDS", "MEAN-CORES", "PEAK-MEMORY", "IO-READ", "IO-WRITE", "NET-RX", "NET-TX"],
            sampled.Select(r =>
            {
                var m = r.ContainerMetrics!;
                return (IReadOnlyList<string>)
                [
                    Label(r),
                    m.Samples.ToString(CultureInfo.InvariantCulture),
                    m.MeanIntervalMs is { } interval ? $"{interval.ToString("F0", CultureInfo.InvariantCulture)}ms" : "-",
                    BenchFormat.Number(m.CpuSeconds),
                    BenchFormat.Number(m.MeanCpuCores),
                    BenchFormat.Bytes(m.PeakMemoryBytes),
                    BenchFormat.Bytes(m.IoReadBytes),
                    BenchFormat.Bytes(m.IoWriteBytes),
                    BenchFormat.Bytes(m.NetReceiveBytes),
                    BenchFormat.Bytes(m.NetTransmitBytes),
                ];
            }));
    }

    private static string Label(BenchmarkAttempt r) => r.Warmup ? $"warm-up {r.Index}" : r.Index.ToString(CultureInfo.InvariantCulture);
}
