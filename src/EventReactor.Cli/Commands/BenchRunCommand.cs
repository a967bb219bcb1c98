using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Benchmarks;

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
                var run = await client.StartBenchmarkRunAsync(new StartBenchmarkRunRequest(parse.GetValue(suite)!, parse.GetValue(target), parse.GetValue(targetType)), cancellationToken);
                Console.WriteLine($"run {run.Id}: {run.Suite} on {string.Join(", ", run.Minions)}");
                return parse.GetValue(wait) ? await FollowAsync(client, run.Id, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken) : CliApplication.Ok;
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
            var detail = await client.BenchmarkRunAsync(id, cancellationToken);
            var run = detail.Run;
            foreach (var host in detail.Hosts)
            {
                var line = Progress(run.Policy, host);
                if (printed.GetValueOrDefault(host.Minion) != line)
                {
                    Console.WriteLine($"  {host.Minion}: {line}");
                    printed[host.Minion] = line;
                }
            }

            if (run.Status is BenchmarkStatus.Done or BenchmarkStatus.Failed)
            {
                PrintSummary(detail);
                await BenchNoisyHosts.PrintAsync(client, run.Suite, run.Minions, cancellationToken);
                var elapsed = run is { StartedAt: { } started, EndedAt: { } ended }
                    ? $" in {(ended - started).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}s"
                    : string.Empty;
                if (run.Status == BenchmarkStatus.Done)
                {
                    Console.WriteLine($"run {id} done{elapsed}");
                    return CliApplication.Ok;
                }

                await Console.Error.WriteLineAsync($"eventreactor: run {id} failed{elapsed}: {run.Reason}");
                return CliApplication.Failure;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                await Console.Error.WriteLineAsync($"eventreactor: run {id} is still {run.Status.ToWire()} after {timeout.TotalSeconds:F0}s; follow it with 'eventreactor bench show {id}'");
                return CliApplication.Failure;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static string Progress(BenchmarkPolicy policy, BenchmarkHostReport host)
    {
        var warmups = policy.Warmup;
        var done = host.RepetitionsDone;
        var progress = warmups == 0 ? $"{done} of {BenchFormat.Repetitions(policy)} repetitions done"
            : host.WarmupsDone < warmups && done == 0 ? $"warm-up {host.WarmupsDone}/{warmups}"
            : $"warm-up {warmups}/{warmups}, {done} of {BenchFormat.Repetitions(policy)} repetitions done";
        // Attempts come in order; only a failure that is the latest attempt is being retried now.
        var lastFailure = host.Repetitions.LastOrDefault() is { Status: BenchmarkStatus.Failed } latest ? latest : null;
        return host.Status switch
        {
            BenchmarkStatus.Failed => $"{progress}; FAILED: {BenchFormat.Text(host.Reason)}",
            BenchmarkStatus.Done => $"{progress}; done",
            _ when lastFailure is not null => $"{progress} (attempt {lastFailure.Attempt} of {Label(lastFailure)} failed: {lastFailure.Reason}; retrying)",
            BenchmarkStatus.Pending => "waiting",
            _ => progress,
        };
    }

    private static string Label(BenchmarkAttempt repetition) =>
        repetition.Warmup ? $"warm-up {repetition.Index}" : $"repetition {repetition.Index}";

    private static void PrintSummary(BenchmarkRunReport detail)
    {
        var rows = detail.Hosts
            .SelectMany(host => host.Results.Select(r => (IReadOnlyList<string>)[host.Minion, r.Metric, r.Unit, .. BenchFormat.Stats(r)]))
            .ToList();
        if (rows.Count > 0)
        {
            TableWriter.Write(["MINION", "METRIC", "UNIT", .. BenchFormat.StatsHeaders], rows);
        }
    }
}
