using System.CommandLine;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

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
            StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.BenchmarkRunsAsync(parse.GetValue(suite), token), parse.GetValue(json), runs =>
                TableWriter.Write(
                    ["RUN", "SUITE", "STATUS", "MINIONS", "CREATED", "REASON"],
                    runs.Select(r => (IReadOnlyList<string>)
                    [
                        r.Id,
                        r.Suite,
                        r.Status.ToWire(),
                        string.Join(",", r.Minions),
                        BenchFormat.Time(r.CreatedAt),
                        BenchFormat.Text(r.Reason),
                    ])), cancellationToken));
        return command;
    }
}
