using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor minions</c>, <c>jobs</c> and <c>job show</c>: what a running reactor knows.</summary>
internal static class StateCommands
{
    /// <summary>How <c>--json</c> prints an answer: the API's own JSON, indented.</summary>
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command CreateMinions()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("minions", "List minions: presence, last seen, pools, CPU, GPUs") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, (client, token) => client.MinionsAsync(token), parse.GetValue(json), minions =>
            TableWriter.Write(
                ["ID", "PRESENT", "LAST SEEN", "POOLS", "CPU", "GPUS"],
                minions.Select(Row)), cancellationToken));
        return command;
    }

    public static Command CreateStatus()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("status", "Summarise a running reactor: uptime, rules, minions, outstanding jobs, flagged rules, recent failures") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, (client, token) => client.StatusAsync(token), parse.GetValue(json), status =>
        {
            Console.WriteLine($"up {TimeSpan.FromSeconds(status.UptimeSeconds)} since {Time(status.StartedAt)}");
            Console.WriteLine($"rules     {status.Rules.Count} in force from {status.Rules.Files.Count} files{(status.Rules.LastEditRefused ? "; the last edit was REFUSED:" : string.Empty)}");
            foreach (var error in status.Rules.Errors)
            {
                Console.WriteLine($"          {error}");
            }

            Console.WriteLine($"minions   {status.Minions.Present} present, {status.Minions.Lost} lost");
            Console.WriteLine($"jobs      {status.OutstandingJobs} outstanding");
            Console.WriteLine($"health    {status.FlaggedRules} rule(s) flagged{(status.FlaggedRules > 0 ? " (eventreactor rules stats)" : string.Empty)}");
            Console.WriteLine($"failures  {status.RecentFailures.Count} recent");
            foreach (var failure in status.RecentFailures)
            {
                Console.WriteLine($"          {Time(failure.At)}  {failure.Rule}  {failure.Outcome.ToWire()}  event {failure.EventId}");
            }
        }, cancellationToken));
        return command;
    }

    public static Command CreateJobs()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("jobs", "List recent jobs and how many minions returned") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, (client, token) => client.JobsAsync(token), parse.GetValue(json), jobs =>
            TableWriter.Write(
                ["JID", "FUNCTION", "TARGET", "RETURNED", "FAILED"],
                jobs.Select(j => (IReadOnlyList<string>)
                [
                    j.Jid,
                    j.Function,
                    j.Target,
                    $"{j.Returns.Count}/{j.Minions.Count}",
                    j.Returns.Count(r => !r.Success).ToString(CultureInfo.InvariantCulture),
                ])), cancellationToken));
        return command;
    }

    public static Command CreateJob()
    {
        var jid = new Argument<string>("JID") { Description = "The job id" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var show = new Command("show", "One job with every minion's return") { jid, json, server };
        show.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, (client, token) => client.JobAsync(parse.GetValue(jid)!, token), parse.GetValue(json), job =>
        {
            Console.WriteLine($"job {job.Jid}: {job.Function} on {job.Target} ({job.TargetType})");
            Console.WriteLine($"  arguments {job.Arguments.GetRawText()}");
            var returned = job.Returns.ToDictionary(r => r.Minion);
            foreach (var minion in job.Minions)
            {
                if (!returned.TryGetValue(minion, out var answer))
                {
                    Console.WriteLine($"  {minion}: no return yet");
                    continue;
                }

                var error = answer.Error is { } text ? $" error: {text}" : string.Empty;
                Console.WriteLine($"  {minion}: {(answer.Success ? "ok" : "FAILED")} retcode {answer.RetCode} in {answer.DurationMs:F0} ms{error}");
                if (answer.Return is { ValueKind: not JsonValueKind.Null } value)
                {
                    Console.WriteLine($"    {value.GetRawText()}");
                }
            }
        }, cancellationToken));
        return new Command("job", "Inspect one job") { show };
    }

    /// <summary>Asks the reactor, then prints the answer with <paramref name="print"/>, or as JSON with <c>--json</c>; exits 1 on a failed request.</summary>
    internal static async Task<int> RunAsync<T>(string server, Func<ReactorClient, CancellationToken, Task<T>> ask, bool json, Action<T> print, CancellationToken cancellationToken)
    {
        using var client = new ReactorClient(server);
        try
        {
            var answer = await ask(client, cancellationToken);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(answer, Indented));
            }
            else
            {
                print(answer);
            }

            return CliApplication.Ok;
        }
        catch (ReactorClientException ex)
        {
            await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
            return CliApplication.Failure;
        }
    }

    private static IReadOnlyList<string> Row(MinionView minion)
    {
        var grains = GrainsSnapshot.From(minion.Grains);
        return
        [
            minion.Id,
            minion.Present ? "yes" : "lost",
            Time(minion.LastSeen),
            minion.Pools.Count > 0 ? string.Join(",", minion.Pools) : "-",
            grains.CpuModel ?? "-",
            grains.GpuModels.Count > 0 ? string.Join(", ", grains.GpuModels.GroupBy(g => g).Select(g => $"{g.Count()}x {g.Key}")) : "-",
        ];
    }

    internal static string Time(DateTimeOffset value) => value.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
