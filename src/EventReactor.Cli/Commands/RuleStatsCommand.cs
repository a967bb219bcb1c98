using System.CommandLine;
using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor rules stats</c>, and the live warnings of <c>rules check --live</c>: rule health as a running reactor's audit tells it.</summary>
internal static class RuleStatsCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "The window: a duration such as 24h or 7d (default: the reactor's Reactor:RuleHealth:Window, 7d)" };
        var json = new Option<bool>("--json") { Description = "As JSON" };
        var server = CommonOptions.Server();
        var command = new Command("stats", "Rule health: per rule, matches, firings, condition errors, throttled, actions run and failed, last fired, and flags") { since, json, server };
        command.SetAction((parse, cancellationToken) => StateCommands.RunAsync(parse.GetValue(server)!, (client, token) => client.RuleStatsAsync(parse.GetValue(since), token), parse.GetValue(json), Print, cancellationToken));
        return command;
    }

    /// <summary>Prints the running reactor's flags as warnings (<c>file:line:column: warning: ...</c>); false when it cannot be asked.</summary>
    public static async Task<bool> PrintLiveWarningsAsync(string server, CancellationToken cancellationToken)
    {
        using var client = new ReactorClient(server);
        try
        {
            var report = await client.RuleStatsAsync(null, cancellationToken);
            foreach (var rule in report.Rules)
            {
                foreach (var flag in rule.Flags)
                {
                    Console.WriteLine($"{rule.Location}: warning: rule '{rule.Rule}' {flag.Kind.ToWire()}: {flag.Detail} (live, since {StateCommands.Time(report.Since)})");
                }
            }

            return true;
        }
        catch (ReactorClientException ex)
        {
            await Console.Error.WriteLineAsync($"eventreactor: --live: {ex.Message}");
            return false;
        }
    }

    private static void Print(RuleStatsReport report)
    {
        Console.WriteLine($"rule health from {StateCommands.Time(report.Since)} to {StateCommands.Time(report.Until)}");
        TableWriter.Write(
            ["RULE", "MATCHED", "FIRED", "COND ERRORS", "THROTTLED", "ACTIONS RUN", "FAILED", "LAST FIRED", "FLAGS"],
            report.Rules.Select(rule => (IReadOnlyList<string>)
            [
                rule.Rule,
                Number(rule.Matched),
                Number(rule.Fired),
                Number(rule.ConditionErrors),
                Number(rule.Throttled),
                Number(rule.ActionsRun),
                Number(rule.ActionFailures),
                rule.LastFired is { } at ? StateCommands.Time(at) : "never",
                rule.Flags.Count == 0 ? "-" : string.Join(",", rule.Flags.Select(f => f.Kind.ToWire()).Distinct()),
            ]));
        Console.WriteLine($"{report.Flagged} of {report.Rules.Count} rule(s) flagged");
        foreach (var rule in report.Rules.Where(r => r.Flags.Count > 0))
        {
            foreach (var flag in rule.Flags)
            {
                Console.WriteLine($"  {rule.Rule} ({rule.Location}): {flag.Kind.ToWire()}: {flag.Detail}");
            }
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
