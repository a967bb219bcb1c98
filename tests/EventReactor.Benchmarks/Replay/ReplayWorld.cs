using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;

namespace EventReactor.Benchmarks.Replay;

/// <summary>
/// The rule engine benchmark's 1,000 rules, each given one <c>log</c> action, as the live set; the candidate edits a
/// tenth of them (50 reworded actions, 50 conditions dropped). Audit records are made as the reactor makes them.
/// </summary>
internal static class ReplayWorld
{
    public static (RuleSet Live, RuleSet Candidate) Rules(int count, Random random)
    {
        var generated = RuleGenerator.Generate(count, 0.30, random);
        var live = Action("${{ event.tag }} on ${{ event.minion }}");
        var edited = Action("${{ event.tag }} on ${{ event.minion }} (edited)");
        var liveRules = generated.Rules.Select(r => r with { Actions = live }).ToList();
        var candidateRules = liveRules.Select((r, i) => i switch
        {
            < 50 => r with { Actions = edited },
            < 100 => r with { When = null },
            _ => r,
        }).ToList();
        return (new RuleSet(liveRules, generated.Files), new RuleSet(candidateRules, generated.Files));
    }

    public static List<AuditRecord> Audit(EventEnvelope envelope, IReadOnlyList<RuleVerdict> verdicts) =>
        [.. verdicts.Select(v => new AuditRecord(
            envelope.Id,
            envelope.Tag,
            v.Rule.Name,
            v.Rule.Location.ToString(),
            v.Outcome,
            v.Detail,
            [.. v.Actions.Select(a => new ActionAudit(a.Action.Name, a.Action.Location.ToString(), a.Arguments is null ? null : CelValues.ToJson(a.Arguments), ActionStatus.Done, null, null, 1, 0.01))],
            envelope.Time,
            0.02))];

    private static IReadOnlyList<RuleAction> Action(string message) =>
        new RuleSetLoader(BuiltInActions.Catalog)
            .Load([("bench.yaml", $"rules:\n  - name: x\n    on: a\n    do:\n      - log: {{ message: \"{message}\" }}\n")])
            .GetValidRuleSet()
            .Rules[0]
            .Actions;
}
