using System.CommandLine;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary><c>bench report RUN [RUN...] -o report.html</c>: one self-contained HTML file to share (no external requests).</summary>
internal static class BenchReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("RUN") { Description = "The runs to report; each later one is also compared with the first", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The HTML file to write", Required = true };
        var server = CommonOptions.Server();
        var command = new Command("report", "Write one self-contained HTML report of runs: systems, results with intervals, plots, comparisons") { runs, output, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                var ids = parse.GetValue(runs)!;
                var details = new List<BenchmarkRunReport>();
                foreach (var id in ids)
                {
                    details.Add(await client.BenchmarkRunAsync(id, cancellationToken));
                }

                var comparisons = new List<BenchComparisonResponse>();
                foreach (var id in ids.Skip(1))
                {
                    comparisons.Add(await client.BenchmarkCompareAsync($"a={Uri.EscapeDataString(ids[0])}&b={Uri.EscapeDataString(id)}", cancellationToken));
                }

                var file = parse.GetValue(output)!;
                await File.WriteAllTextAsync(file.FullName, BenchReportHtml.Write(details, comparisons, DateTimeOffset.Now), cancellationToken);
                Console.WriteLine($"wrote {file.FullName}");
                return CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return command;
    }
}
