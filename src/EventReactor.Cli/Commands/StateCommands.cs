using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor minions</c>, <c>jobs</c> and <c>job show</c>: what a running reactor knows.</summary>
internal static class StateCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command CreateMinions()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("minions", "List minions: presence, last seen, pools, CPU, GPUs") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, "api/minions", parse.GetValue(json), minions =>
            TableWriter.Write(
                ["ID", "PRESENT", "LAST SEEN", "POOLS", "CPU", "GPUS"],
                minions.EnumerateArray().Select(m => (IReadOnlyList<string>)
                [
                    m.GetProperty("id").GetString()!,
                    m.GetProperty("present").GetBoolean() ? "yes" : "lost",
                    Time(m.GetProperty("lastSeen")),
                    m.TryGetProperty("pools", out var pools) && pools.GetArrayLength() > 0 ? string.Join(",", pools.EnumerateArray().Select(p => p.GetString())) : "-",
                    Grain(m, "cpu", "model"),
                    Gpus(m),
                ])), cancellationToken));
        return command;
    }

    public static Command CreateStatus()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("status", "Summarise a running reactor: uptime, rules, minions, outstanding jobs, recent failures") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, "api/status", parse.GetValue(json), status =>
        {
            var rules = status.GetProperty("rules");
            var minions = status.GetProperty("minions");
            Console.WriteLine($"up {TimeSpan.FromSeconds(status.GetProperty("uptimeSeconds").GetDouble())} since {Time(status.GetProperty("startedAt"))}");
            Console.WriteLine($"rules     {rules.GetProperty("count").GetInt32()} in force from {rules.GetProperty("files").GetArrayLength()} files{(rules.GetProperty("lastEditRefused").GetBoolean() ? "; the last edit was REFUSED:" : string.Empty)}");
            foreach (var error in rules.GetProperty("errors").EnumerateArray())
            {
                Console.WriteLine($"          {error.GetString()}");
            }

            Console.WriteLine($"minions   {minions.GetProperty("present").GetInt32()} present, {minions.GetProperty("lost").GetInt32()} lost");
            Console.WriteLine($"jobs      {status.GetProperty("outstandingJobs").GetInt32()} outstanding");
            var failures = status.GetProperty("recentFailures");
            Console.WriteLine($"failures  {failures.GetArrayLength()} recent");
            foreach (var failure in failures.EnumerateArray())
            {
                Console.WriteLine($"          {Time(failure.GetProperty("at"))}  {failure.GetProperty("rule").GetString()}  {failure.GetProperty("outcome").GetString()}  event {failure.GetProperty("eventId").GetString()}");
            }
        }, cancellationToken));
        return command;
    }

    public static Command CreateJobs()
    {
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("jobs", "List recent jobs and how many minions returned") { json, server };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, "api/jobs", parse.GetValue(json), jobs =>
            TableWriter.Write(
                ["JID", "FUNCTION", "TARGET", "RETURNED", "FAILED"],
                jobs.EnumerateArray().Select(j => (IReadOnlyList<string>)
                [
                    j.GetProperty("jid").GetString()!,
                    j.GetProperty("function").GetString()!,
                    j.GetProperty("target").GetString()!,
                    $"{j.GetProperty("returns").GetArrayLength()}/{j.GetProperty("minions").GetArrayLength()}",
                    j.GetProperty("returns").EnumerateArray().Count(r => !r.GetProperty("success").GetBoolean()).ToString(CultureInfo.InvariantCulture),
                ])), cancellationToken));
        return command;
    }

    public static Command CreateJob()
    {
        var jid = new Argument<string>("JID") { Description = "The job id" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var show = new Command("show", "One job with every minion's return") { jid, json, server };
        show.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(server)!, $"api/jobs/{Uri.EscapeDataString(parse.GetValue(jid)!)}", parse.GetValue(json), job =>
        {
            Console.WriteLine($"job {job.GetProperty("jid").GetString()}: {job.GetProperty("function").GetString()} on {job.GetProperty("target").GetString()} ({job.GetProperty("targetType").GetString()})");
            Console.WriteLine($"  arguments {job.GetProperty("arguments").GetRawText()}");
            var returned = job.GetProperty("returns").EnumerateArray().ToDictionary(r => r.GetProperty("minion").GetString()!);
            foreach (var minion in job.GetProperty("minions").EnumerateArray().Select(m => m.GetString()!))
            {
                if (!returned.TryGetValue(minion, out var answer))
                {
                    Console.WriteLine($"  {minion}: no return yet");
                    continue;
                }

                var error = answer.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String ? $" error: {text.GetString()}" : string.Empty;
                Console.WriteLine($"  {minion}: {(answer.GetProperty("success").GetBoolean() ? "ok" : "FAILED")} retcode {answer.GetProperty("retCode").GetInt32()} in {answer.GetProperty("durationMs").GetDouble():F0} ms{error}");
                if (answer.TryGetProperty("return", out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    Console.WriteLine($"    {value.GetRawText()}");
                }
            }
        }, cancellationToken));
        return new Command("job", "Inspect one job") { show };
    }

    internal static async Task<int> RunAsync(string server, string path, bool json, Action<JsonElement> print, CancellationToken cancellationToken)
    {
        using var client = new ReactorClient(server);
        try
        {
            var answer = await client.GetAsync(path, cancellationToken);
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

    private static string Time(JsonElement value) => value.GetDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Grain(JsonElement minion, string section, string field) =>
        minion.TryGetProperty("grains", out var grains) && grains.ValueKind == JsonValueKind.Object
        && grains.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
        && part.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "-";

    private static string Gpus(JsonElement minion) =>
        minion.TryGetProperty("grains", out var grains) && grains.ValueKind == JsonValueKind.Object
        && grains.TryGetProperty("gpus", out var gpus) && gpus.ValueKind == JsonValueKind.Array && gpus.GetArrayLength() > 0
            ? string.Join(", ", gpus.EnumerateArray().GroupBy(g => g.TryGetProperty("model", out var m) ? m.GetString() : "?").Select(g => $"{g.Count()}x {g.Key}"))
            : "-";
}
