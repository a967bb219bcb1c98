using System.Globalization;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;
using EventReactor.Core.Time;

namespace EventReactor.Cli.Commands;

/// <summary>
/// <c>rules test --replay WINDOW</c>: sends the rule files on disk to the running reactor, which replays its journal
/// through them (it has the journal and the audit), and prints what would change. Nothing is executed.
/// </summary>
internal static class RulesReplay
{
    public static async Task<int> RunAsync(string server, string window, string? tag, IReadOnlyList<string> files, bool json, CancellationToken cancellationToken)
    {
        if (ShortDuration.Parse(window) is null)
        {
            await Console.Error.WriteLineAsync($"eventreactor: --replay '{window}' must be a whole number followed by s, m, h or d, such as 24h");
            return CliApplication.Usage;
        }

        var texts = new List<RuleFileText>(files.Count);
        foreach (var file in files)
        {
            texts.Add(new RuleFileText(file, await File.ReadAllTextAsync(file, cancellationToken)));
        }

        using var client = new ReactorClient(server);
        try
        {
            var report = await client.ReplayAsync(new ReplayRequest(window, tag, texts), cancellationToken);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(report, StateCommands.Indented));
            }
            else
            {
                Print(report, window);
            }

            return CliApplication.Ok;
        }
        catch (ReactorClientException ex)
        {
            await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
            return CliApplication.Failure;
        }
    }

    private static void Print(ReplayReport report, string window)
    {
        Console.WriteLine($"replayed {report.Events} events of the last {window} ({Time(report.From)} to {Time(report.To)}), {report.Chained} of them chained, {report.Skipped} skipped (untrusted); nothing was executed");
        Section("reactions added", "+", report.Added);
        Section("reactions removed", "-", report.Removed);
        Section("reactions changed", "~", report.Changed);
        Section("conditions that now error", "!", report.NowErroring);
        if (report.Added.Count + report.Removed.Count + report.Changed.Count + report.NowErroring.Count == 0)
        {
            Console.WriteLine("no differences: the rules would have done exactly what the live rules did");
            return;
        }

        Console.WriteLine("open an example with: eventreactor rules explain EVENT_ID");
    }

    private static void Section(string title, string mark, IReadOnlyList<ReplayDifference> differences)
    {
        if (differences.Count == 0)
        {
            return;
        }

        Console.WriteLine($"{title}: {differences.Sum(d => d.Events)} on {differences.Count} rule action(s)");
        foreach (var difference in differences)
        {
            var action = difference.Action is null ? "condition" : $"#{difference.ActionIndex} {difference.Action}";
            Console.WriteLine($"  {mark} {difference.Rule} {action}: {difference.Events} event(s)");
            foreach (var example in difference.Examples)
            {
                var via = example.ChainedFrom is null ? string.Empty : $" via {example.ChainedFrom}";
                Console.WriteLine($"      e.g. {example.EventId} ({example.EventTag}){via}");
                if (example.Before is { } before)
                {
                    Console.WriteLine($"        before {before.GetRawText()}");
                }

                if (example.After is { } after)
                {
                    Console.WriteLine($"        after  {after.GetRawText()}");
                }

                if (example.Detail is { } detail)
                {
                    Console.WriteLine($"        why    {detail}");
                }
            }
        }
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
