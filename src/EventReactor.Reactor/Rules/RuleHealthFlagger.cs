using System.Globalization;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Rules;

/// <summary>Judges one rule's counts over a window against <see cref="RuleHealthOptions"/>: pure, so every threshold is tested without a store.</summary>
internal sealed class RuleHealthFlagger(IOptions<RuleHealthOptions> options)
{
    public IReadOnlyList<RuleHealthFlag> Flag(RuleAuditTally tally, IReadOnlyList<RuleActionStats> actions)
    {
        var settings = options.Value;
        if (tally.Matched == 0)
        {
            return [new RuleHealthFlag(RuleHealthFlagKind.NeverMatched, "no event matched its tags")];
        }

        var flags = new List<RuleHealthFlag>();
        if (IsMost(tally.ConditionErrors, tally.Matched, settings.ConditionErrorShare, settings.MinimumSample))
        {
            flags.Add(new RuleHealthFlag(RuleHealthFlagKind.ConditionErrors, $"condition errors on {Of(tally.ConditionErrors, tally.Matched)} matches"));
        }

        foreach (var action in actions)
        {
            if (IsMost(action.Failures, tally.Fired, settings.ActionFailureShare, settings.MinimumSample))
            {
                flags.Add(new RuleHealthFlag(
                    RuleHealthFlagKind.FailingAction,
                    $"action {action.Index + 1} ({action.Action}) failed on {Of(action.Failures, tally.Fired)} firings",
                    action.Index));
            }
        }

        return flags;
    }

    private static bool IsMost(long part, long whole, double share, int minimumSample) =>
        whole >= minimumSample && part > share * whole;

    private static string Of(long part, long whole) => string.Create(CultureInfo.InvariantCulture, $"{part} of {whole}");
}
