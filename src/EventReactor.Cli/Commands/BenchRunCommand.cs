using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;

namespace EventReactor.Cli.Commands;

/// <summary>
/// <c>bench run SUITE [--target T] [--tgt-type TT] [--wait]</c>: starts a run; with <c>--wait</c> prints each host's
/// progress as it changes and ends with the results, exiting 1 when the run failed.
/// </summary>
internal static class BenchRunCommand
{
    public static Command Create()
    {
        var suite = new Argument<string>("SUITE") { Description = "The suite: config/benchmarks/SUITE.yaml on the reactor" };
        var target = new Option<string?>("--target") { Description = "The minions (default: the suite's requirements, or the one present minion)" };
        var targetType = new Option<string?>("--tgt-type") { Description = "glob (default), list, grain, pool or expr" };
        var wait = new Option<bool>("--wait") { Description = "Follow the run: progress per host, then the summary" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait with --wait (default 3600)", DefaultValueFactory = _ => 3600 };
        var server = CommonOptions.Server();
        var command = new Command("run", "Start a benchmark run") { suite, target, targetType, wait, timeout, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                var run = await client.PostAsync("api/bench/runs", new { suite = parse.GetValue(suite), tgt = parse.GetValue(target), tgt_type = parse.GetValue(targetType) }, cancellationToken);
                var id = run.GetProperty("id").GetString()!;
                Console.WriteLine($"run {id}: {run.GetProperty("suite").GetString()} on {string.Join(", ", run.GetProperty("minions").EnumerateArray().Select(m => m.GetString()))}");
                return parse.GetValue(wait) ? await FollowAsync(client, id, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken) : CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return command;
    }

    // Polls the run and prints a line whenever a host's progress changes, until the run ends or time runs out.
    private static async Task<int> FollowAsync(ReactorClient client, string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var printed = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var detail = await client.GetAsync($"api/bench/runs/{Uri.EscapeDataString(id)}", cancellationToken);
            var run = detail.GetProperty("run");
            foreach (var host in detail.GetProperty("hosts").EnumerateArray())
            {
                var line = Progress(run.GetProperty("policy"), host);
                var minion = host.GetProperty("minion").GetString()!;
                if (printed.GetValueOrDefault(minion) != line)
                {
                    Console.WriteLine($"  {minion}: {line}");
                    printed[minion] = line;
                }
            }

            var status = run.GetProperty("status").GetString();
            if (status is "done" or "failed")
            {
                PrintSummary(detail);
                await BenchNoisyHosts.PrintAsync(client, run.GetProperty("suite").GetString(), [.. run.GetProperty("minions").EnumerateArray().Select(m => m.GetString()!)], cancellationToken);
                var elapsed = run.GetProperty("startedAt").ValueKind == JsonValueKind.String && run.GetProperty("endedAt").ValueKind == JsonValueKind.String
                    ? $" in {(run.GetProperty("endedAt").GetDateTimeOffset() - run.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}s"
                    : string.Empty;
                if (status == "done")
                {
                    Console.WriteLine($"run {id} done{elapsed}");
                    return CliApplication.Ok;
                }

                await Console.Error.WriteLineAsync($"eventreactor: run {id} failed{elapsed}: {run.GetProperty("reason").GetString()}");
                return CliApplication.Failure;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                await Console.Error.WriteLineAsync($"eventreactor: run {id} is still {status} after {timeout.TotalSeconds:F0}s; follow it with 'eventreactor bench show {id}'");
                return CliApplication.Failure;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static string Progress(JsonElement policy, JsonElement host)
    {
        var status = host.GetProperty("status").GetString();
        var warmups = policy.GetProperty("warmup").GetInt32();
        var warmupsDone = host.GetProperty("warmupsDone").GetInt32();
        var done = host.GetProperty("repetitionsDone").GetInt32();
        var progress = warmups == 0 ? $"{done} of {BenchFormat.Repetitions(policy)} repetitions done"
            : warmupsDone < warmups && done == 0 ? $"warm-up {warmupsDone}/{warmups}"
            : $"warm-up {warmups}/{warmups}, {done} of {BenchFormat.Repetitions(policy)} repetitions done";
        // Attempts come in order; only a failure that is the latest attempt is being retried now.
        var latest = host.GetProperty("repetitions").EnumerateArray().LastOrDefault();
        var lastFailure = latest.ValueKind == JsonValueKind.Object && latest.GetProperty("status").GetString() == "failed" ? latest : default;
        return status switch
        {
            "failed" => $"{progress}; FAILED: {BenchFormat.Text(host.GetProperty("reason"))}",
            "done" => $"{progress}; done",
            _ when lastFailure.ValueKind == JsonValueKind.Object => $"{progress} (attempt {lastFailure.GetProperty("attempt").GetInt32()} of {Label(lastFailure)} failed: {lastFailure.GetProperty("reason").GetString()}; retrying)",
            "pending" => "waiting",
            _ => progress,
        };
    }

    private static string Label(JsonElement repetition) =>
        repetition.GetProperty("warmup").GetBoolean() ? $"warm-up {repetition.GetProperty("index").GetInt32()}" : $"repetition {repetition.GetProperty("index").GetInt32()}";

    public static void PrintSummary(JsonElement detail)
    {
        var rows = detail.GetProperty("hosts").EnumerateArray()
            .SelectMany(host => host.GetProperty("results").EnumerateArray().Select(r => (IReadOnlyList<string>)
                [host.GetProperty("minion").GetString()!, r.GetProperty("metric").GetString()!, r.GetProperty("unit").GetString()!, .. BenchFormat.Stats(r)]))
            .ToList();
        if (rows.Count > 0)
        {
            TableWriter.Write(["MINION", "METRIC", "UNIT", .. BenchFormat.StatsHeaders], rows);
        }
    }
}
