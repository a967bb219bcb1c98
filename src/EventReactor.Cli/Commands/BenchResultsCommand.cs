using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;

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
            var query = new List<string>();
            if (parse.GetValue(suite) is { } name)
            {
                query.Add($"suite={Uri.EscapeDataString(name)}");
            }

            if (parse.GetValue(by) is { } path)
            {
                query.Add($"by={Uri.EscapeDataString(path)}");
            }

            var url = query.Count == 0 ? "api/bench/results" : $"api/bench/results?{string.Join("&", query)}";
            var groupHeader = (parse.GetValue(by) ?? "minion").ToUpperInvariant();
            var code = await StateCommands.RunAsync(parse.GetValue(server)!, url, parse.GetValue(json), rows =>
            {
                if (parse.GetValue(csv))
                {
                    WriteCsv(rows);
                    return;
                }

                TableWriter.Write(
                    ["SUITE", "METRIC", "UNIT", groupHeader, "RUNS", .. BenchFormat.StatsHeaders, "MEAN 95% CI", "TIER"],
                    rows.EnumerateArray().Select(r => (IReadOnlyList<string>)
                    [
                        r.GetProperty("suite").GetString()!,
                        r.GetProperty("metric").GetString()!,
                        r.GetProperty("unit").GetString()!,
                        r.GetProperty("group").GetString()!,
                        r.GetProperty("runs").GetInt32().ToString(CultureInfo.InvariantCulture),
                        .. BenchFormat.Stats(r),
                        r.GetProperty("ciLow").ValueKind == JsonValueKind.Number ? $"[{BenchFormat.Number(r.GetProperty("ciLow"))}, {BenchFormat.Number(r.GetProperty("ciHigh"))}]" : "-",
                        r.GetProperty("tier").GetInt32().ToString(CultureInfo.InvariantCulture),
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

    private static void WriteCsv(JsonElement rows)
    {
        Console.WriteLine(string.Join(",", CsvColumns));
        foreach (var row in rows.EnumerateArray())
        {
            Console.WriteLine(string.Join(",", CsvColumns.Select(column => Cell(row.GetProperty(column)))));
        }
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()!.IndexOfAny([',', '"', '\n']) >= 0 => $"\"{value.GetString()!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => string.Empty,
    };
}
