using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>Compares, for one event, what the live rules did (their audit) with what the candidate rules decide, action by action.</summary>
internal static class ReactionComparer
{
    private const string NoLiveRule = "no live rule of this name matched the event";
    private const string NoCandidateRule = "no candidate rule of this name matches the event";

    /// <param name="absent">Why the candidate does not act, when it has no verdicts because it would not fire the event at all.</param>
    public static void Compare(ReplayTally tally, string eventId, string tag, string? via, IReadOnlyList<AuditRecord> live, IReadOnlyList<RuleVerdict> candidate, string? absent = null)
    {
        if (live.Count == 0 && candidate.All(v => v.Outcome is not (RuleOutcome.Acted or RuleOutcome.ConditionError)))
        {
            return;
        }

        var liveByRule = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
        foreach (var record in live)
        {
            // A redelivery adds a 'duplicate' record after the one that acted; the first that acted is what happened. An
            // evaluation interrupted between actions lists only those it ran; its redelivery lists them all.
            if (!liveByRule.TryGetValue(record.Rule, out var seen)
                || (Acted(record.Outcome) && (!Acted(seen.Outcome) || record.Actions.Count > seen.Actions.Count)))
            {
                liveByRule[record.Rule] = record;
            }
        }

        var candidateByRule = new Dictionary<string, RuleVerdict>(StringComparer.Ordinal);
        foreach (var verdict in candidate)
        {
            candidateByRule.TryAdd(verdict.Rule.Name, verdict);
            liveByRule.TryGetValue(verdict.Rule.Name, out var record);
            if (verdict.Outcome == RuleOutcome.ConditionError && record?.Outcome != RuleOutcome.ConditionError)
            {
                tally.Add(DifferenceKind.NowErroring, verdict.Rule.Name, -1, null, new ReplayExample(eventId, tag, via, null, null, verdict.Detail));
            }

            if (verdict.Outcome == RuleOutcome.Acted)
            {
                CompareActing(tally, eventId, tag, via, verdict, record);
            }
        }

        foreach (var record in liveByRule.Values.Where(r => Acted(r.Outcome)))
        {
            candidateByRule.TryGetValue(record.Rule, out var verdict);
            var kept = verdict?.Outcome == RuleOutcome.Acted ? verdict.Actions.Count : 0;
            for (var index = kept; index < record.Actions.Count; index++)
            {
                var action = record.Actions[index];
                tally.Add(DifferenceKind.Removed, record.Rule, index, action.Action, new ReplayExample(eventId, tag, via, action.Arguments, null, verdict?.Detail ?? absent ?? NoCandidateRule));
            }
        }
    }

    /// <summary>Whether the live rule acted: ran its actions, even if one failed or it was a redelivery.</summary>
    public static bool Acted(RuleOutcome outcome) => outcome is RuleOutcome.Acted or RuleOutcome.Failed or RuleOutcome.Duplicate;

    private static void CompareActing(ReplayTally tally, string eventId, string tag, string? via, RuleVerdict verdict, AuditRecord? record)
    {
        var liveActions = record is not null && Acted(record.Outcome) ? record.Actions : [];
        foreach (var planned in verdict.Actions)
        {
            var renderError = planned.RenderError is null ? null : $"cannot render arguments: {planned.RenderError}";
            if (planned.Index >= liveActions.Count)
            {
                tally.Add(DifferenceKind.Added, verdict.Rule.Name, planned.Index, planned.Action.Name, new ReplayExample(eventId, tag, via, null, After(planned), renderError ?? record?.Detail ?? NoLiveRule));
                continue;
            }

            var before = liveActions[planned.Index];
            if (before.Action != planned.Action.Name)
            {
                tally.Add(DifferenceKind.Removed, verdict.Rule.Name, planned.Index, before.Action, new ReplayExample(eventId, tag, via, before.Arguments, null, $"the candidate's action {planned.Index + 1} is {planned.Action.Name}"));
                tally.Add(DifferenceKind.Added, verdict.Rule.Name, planned.Index, planned.Action.Name, new ReplayExample(eventId, tag, via, null, After(planned), renderError));
            }
            else if (!RenderedArguments.Same(before.Arguments, planned.Arguments))
            {
                tally.Add(DifferenceKind.Changed, verdict.Rule.Name, planned.Index, planned.Action.Name, new ReplayExample(eventId, tag, via, before.Arguments, After(planned), renderError));
            }
        }
    }

    private static JsonElement? After(PlannedAction planned) => planned.Arguments is null ? null : CelValues.ToJson(planned.Arguments);
}
