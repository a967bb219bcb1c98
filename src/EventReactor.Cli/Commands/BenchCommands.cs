using System.CommandLine;
using EventReactor.Cli.Client;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor bench run|show|runs|results|compare|report</c>: benchmark runs on a running reactor.</summary>
internal static class BenchCommands
{
    public static Command Create() => new("bench", "Run benchmark suites on minions and compare their results across hardware")
    {
        BenchRunCommand.Create(),
        BenchShowCommand.Create(),
        CreateRuns(),
        BenchResultsCommand.Create(),
        BenchCompareCommand.Create(),
        BenchReportCommand.Create(),
    };

    private static Command CreateRuns()
    {
        var suite = new Option<string?>("--suite") { Description = "Only runs of this suite" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("runs", "List recent benchmark runs, newest first") { suite, json, server };
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(suite) is { } name ? $"api/bench/runs?suite={Uri.EscapeDataString(name)}" : "api/bench/runs";
            return StateCommands.RunAsync(parse.GetValue(server)!, path, parse.GetValue(json), runs =>
                TableWriter.Write(
                    ["RUN", "SUITE", "STATUS", "MINIONS", "CREATED", "REASON"],
                    runs.EnumerateArray().Select(r => (IReadOnlyList<string>)
                    [
                        r.GetProperty("id").GetString()!,
                        r.GetProperty("suite").GetString()!,
                        r.GetProperty("status").GetString()!,
                        string.Join(",", r.GetProperty("minions").EnumerateArray().Select(m => m.GetString())),
                        BenchFormat.Time(r.GetProperty("createdAt")),
                        BenchFormat.Text(r.GetProperty("reason")),
                    ])), cancellationToken);
        });
        return command;
    }
}
