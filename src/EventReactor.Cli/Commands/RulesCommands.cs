using System.CommandLine;
using System.Text.Json;
using EventReactor.Cli.Client;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Reactor;
using EventReactor.Reactor.Actions;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor rules check|test|explain|schema|stats</c>: what operators use while editing rules.</summary>
internal static class RulesCommands
{

    public static Command Create() => new("rules", "Check, dry-run and explain rules")
    {
        CreateCheck(),
        CreateTest(),
        CreateExplain(),
        CreateSchema(),
        RuleStatsCommand.Create(),
    };

    private static Command CreateCheck()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Rule files or folders (default: reactors/)", Arity = ArgumentArity.ZeroOrMore };
        var live = new Option<bool>("--live") { Description = "Also ask the running reactor (--server) for rules flagged unhealthy, printed as warnings" };
        var server = CommonOptions.Server();
        var check = new Command("check", "Check rule files; print every problem as file:line:column: message") { paths, live, server };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var asked = !parse.GetValue(live) || await RuleStatsCommand.PrintLiveWarningsAsync(parse.GetValue(server)!, cancellationToken);
            var given = parse.GetValue(paths);
            var result = new RuleSetLoader(BuiltInActions.Catalog).Load(given is { Length: > 0 } ? given : [new ReactorOptions().RulesPath]);
            if (!result.IsValid)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    Console.WriteLine(diagnostic);
                }

                Console.Error.WriteLine($"{Count(result.Diagnostics.Count, "problem")} in {Count(result.Files.Count, "file")}");
                return CliApplication.Failure;
            }

            Console.WriteLine($"ok: {Count(result.RuleSet!.Rules.Count, "rule")} in {Count(result.Files.Count, "file")}");
            return asked ? CliApplication.Ok : CliApplication.Failure;
        });
        return check;
    }

    private static Command CreateTest()
    {
        var eventPath = new Option<string?>("--event") { Description = "The event: a JSON file, or - for standard input" };
        var replay = new Option<string?>("--replay") { Description = "Instead of one event, replay the running reactor's journal over this window (such as 24h) and print what would change" };
        var tag = new Option<string?>("--tag") { Description = "With --replay: only events whose tag matches this glob (and what they chain to)" };
        var server = CommonOptions.Server();
        var rules = new Option<string?>("--rules") { Description = "Rule file or folder (default: reactors/)" };
        var json = new Option<bool>("--json") { Description = "One JSON document with 'matched' and 'actions' (with --replay: the replay report)" };
        var test = new Command("test", "Dry run: which rules an event would make act, which not and why, with rendered arguments; or, with --replay, what the rules would change over recent history") { eventPath, replay, tag, server, rules, json };
        test.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(eventPath) is null) == (parse.GetValue(replay) is null))
            {
                await Console.Error.WriteLineAsync("eventreactor: give either --event FILE or --replay WINDOW");
                return CliApplication.Usage;
            }

            var path = parse.GetValue(rules) ?? new ReactorOptions().RulesPath;
            var result = new RuleSetLoader(BuiltInActions.Catalog).Load([path]);
            if (!result.IsValid)
            {
                result.Diagnostics.ToList().ForEach(d => Console.Error.WriteLine(d));
                return CliApplication.Failure;
            }

            if (parse.GetValue(replay) is { } window)
            {
                return await RulesReplay.RunAsync(parse.GetValue(server)!, window, parse.GetValue(tag), result.Files, parse.GetValue(json), cancellationToken);
            }

            EventEnvelope envelope;
            try
            {
                envelope = await EventFile.ReadAsync(parse.GetValue(eventPath)!, cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"eventreactor: cannot read the event: {ex.Message}");
                return CliApplication.Usage;
            }

            var verdicts = new RuleEvaluator(new ReactorOptions().MaxDepth, OpenThrottleGate.Instance).Evaluate(result.RuleSet!, envelope);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(ToJson(envelope, verdicts), StateCommands.Indented));
            }
            else
            {
                PrintVerdicts(envelope, verdicts);
            }

            return CliApplication.Ok;
        });
        return test;
    }

    private static Command CreateExplain()
    {
        var eventId = new Argument<string>("EVENT_ID") { Description = "The id of an event the running reactor has seen" };
        var server = CommonOptions.Server();
        var json = new Option<bool>("--json") { Description = "The audit records as JSON" };
        var explain = new Command("explain", "Why a running reactor did, or did not, act on an event") { eventId, server, json };
        explain.SetAction(async (parse, cancellationToken) =>
        {
            using var client = new ReactorClient(parse.GetValue(server)!);
            try
            {
                var id = parse.GetValue(eventId)!;
                var answer = await client.AuditAsync(id, cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(answer, StateCommands.Indented));
                    return CliApplication.Ok;
                }

                var evaluations = answer.Evaluations;
                if (evaluations.Count == 0)
                {
                    Console.WriteLine($"no rule evaluated event {id}: no rule's tag matched it, or the reactor has not seen it");
                    return CliApplication.Failure;
                }

                Console.WriteLine($"event {id} ({evaluations[0].EventTag})");
                foreach (var record in evaluations)
                {
                    PrintAudit(record);
                }

                return CliApplication.Ok;
            }
            catch (ReactorClientException ex)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {ex.Message}");
                return CliApplication.Failure;
            }
        });
        return explain;
    }

    private static Command CreateSchema()
    {
        var schema = new Command("schema", "Print the JSON Schema for rule files (for editors)");
        schema.SetAction(_ =>
        {
            Console.Write(RuleFileSchema.Generate(BuiltInActions.Catalog));
            return CliApplication.Ok;
        });
        return schema;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static void PrintVerdicts(EventEnvelope envelope, IReadOnlyList<RuleVerdict> verdicts)
    {
        Console.WriteLine($"event {envelope.Tag}");
        if (verdicts.Count == 0)
        {
            Console.WriteLine("  no rule's tag matches it");
            return;
        }

        foreach (var verdict in verdicts)
        {
            var acts = verdict.Outcome == RuleOutcome.Acted;
            Console.WriteLine($"  {verdict.Rule.Name}  ({verdict.Rule.Location})  {(acts ? "acts" : $"does not act: {verdict.Detail}")}");
            foreach (var planned in verdict.Actions)
            {
                var arguments = planned.Arguments is null ? $"cannot render arguments: {planned.RenderError}" : CelValues.ToJson(planned.Arguments).GetRawText();
                Console.WriteLine($"    {planned.Index + 1}. {planned.Action.Name} {arguments}");
            }
        }

        var acting = verdicts.Count(v => v.Outcome == RuleOutcome.Acted);
        Console.WriteLine($"{verdicts.Count} matched, {acting} would act, {verdicts.Count - acting} would not");
    }

    private static object ToJson(EventEnvelope envelope, IReadOnlyList<RuleVerdict> verdicts) => new
    {
        @event = new { envelope.Id, envelope.Tag },
        matched = verdicts.Select(v => v.Rule.Name),
        actions = verdicts.SelectMany(v => v.Actions.Select(a => new
        {
            rule = v.Rule.Name,
            action = a.Action.Name,
            arguments = a.Arguments is null ? (JsonElement?)null : CelValues.ToJson(a.Arguments),
            error = a.RenderError,
        })),
        rules = verdicts.Select(v => new
        {
            name = v.Rule.Name,
            location = v.Rule.Location.ToString(),
            outcome = v.Outcome == RuleOutcome.Acted ? "acts" : v.Outcome.ToWire(),
            detail = v.Detail,
        }),
    };

    private static void PrintAudit(AuditRecord record)
    {
        var detail = record.Detail is { } text ? $": {text}" : string.Empty;
        Console.WriteLine($"  {record.Rule}  ({record.Location})  {record.Outcome.ToWire()}{detail}");
        foreach (var action in record.Actions)
        {
            var result = action.Error ?? action.Result ?? string.Empty;
            Console.WriteLine($"    {action.Action} {action.Status.ToWire()} after {action.Attempts} attempt(s): {result}");
            if (action.Arguments is { ValueKind: JsonValueKind.Object } arguments)
            {
                Console.WriteLine($"      arguments {arguments.GetRawText()}");
            }
        }
    }
}
