using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary><c>bench results [--suite S] [--by GRAIN_PATH] [--json|--csv]</c>: results compared across hardware.</summary>
internal static class BenchResultsCommand
{
    private static readonly string[] CsvColumns = ["suite", "metric", "unit", "higherIsBetter", "by", "group", "runs", "n", "mean", "stddev", "rsd", "min", "max", "p50", "p95", "ciLow", "ciHigh", "tier"];

    public static Command Create()
    {
        var suite = new Option<string?>("--suite") { Description = "Only this suite" };
        var by = new Option<string?>("--by") { Description = "Group hosts by this grain path, e.g. cpu.model, gpus.model, virtualization.instanceType (default: the minion)" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var csv = new Option<bool>("--csv") { Description = "As CSV, with raw numbers" };
        var server = CommonOptions.Server();
        var command = new Command("results", "Compare results across runs and hardware: per suite, metric and group") { suite, by, json, csv, server };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                result.AddError("--json and --csv exclude each other");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var groupHeader = (parse.GetValue(by) ?? "minion").ToUpperInvariant();
            var code = await StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.BenchmarkResultsAsync(parse.GetValue(suite), parse.GetValue(by), token), parse.GetValue(json), rows =>
            {
                if (parse.GetValue(csv))
                {
                    WriteCsv(rows);
                    return;
                }

                TableWriter.Write(
                    ["SUITE", "METRIC", "UNIT", groupHeader, "RUNS", .. BenchFormat.StatsHeaders, "MEAN 95% CI", "TIER"],
                    rows.Select(r => (IReadOnlyList<string>)
                    [
                        r.Suite,
                        r.Metric,
                        r.Unit,
                        r.Group,
                        r.Runs.ToString(CultureInfo.InvariantCulture),
                        .. BenchFormat.Stats(r),
                        r.CiLow is { } low ? $"[{BenchFormat.Number(low)}, {BenchFormat.Number(r.CiHigh)}]" : "-",
                        r.Tier.ToString(CultureInfo.InvariantCulture),
                    ]));
                Console.WriteLine("Best first per metric; one TIER cannot be told apart (Mann-Whitney U against the tier's best, p >= 0.05).");
            }, cancellationToken);
            if (code == CliApplication.Ok && !parse.GetValue(json) && !parse.GetValue(csv))
            {
                using var client = new ReactorClient(parse.GetValue(server)!);
                await BenchNoisyHosts.PrintAsync(client, parse.GetValue(suite), null, cancellationToken);
            }

            return code;
        });
        return command;
    }

    private static void WriteCsv(IEnumerable<BenchmarkComparisonRow> rows)
    {
        Console.WriteLine(string.Join(",", CsvColumns));
        foreach (var r in rows)
        {
            string[] cells =
            [
                Cell(r.Suite), Cell(r.Metric), Cell(r.Unit), r.HigherIsBetter ? "true" : "false", Cell(r.By), Cell(r.Group),
                Cell(r.Runs), Cell(r.N), Cell(r.Mean), Cell(r.Stddev), Cell(r.Rsd), Cell(r.Min), Cell(r.Max), Cell(r.P50), Cell(r.P95),
                r.CiLow is { } low ? Cell(low) : string.Empty, r.CiHigh is { } high ? Cell(high) : string.Empty, Cell(r.Tier),
            ];
            Console.WriteLine(string.Join(",", cells));
        }
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Cell(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
