using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary>
/// <c>bench compare A B [--by GRAIN] [--suite S] [--metric M] [--json|--csv]</c>: two runs, or two grain values, per
/// metric with intervals, the change and its interval, a p-value, and <c>~</c> where the difference is not significant.
/// </summary>
internal static class BenchCompareCommand
{
    private static readonly string[] CsvColumns =
    [
        "suite", "metric", "unit", "higherIsBetter", "aN", "aMean", "aLow", "aHigh", "bN", "bMean", "bLow", "bHigh",
        "changePercent", "changeLow", "changeHigh", "changeMonteCarloError", "u", "pValue", "method", "verdict",
    ];

    public static Command Create()
    {
        var a = new Argument<string>("A") { Description = "A run id, or with --by a grain value (e.g. a CPU model)" };
        var b = new Argument<string>("B") { Description = "The other side; changes are from A to B" };
        var by = new Option<string?>("--by") { Description = "A and B are values of this grain path, e.g. cpu.model: every finished host with the value pools in" };
        var suite = new Option<string?>("--suite") { Description = "Only this suite" };
        var metric = new Option<string?>("--metric") { Description = "Only this metric" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var csv = new Option<bool>("--csv") { Description = "As CSV, with raw numbers" };
        var server = CommonOptions.Server();
        var command = new Command("compare", "Compare two runs (or two groups of hosts): intervals, change, Mann-Whitney U p-value; ~ when not significant")
        {
            a, b, by, suite, metric, json, csv, server,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv))
            {
                result.AddError("--json and --csv exclude each other");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var query = new List<string> { $"a={Uri.EscapeDataString(parse.GetValue(a)!)}", $"b={Uri.EscapeDataString(parse.GetValue(b)!)}" };
            foreach (var (name, option) in new[] { ("by", by), ("suite", suite), ("metric", metric) })
            {
                if (parse.GetValue(option) is { } value)
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            return StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.BenchmarkCompareAsync(string.Join("&", query), token), parse.GetValue(json), comparison =>
            {
                if (parse.GetValue(csv))
                {
                    WriteCsv(comparison);
                }
                else
                {
                    WriteTable(comparison);
                }
            }, cancellationToken);
        });
        return command;
    }

    private static void WriteTable(BenchComparisonResponse comparison)
    {
        var side = comparison.By is null ? "run" : comparison.By;
        Console.WriteLine($"A: {side} {comparison.A}");
        Console.WriteLine($"B: {side} {comparison.B}");
        TableWriter.Write(
            ["SUITE", "METRIC", "UNIT", "A N", "A MEAN", "A 95% CI", "B N", "B MEAN", "B 95% CI", "CHANGE", "CHANGE 95% CI", "P", ""],
            comparison.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Suite,
                m.Metric,
                m.Unit,
                m.A.N.ToString(CultureInfo.InvariantCulture),
                BenchFormat.Number(m.A.Mean),
                Interval(m.A.Low, m.A.High, v => BenchFormat.Number(v)),
                m.B.N.ToString(CultureInfo.InvariantCulture),
                BenchFormat.Number(m.B.Mean),
                Interval(m.B.Low, m.B.High, v => BenchFormat.Number(v)),
                m.ChangePercent is { } change ? Percent(change) : "-",
                Interval(m.ChangeLow, m.ChangeHigh, Percent),
                $"{m.PValue.ToString("0.###", CultureInfo.InvariantCulture)} ({m.Method})",
                m.Verdict == "same" ? "~" : m.Verdict,
            ]));
        foreach (var m in comparison.Metrics.Where(m => m.Warnings.Count > 0))
        {
            foreach (var warning in m.Warnings)
            {
                Console.WriteLine($"warning: {m.Suite} {m.Metric}: {warning}");
            }
        }

        var error = comparison.Metrics.Select(m => m.ChangeMonteCarloError).OfType<double>().DefaultIfEmpty(0).Max();
        Console.WriteLine($"p: {comparison.Test}; ~ when p >= {comparison.Alpha.ToString(CultureInfo.InvariantCulture)}");
        Console.WriteLine($"change: {comparison.ChangeInterval}; Monte-Carlo error of its ends up to {error.ToString("0.##", CultureInfo.InvariantCulture)} points");
    }

    private static void WriteCsv(BenchComparisonResponse comparison)
    {
        Console.WriteLine(string.Join(",", CsvColumns));
        foreach (var m in comparison.Metrics)
        {
            object?[] cells =
            [
                m.Suite, m.Metric, m.Unit, m.HigherIsBetter, m.A.N, m.A.Mean, m.A.Low, m.A.High, m.B.N, m.B.Mean, m.B.Low, m.B.High,
                m.ChangePercent, m.ChangeLow, m.ChangeHigh, m.ChangeMonteCarloError, m.U, m.PValue, m.Method, m.Verdict,
            ];
            Console.WriteLine(string.Join(",", cells.Select(Cell)));
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text when text.IndexOfAny([',', '"', '\n']) >= 0 => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Percent(double value) => $"{value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)}%";

    private static string Interval(double? low, double? high, Func<double, string> format) =>
        low is { } l && high is { } h ? $"[{format(l)}, {format(h)}]" : "-";
}
